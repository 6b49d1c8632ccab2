import type { Queryable } from '../../platform/db.js';
import type { SessionStatus } from '../../../../contracts/live.js';

export type SessionRow = {
  id: string;
  title: string;
  status: SessionStatus;
  hostUserId: string;
  createdBy: string | null;
  startsAt: Date;
  wentLiveAt: Date | null;
  endedAt: Date | null;
  pinnedJobId: string | null;
  likeCount: number;
};

const SESSION_ROW_COLUMNS = `s.id, s.title, s.status, s.host_user_id as "hostUserId", s.created_by as "createdBy", s.starts_at as "startsAt",
  s.went_live_at as "wentLiveAt", s.ended_at as "endedAt", s.pinned_job_id as "pinnedJobId", s.like_count as "likeCount"`;

export type SummaryRow = {
  id: string;
  title: string;
  status: SessionStatus;
  startsAt: Date;
  secondsUntilStart: number;
  hostUserId: string;
  hostName: string;
  coverText: string;
  provinceCode: string | null;
  cityCode: string | null;
  cityName: string | null;
  employerNames: string[];
  employers: Array<{ companyId: string; name: string }>;
  jobCount: number;
  bookingCount: number;
  isBooked: boolean;
  wentLiveAt: Date | null;
  endedAt: Date | null;
  pinnedJobId: string | null;
  likeCount: number;
  createdBy: string | null;
  isSynthetic: boolean;
  campaignId: string | null;
  campaignName: string | null;
  viewerCount: number;
};

// $1 is the viewer's user id (or null) in every summary query.
const SUMMARY_SELECT = `
  select s.id, s.title, s.status, s.starts_at as "startsAt",
         round(extract(epoch from (s.starts_at - now())))::int as "secondsUntilStart",
         s.host_user_id as "hostUserId", u.display_name as "hostName", s.cover_text as "coverText",
         s.province_code as "provinceCode", s.city_code as "cityCode", ci.short_name as "cityName",
         coalesce((select array_agg(distinct c.name) from live_session_jobs sj join jobs j on j.id = sj.job_id
                   join companies c on c.id = j.company_id where sj.session_id = s.id and c.status = 'verified'), '{}') as "employerNames",
         coalesce((select json_agg(json_build_object('companyId', e.id, 'name', e.name) order by e.name)
                   from (select distinct c.id, c.name from live_session_jobs sj join jobs j on j.id = sj.job_id
                         join companies c on c.id = j.company_id where sj.session_id = s.id and c.status = 'verified') e), '[]') as "employers",
         (select count(*) from live_session_jobs sj join jobs j on j.id = sj.job_id join companies c on c.id = j.company_id
           where sj.session_id = s.id and c.status = 'verified')::int as "jobCount",
         (select count(*) from live_session_bookings b where b.session_id = s.id)::int as "bookingCount",
         exists (select 1 from live_session_bookings b where b.session_id = s.id and b.user_id = $1::uuid) as "isBooked",
         s.went_live_at as "wentLiveAt", s.ended_at as "endedAt", s.pinned_job_id as "pinnedJobId", s.like_count as "likeCount",
         s.created_by as "createdBy", s.is_synthetic as "isSynthetic", s.campaign_id as "campaignId", cp.name as "campaignName",
         s.viewer_count as "viewerCount"
  from live_sessions s
  join users u on u.id = s.host_user_id
  left join cities ci on ci.code = s.city_code
  left join campaigns cp on cp.id = s.campaign_id`;

