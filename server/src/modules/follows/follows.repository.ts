import type { Queryable } from '../../platform/db.js';

export async function insertFollow(db: Queryable, followerUserId: string, target: { companyId: string | null; hostUserId: string | null }) {
  await db.query(
    `insert into follows (follower_user_id, company_id, host_user_id) values ($1, $2, $3) on conflict do nothing`,
    [followerUserId, target.companyId, target.hostUserId],
  );
}

export async function deleteFollow(db: Queryable, followerUserId: string, target: { companyId: string | null; hostUserId: string | null }) {
  await db.query(
    `delete from follows where follower_user_id = $1 and company_id is not distinct from $2 and host_user_id is not distinct from $3`,
    [followerUserId, target.companyId, target.hostUserId],
  );
}

export async function findCompanyName(db: Queryable, companyId: string) {
  const [row] = await db.query<{ name: string }>(`select name from companies where id = $1 and status = 'verified'`, [companyId]);
  return row?.name ?? null;
}

export async function findHostName(db: Queryable, userId: string) {
  const [row] = await db.query<{ name: string }>(
    `select display_name as name from users where id = $1 and role = 'host' and deleted_at is null and banned_at is null`,
    [userId],
  );
  return row?.name ?? null;
}

export function listFollowedCompanies(db: Queryable, userId: string) {
  return db.query<{ companyId: string; name: string; followedAt: Date }>(
    `select c.id as "companyId", c.name, f.created_at as "followedAt"
     from follows f join companies c on c.id = f.company_id
     where f.follower_user_id = $1 order by f.created_at desc`,
    [userId],
  );
}

export function listFollowedHosts(db: Queryable, userId: string) {
  return db.query<{ hostUserId: string; displayName: string; followedAt: Date }>(
    `select u.id as "hostUserId", u.display_name as "displayName", f.created_at as "followedAt"
     from follows f join users u on u.id = f.host_user_id
     where f.follower_user_id = $1 order by f.created_at desc`,
    [userId],
  );
}

// A session belongs to its host and to the companies whose jobs it presents.
const SESSION_FOLLOWERS = `
  select f.follower_user_id from follows f where f.host_user_id = s.host_user_id
  union
  select f.follower_user_id from follows f
  join jobs j on j.company_id = f.company_id
  join live_session_jobs sj on sj.job_id = j.id and sj.session_id = s.id`;

/** Live and upcoming sessions of the hosts and companies a person follows. */
export function listFollowedSessions(db: Queryable, userId: string, limit: number) {
  return db.query<{ id: string; title: string; status: string; startsAt: Date; hostName: string }>(
    `select s.id, s.title, s.status, s.starts_at as "startsAt", h.display_name as "hostName"
     from live_sessions s join users h on h.id = s.host_user_id
     where s.status in ('live', 'scheduled') and $1 in (${SESSION_FOLLOWERS})
     order by (s.status = 'live') desc, s.starts_at
     limit $2`,
    [userId, limit],
  );
}

/**
 * Who follows a session's host or one of its companies, minus the host and anyone who booked it (a
 * booking is already notified when the session starts).
 */
export async function listFollowersToNotify(db: Queryable, sessionId: string) {
  const rows = await db.query<{ userId: string; title: string; hostName: string }>(
    `select distinct followers.follower_user_id as "userId", s.title, h.display_name as "hostName"
     from live_sessions s
     join users h on h.id = s.host_user_id
     cross join lateral (${SESSION_FOLLOWERS}) followers
     join users u on u.id = followers.follower_user_id and u.deleted_at is null and u.banned_at is null
     where s.id = $1 and followers.follower_user_id <> s.host_user_id
       and not exists (select 1 from live_session_bookings b where b.session_id = s.id and b.user_id = followers.follower_user_id)`,
    [sessionId],
  );
  return rows;
}

export function listFollowsOfUser(db: Queryable, userId: string) {
  return db.query<{ companyId: string | null; hostUserId: string | null; createdAt: Date }>(
    `select company_id as "companyId", host_user_id as "hostUserId", created_at as "createdAt" from follows where follower_user_id = $1 order by id`,
    [userId],
  );
}

export async function deleteFollowsOfUser(db: Queryable, userId: string) {
  await db.query('delete from follows where follower_user_id = $1', [userId]);
}