export async function insertSession(
  db: Queryable,
  session: { title: string; hostUserId: string; createdBy: string; startsAt: string; coverText: string; cityCode: string | null; campaignId: string | null },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into live_sessions (title, host_user_id, created_by, starts_at, cover_text, city_code, province_code, campaign_id)
     values ($1, $2, $3, $4, $5, $6, (select province_code from cities where code = $6), $7)
     returning id`,
    [session.title, session.hostUserId, session.createdBy, session.startsAt, session.coverText, session.cityCode, session.campaignId],
  );
  return row.id;
}

export async function insertSessionJobs(db: Queryable, sessionId: string, jobIds: string[]) {
  if (jobIds.length === 0) return;
  await db.query(
    `insert into live_session_jobs (session_id, job_id, position)
     select $1, job_id, position::int - 1 from unnest($2::uuid[]) with ordinality as t(job_id, position)`,
    [sessionId, jobIds],
  );
}

export async function upsertStreamKey(db: Queryable, sessionId: string, secret: string) {
  await db.query(
    `insert into live_session_stream_keys (session_id, secret) values ($1, $2)
     on conflict (session_id) do update set secret = excluded.secret, rotated_at = now()`,
    [sessionId, secret],
  );
}

export async function findStreamKey(db: Queryable, sessionId: string) {
  const [row] = await db.query<{ secret: string; rotatedAt: Date }>(
    'select secret, rotated_at as "rotatedAt" from live_session_stream_keys where session_id = $1',
    [sessionId],
  );
  return row ?? null;
}

/** Keys of sessions that may publish (scheduled or live): the media server's allow-list. */
/** A banned host publishes nothing: its sessions' keys are left out. */
export function listPublishableStreamKeys(db: Queryable, sessionId: string | null = null) {
  return db.query<{ sessionId: string; secret: string }>(
    `select s.id as "sessionId", k.secret from live_sessions s join live_session_stream_keys k on k.session_id = s.id
     join users h on h.id = s.host_user_id
     where s.status in ('scheduled', 'live') and h.banned_at is null and ($1::uuid is null or s.id = $1::uuid)`,
    [sessionId],
  );
}

export async function listLiveSessionIdsOfHost(db: Queryable, hostUserId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(`select id from live_sessions where host_user_id = $1 and status = 'live'`, [hostUserId]);
  return rows.map((row) => row.id);
}

export async function findSessionRow(db: Queryable, sessionId: string): Promise<SessionRow | null> {
  const [row] = await db.query<SessionRow>(`select ${SESSION_ROW_COLUMNS} from live_sessions s where s.id = $1`, [sessionId]);
  return row ?? null;
}

export async function findSessionSummary(db: Queryable, sessionId: string, viewerUserId: string | null): Promise<SummaryRow | null> {
  const [row] = await db.query<SummaryRow>(`${SUMMARY_SELECT} where s.id = $2`, [viewerUserId, sessionId]);
  return row ?? null;
}

export function listSessionSummaries(
  db: Queryable,
  filter: {
    statuses: SessionStatus[]; viewerUserId: string | null; cityCode: string | null; provinceCode: string | null; hostUserId: string | null;
    bookedOnly: boolean; limit: number; campaignId?: string | null;
  },
) {
  return db.query<SummaryRow>(
    `${SUMMARY_SELECT}
     where s.status = any($2::text[])
       and ($3::text is null or s.city_code = $3)
       and ($4::text is null or s.province_code = $4)
       and ($5::uuid is null or s.host_user_id = $5 or s.created_by = $5)
       and (not $6 or exists (select 1 from live_session_bookings b where b.session_id = s.id and b.user_id = $1::uuid))
       and ($8::uuid is null or s.campaign_id = $8)
     order by case s.status when 'live' then 0 when 'scheduled' then 1 else 2 end,
              case when s.status = 'ended' then null else s.starts_at end asc,
              s.ended_at desc nulls last
     limit $7`,
    [filter.viewerUserId, filter.statuses, filter.cityCode, filter.provinceCode, filter.hostUserId, filter.bookedOnly, filter.limit, filter.campaignId ?? null],
  );
}

export function listSessionJobs(db: Queryable, sessionId: string) {
  return db.query<{
    jobId: string; position: number; title: string; companyId: string; companyName: string; companyAccountType: string;
    cityCode: string; cityName: string; categoryCode: string; categoryName: string; payMonthlyMin: number | null;
    payMonthlyMax: number | null; payHourly: number | null; isDailyPay: boolean; shiftPattern: string; housing: string;
    meals: string; headcount: number; isOpen: boolean;
  }>(
    `select j.id as "jobId", sj.position, j.title, j.company_id as "companyId", c.name as "companyName",
            c.account_type as "companyAccountType", j.city_code as "cityCode", ci.short_name as "cityName",
            j.category_code as "categoryCode", jc.name as "categoryName", j.pay_monthly_min as "payMonthlyMin",
            j.pay_monthly_max as "payMonthlyMax", j.pay_hourly as "payHourly", j.is_daily_pay as "isDailyPay",
            j.shift_pattern as "shiftPattern", j.housing, j.meals, j.headcount,
            (j.status = 'open' and c.status = 'verified' and j.valid_until >= (now() at time zone 'Asia/Shanghai')::date) as "isOpen"
     from live_session_jobs sj
     join jobs j on j.id = sj.job_id
     join companies c on c.id = j.company_id
     join cities ci on ci.code = j.city_code
     join job_categories jc on jc.code = j.category_code
     where sj.session_id = $1 and c.status = 'verified' -- a suspended company's jobs disappear from rooms too
     order by sj.position, j.title`,
    [sessionId],
  );
}

/** One read for an application from a room: the session's status and whether the job is one of its jobs. */
export async function findSessionStatusForJob(db: Queryable, sessionId: string, jobId: string) {
  const [row] = await db.query<{ status: SessionStatus; isJobInSession: boolean }>(
    `select s.status, exists (select 1 from live_session_jobs sj where sj.session_id = s.id and sj.job_id = $2) as "isJobInSession"
     from live_sessions s where s.id = $1`,
    [sessionId, jobId],
  );
  return row ?? null;
}

export async function isJobInSession(db: Queryable, sessionId: string, jobId: string) {
  const rows = await db.query('select 1 from live_session_jobs where session_id = $1 and job_id = $2', [sessionId, jobId]);
  return rows.length > 0;
}

export async function insertBooking(db: Queryable, sessionId: string, userId: string) {
  await db.query('insert into live_session_bookings (session_id, user_id) values ($1, $2) on conflict do nothing', [sessionId, userId]);
}

export async function deleteBooking(db: Queryable, sessionId: string, userId: string) {
  await db.query('delete from live_session_bookings where session_id = $1 and user_id = $2', [sessionId, userId]);
}

/** scheduled → live; returns the row only when this call made the change. */
export async function updateSessionLive(db: Queryable, sessionId: string): Promise<SessionRow | null> {
  const [row] = await db.query<SessionRow>(
    `update live_sessions s set status = 'live', went_live_at = coalesce(went_live_at, now())
     where s.id = $1 and s.status = 'scheduled' returning ${SESSION_ROW_COLUMNS}`,
    [sessionId],
  );
  return row ?? null;
}

/** scheduled | live → ended; returns the row only when this call made the change. */
export async function updateSessionEnded(db: Queryable, sessionId: string): Promise<SessionRow | null> {
  const [row] = await db.query<SessionRow>(
    `update live_sessions s set status = 'ended', ended_at = now(), pinned_job_id = null, viewer_count = 0, end_due_at = null
     where s.id = $1 and s.status in ('scheduled', 'live') returning ${SESSION_ROW_COLUMNS}`,
    [sessionId],
  );
  return row ?? null;
}

/** The encoder stopped: the session ends at `dueAt` unless a publish cancels it (any node may do either). */
export async function updateSessionEndDue(db: Queryable, sessionId: string, dueAt: Date | null) {
  await db.query(
    `update live_sessions set end_due_at = $2 where id = $1 and (status in ('scheduled', 'live') or $2::timestamptz is null)`,
    [sessionId, dueAt],
  );
}

/** live → ended when its end is still due at `now` (a publish meanwhile cleared it); the row only when this call ended it. */
export async function updateSessionEndedIfDue(db: Queryable, sessionId: string, now: Date): Promise<SessionRow | null> {
  const [row] = await db.query<SessionRow>(
    `update live_sessions s set status = 'ended', ended_at = now(), pinned_job_id = null, viewer_count = 0, end_due_at = null
     where s.id = $1 and s.status in ('scheduled', 'live') and s.end_due_at <= $2 returning ${SESSION_ROW_COLUMNS}`,
    [sessionId, now],
  );
  return row ?? null;
}

export async function listSessionIdsDueToEnd(db: Queryable, now: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from live_sessions where end_due_at <= $1 and status in ('scheduled', 'live') order by end_due_at limit 500`,
    [now],
  );
  return rows.map((row) => row.id);
}

/** scheduled → missed for sessions that started before the cutoff and never went live; returns their ids. */
export async function updateSessionsMissed(db: Queryable, cutoff: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `update live_sessions set status = 'missed', pinned_job_id = null
     where status = 'scheduled' and went_live_at is null and starts_at < $1 returning id`,
    [cutoff],
  );
  return rows.map((row) => row.id);
}

export function listSessionIdsByStatus(db: Queryable, status: SessionStatus) {
  return db.query<{ id: string }>('select id from live_sessions where status = $1', [status]);
}

/** Marks bookings notified and returns who to notify; a second call for the same session returns nobody. */
export async function claimBookingsToNotify(db: Queryable, sessionId: string) {
  const rows = await db.query<{ userId: string }>(
    `update live_session_bookings set notified_at = now() where session_id = $1 and notified_at is null returning user_id as "userId"`,
    [sessionId],
  );
  return rows.map((row) => row.userId);
}

export async function updatePinnedJob(db: Queryable, sessionId: string, jobId: string | null) {
  await db.query('update live_sessions set pinned_job_id = $2 where id = $1', [sessionId, jobId]);
}

/** Returns the stored like count after the addition (every node's likes), or null for an unknown session. */
export async function addLikesAndPeakViewers(db: Queryable, sessionId: string, likes: number, viewers: number): Promise<number | null> {
  const [row] = await db.query<{ likeCount: number }>(
    `update live_sessions set like_count = like_count + $2, peak_viewers = greatest(peak_viewers, $3),
       viewer_count = case when status = 'live' then $3 else 0 end where id = $1 returning like_count as "likeCount"`,
    [sessionId, likes, viewers],
  );
  return row ? Number(row.likeCount) : null;
}

/** The stored like counts of some sessions (with several nodes, the likes other nodes added). */
export async function listLikeCounts(db: Queryable, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; likeCount: number }>(
    `select id, like_count as "likeCount" from live_sessions where id = any($1::uuid[])`,
    [sessionIds],
  );
  return new Map(rows.map((row) => [row.id, Number(row.likeCount)]));
}

// ---------------------------------------------------------------- chat

export type ChatRow = { id: string; sessionId: string; userId: string; displayName: string; text: string; isHost: boolean; createdAt: Date };

export async function insertChatMessages(db: Queryable, messages: ChatRow[]) {
  if (messages.length === 0) return;
  // A message still in the batch when its author deleted the account is not stored.
  await db.query(
    `insert into live_chat_messages (id, session_id, user_id, display_name, text, created_at)
     select t.* from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) as t(id, session_id, user_id, display_name, text, created_at)
     where not exists (select 1 from users u where u.id = t.user_id and u.deleted_at is not null)
     on conflict (id) do nothing`,
    [
      messages.map((message) => message.id),
      messages.map((message) => message.sessionId),
      messages.map((message) => message.userId),
      messages.map((message) => message.displayName),
      messages.map((message) => message.text),
      messages.map((message) => message.createdAt),
    ],
  );
}

export function listRecentChatMessages(db: Queryable, sessionId: string, hostUserId: string, limit: number) {
  return db.query<ChatRow>(
    `select * from (
       select m.id, m.session_id as "sessionId", m.user_id as "userId", m.display_name as "displayName", m.text,
              m.user_id = $2 as "isHost", m.created_at as "createdAt"
       from live_chat_messages m where m.session_id = $1 and m.deleted_at is null
       order by m.created_at desc limit $3) recent
     order by "createdAt"`,
    [sessionId, hostUserId, limit],
  );
}

export async function markChatMessageDeleted(db: Queryable, sessionId: string, messageId: string, deletedBy: string) {
  await db.query('update live_chat_messages set deleted_at = now(), deleted_by = $3 where id = $2 and session_id = $1', [sessionId, messageId, deletedBy]);
}

export async function upsertRestriction(
  db: Queryable,
  restriction: { sessionId: string; userId: string; kind: 'mute' | 'ban'; until: Date | null; reason: string; createdBy: string },
) {
  await db.query(
    `insert into live_session_restrictions (session_id, user_id, kind, until, reason, created_by) values ($1, $2, $3, $4, $5, $6)
     on conflict (session_id, user_id, kind) do update set until = excluded.until, reason = excluded.reason,
       created_by = excluded.created_by, created_at = now()`,
    [restriction.sessionId, restriction.userId, restriction.kind, restriction.until, restriction.reason, restriction.createdBy],
  );
}

export async function deleteRestriction(db: Queryable, sessionId: string, userId: string, kind: 'mute' | 'ban') {
  await db.query('delete from live_session_restrictions where session_id = $1 and user_id = $2 and kind = $3', [sessionId, userId, kind]);
}

export function listActiveRestrictions(db: Queryable, sessionId: string) {
  return db.query<{ userId: string; kind: 'mute' | 'ban'; until: Date | null }>(
    `select user_id as "userId", kind, until from live_session_restrictions
     where session_id = $1 and (until is null or until > now())`,
    [sessionId],
  );
}

/** Bans in sessions that can still be watched live (the media server's deny list). */
/** Session bans of sessions that can still be watched, and banned accounts (session '*': every session). */
export function listLivePlaybackBans(db: Queryable) {
  return db.query<{ sessionId: string; userId: string }>(
    `select r.session_id::text as "sessionId", r.user_id as "userId" from live_session_restrictions r
       join live_sessions s on s.id = r.session_id
      where r.kind = 'ban' and s.status in ('scheduled', 'live')
     union all
     select '*', u.id from users u where u.banned_at is not null`,
  );
}

/** Banned from this session by its host, or the whole account banned by an admin. */
export async function isBannedFromSession(db: Queryable, sessionId: string, userId: string) {
  const rows = await db.query<{ found: number }>(
    `select 1 as found from live_session_restrictions where session_id = $1 and user_id = $2 and kind = 'ban'
     union all
     select 1 from users where id = $2 and banned_at is not null
     limit 1`,
    [sessionId, userId],
  );
  return rows.length > 0;
}

/** The host console's list of who is muted or removed, with display names, newest first. */
export function listActiveRestrictionsWithNames(db: Queryable, sessionId: string) {
  return db.query<{ userId: string; displayName: string; kind: 'mute' | 'ban'; until: Date | null }>(
    `select r.user_id as "userId", u.display_name as "displayName", r.kind, r.until
       from live_session_restrictions r join users u on u.id = r.user_id
      where r.session_id = $1 and (r.until is null or r.until > now()) and u.deleted_at is null
      order by r.created_at desc`,
    [sessionId],
  );
}

// ---------------------------------------------------------------- word filter

export function listWordFilters(db: Queryable) {
  return db.query<{ id: number; word: string; action: 'block' | 'mask'; createdAt: Date }>(
    'select id, word, action, created_at as "createdAt" from chat_word_filters order by id',
  );
}

export async function insertWordFilter(db: Queryable, word: string, action: 'block' | 'mask', createdBy: string | null) {
  const [row] = await db.query<{ id: number }>(
    `insert into chat_word_filters (word, action, created_by) values ($1, $2, $3)
     on conflict (word) do update set action = excluded.action returning id`,
    [word, action, createdBy],
  );
  return row.id;
}

export async function deleteWordFilter(db: Queryable, id: number) {
  const rows = await db.query('delete from chat_word_filters where id = $1 returning id', [id]);
  return rows.length > 0;
}

// ---------------------------------------------------------------- recordings, funnel

export async function insertRecording(
  db: Queryable,
  recording: { sessionId: string; fileName: string; format: 'flv' | 'mp4'; bytes: number; startedAt: Date; endedAt: Date },
) {
  await db.query(
    `insert into live_recordings (session_id, file_name, format, bytes, started_at, ended_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (session_id, file_name) do update set bytes = excluded.bytes, ended_at = excluded.ended_at`,
    [recording.sessionId, recording.fileName, recording.format, recording.bytes, recording.startedAt, recording.endedAt],
  );
}

export function listRecordings(db: Queryable, sessionId: string) {
  return db.query<{ fileName: string; format: 'flv' | 'mp4'; bytes: number; startedAt: Date; endedAt: Date }>(
    `select file_name as "fileName", format, bytes, started_at as "startedAt", ended_at as "endedAt"
     from live_recordings where session_id = $1 order by started_at, format desc`,
    [sessionId],
  );
}

export async function findRecording(db: Queryable, sessionId: string, fileName: string) {
  const [row] = await db.query<{ fileName: string; format: 'flv' | 'mp4' }>(
    'select file_name as "fileName", format from live_recordings where session_id = $1 and file_name = $2',
    [sessionId, fileName],
  );
  return row ?? null;
}

export async function insertViewers(db: Queryable, sessionId: string, viewers: Array<{ viewerKey: string; userId: string | null }>) {
  if (viewers.length === 0) return;
  // Viewers batched before their account was deleted are not stored under their id (the funnel already has them).
  await db.query(
    `insert into live_session_viewers (session_id, viewer_key, user_id)
     select $1, t.viewer_key, t.user_id from unnest($2::text[], $3::uuid[]) as t(viewer_key, user_id)
     where t.user_id is null or not exists (select 1 from users u where u.id = t.user_id and u.deleted_at is not null)
     on conflict do nothing`,
    [sessionId, viewers.map((viewer) => viewer.viewerKey), viewers.map((viewer) => viewer.userId)],
  );
}

export async function insertJobCardOpen(db: Queryable, sessionId: string, jobId: string, viewerKey: string, userId: string | null) {
  await db.query(
    `insert into live_job_card_opens (session_id, job_id, viewer_key)
     select $1, $2, $3 where exists (select 1 from live_session_jobs where session_id = $1 and job_id = $2)
       and ($4::uuid is null or not exists (select 1 from users u where u.id = $4::uuid and u.deleted_at is not null))
     on conflict do nothing`,
    [sessionId, jobId, viewerKey, userId],
  );
}

/** Operators name a host by email (CLI); the account itself is read through the auth module. */
export async function findUserIdByEmail(db: Queryable, email: string) {
  const [row] = await db.query<{ id: string }>('select id from users where email = $1', [email]);
  return row?.id ?? null;
}

// ---------------------------------------------------------------- personal data (download, account deletion)

/** What the live rooms hold about one person, for their data download. A signed-in viewer's key is their user id. */
export async function listPersonalLiveData(db: Queryable, userId: string) {
  const bookings = await db.query<{ sessionId: string; sessionTitle: string; bookedAt: Date; notifiedAt: Date | null }>(
    `select b.session_id as "sessionId", s.title as "sessionTitle", b.created_at as "bookedAt", b.notified_at as "notifiedAt"
     from live_session_bookings b join live_sessions s on s.id = b.session_id where b.user_id = $1 order by b.created_at`,
    [userId],
  );
  const chatMessages = await db.query<{ sessionId: string; sessionTitle: string; displayName: string; text: string; sentAt: Date; deletedByHostAt: Date | null }>(
    `select m.session_id as "sessionId", s.title as "sessionTitle", m.display_name as "displayName", m.text, m.created_at as "sentAt",
            m.deleted_at as "deletedByHostAt"
     from live_chat_messages m join live_sessions s on s.id = m.session_id where m.user_id = $1 order by m.created_at, m.id`,
    [userId],
  );
  const sessionsWatched = await db.query<{ sessionId: string; sessionTitle: string; firstJoinedAt: Date }>(
    `select v.session_id as "sessionId", s.title as "sessionTitle", v.first_joined_at as "firstJoinedAt"
     from live_session_viewers v join live_sessions s on s.id = v.session_id
     where v.user_id = $1 or v.viewer_key = $1::text order by v.first_joined_at`,
    [userId],
  );
  const jobCardOpens = await db.query<{ sessionId: string; sessionTitle: string; jobId: string; jobTitle: string; openedAt: Date }>(
    `select o.session_id as "sessionId", s.title as "sessionTitle", o.job_id as "jobId", j.title as "jobTitle", o.opened_at as "openedAt"
     from live_job_card_opens o join live_sessions s on s.id = o.session_id join jobs j on j.id = o.job_id
     where o.viewer_key = $1::text order by o.opened_at`,
    [userId],
  );
  const restrictions = await db.query<{ sessionId: string; sessionTitle: string; kind: 'mute' | 'ban'; until: Date | null; reason: string; createdAt: Date }>(
    `select r.session_id as "sessionId", s.title as "sessionTitle", r.kind, r.until, r.reason, r.created_at as "createdAt"
     from live_session_restrictions r join live_sessions s on s.id = r.session_id where r.user_id = $1 order by r.created_at`,
    [userId],
  );
  return { bookings, chatMessages, sessionsWatched, jobCardOpens, restrictions };
}

/**
 * Account deletion. Chat text, bookings and the mutes/bans applied to the person are deleted (nothing counts
 * them). The funnel counts viewer and card-open rows, so those stay and only lose the person: their key becomes
 * a pseudonym per session (`erased-<md5(salt, session)>`, the salt random and never stored), so a session's
 * unique viewers and its viewer × job card opens are the same numbers as before, and nothing links the rows of
 * two sessions to each other or to the account.
 */
export async function eraseLiveDataOfUser(db: Queryable, userId: string, salt: string) {
  await db.query('delete from live_chat_messages where user_id = $1', [userId]);
  await db.query('delete from live_session_bookings where user_id = $1', [userId]);
  await db.query('delete from live_session_restrictions where user_id = $1', [userId]);
  await db.query(
    `update live_session_viewers set viewer_key = 'erased-' || md5($2 || session_id::text), user_id = null
     where user_id = $1 or viewer_key = $1::text`,
    [userId, salt],
  );
  await db.query(
    `update live_job_card_opens set viewer_key = 'erased-' || md5($2 || session_id::text) where viewer_key = $1::text`,
    [userId, salt],
  );
}

// ---------------------------------------------------------------- public host and company pages

/**
 * A host's public page: anyone who is not deleted or banned and either has the host role or hosts sessions
 * (an employer presenting its own jobs, a bureau). Only the display name and counts: no email, no phone.
 */
export async function findPublicHost(db: Queryable, hostUserId: string) {
  const [row] = await db.query<{
    id: string; displayName: string; role: 'host' | 'employer' | 'bureau' | 'admin'; companyId: string | null; companyName: string | null;
    live: number; scheduled: number; ended: number; isSynthetic: boolean;
  }>(
    `select u.id, u.display_name as "displayName", u.role,
            c.id as "companyId", c.name as "companyName",
            count(s.id) filter (where s.status = 'live')::int as live,
            count(s.id) filter (where s.status = 'scheduled')::int as scheduled,
            count(s.id) filter (where s.status = 'ended')::int as ended,
            (u.is_synthetic or coalesce(bool_and(s.is_synthetic), false)) as "isSynthetic"
     from users u
     left join companies c on c.id = u.company_id and c.status = 'verified'
     left join live_sessions s on s.host_user_id = u.id
     where u.id = $1 and u.deleted_at is null and u.banned_at is null and u.role <> 'seeker'
     group by u.id, c.id
     having u.role = 'host' or count(s.id) > 0`,
    [hostUserId],
  );
  return row ?? null;
}

/** Host accounts a scheduler may name (display name search), for the schedule form's 主播 picker. */
export function searchHosts(db: Queryable, query: string, limit: number) {
  return db.query<{ id: string; displayName: string }>(
    `select u.id, u.display_name as "displayName" from users u
      where u.role = 'host' and u.deleted_at is null and u.banned_at is null
        and ($1 = '' or strpos(lower(u.display_name), lower($1)) > 0)
      order by u.display_name, u.id
      limit $2`,
    [query, limit],
  );
}

/** Sessions of one host, or presenting one company's jobs: live first, then upcoming by start, then replays newest first. */
export function listSessionSummariesByIds(db: Queryable, viewerUserId: string | null, sessionIds: string[]) {
  return db.query<SummaryRow>(`${SUMMARY_SELECT} where s.id = any($2::uuid[])`, [viewerUserId, sessionIds]);
}

export function listSessionSummariesOf(
  db: Queryable,
  filter: { viewerUserId: string | null; statuses: SessionStatus[]; hostUserId: string | null; companyId: string | null; jobId?: string | null; limit: number },
) {
  return db.query<SummaryRow>(
    `${SUMMARY_SELECT}
     where s.status = any($2::text[])
       and ($3::uuid is null or s.host_user_id = $3)
       and ($4::uuid is null or exists (select 1 from live_session_jobs sj join jobs j on j.id = sj.job_id where sj.session_id = s.id and j.company_id = $4))
       and ($6::uuid is null or exists (select 1 from live_session_jobs sj where sj.session_id = s.id and sj.job_id = $6))
     order by case s.status when 'live' then 0 when 'scheduled' then 1 else 2 end,
              case when s.status = 'ended' then null else s.starts_at end asc,
              s.ended_at desc nulls last, s.starts_at desc
     limit $5`,
    [filter.viewerUserId, filter.statuses, filter.hostUserId, filter.companyId, filter.limit, filter.jobId ?? null],
  );
}
