import type { Queryable } from '../../platform/db.js';

export type ApplicationRow = { id: number; jobId: string; sessionId: string | null; source: 'live' | 'replay' | 'job_page' | 'import'; status: string; appliedAt: Date; companyId: string | null };

const APPLICATION_COLUMNS = `a.id, a.job_id as "jobId", a.session_id as "sessionId", a.source, a.status, a.applied_at as "appliedAt", a.company_id as "companyId"`;

/**
 * The apply write as one statement, so one round trip in its own implicit transaction (no lock is held while
 * the server or the network works). It first checks what the live and jobs modules check on the slow path
 * (`live.getApplicationSource`, `jobs.checkAcceptsApplications`; keep the three in step): the job is open and
 * within its validity at a verified company, and, with a session, the session presents the job — which also
 * gives the source (a session that is over makes it a replay). Then it inserts the application —
 * snapshotting what the analytics need (the seeker's home city now; the job's city, category, industry and
 * company) — unless the unique (job_id, seeker_user_id) index already has it, takes the existing one
 * otherwise, and records the client's idempotency key with it. Null when nothing was inserted and nothing is
 * visible to this statement: a check failed (the caller asks the modules for the reason), the seeker has no
 * quick profile yet (the insert reads it) or is banned (a request already past the cookie check when the
 * ban landed), or a concurrent first tap committed after this statement's snapshot was taken (asking again
 * finds it).
 */
export async function storeApplication(
  db: Queryable,
  input: { jobId: string; seekerUserId: string; sessionId: string | null; idempotencyKey: string | null },
  /** The webhook outbox's CTEs (platform/outbox.ts), fed by `webhook_source`: the inserted application, if any. */
  outboxCtes = '',
): Promise<{ application: ApplicationRow; created: boolean } | null> {
  const [row] = await db.query<ApplicationRow & { created: boolean }>(
    `with eligible as (
       select j.id, j.city_code, j.category_code, j.industry_code, j.company_id,
              case when $3::uuid is null then 'job_page' when s.status in ('ended', 'missed') then 'replay' else 'live' end as source
       from jobs j
       join companies c on c.id = j.company_id and c.status = 'verified'
       left join live_sessions s on s.id = $3::uuid
       where j.id = $1 and j.status = 'open'
         and j.valid_from <= (now() at time zone 'Asia/Shanghai')::date and j.valid_until >= (now() at time zone 'Asia/Shanghai')::date
         and ($3::uuid is null or exists (select 1 from live_session_jobs sj where sj.session_id = s.id and sj.job_id = j.id))
     ),
     inserted as (
       insert into applications as a (job_id, seeker_user_id, session_id, source, seeker_city_code, job_city_code, category_code, industry_code, company_id)
       select e.id, p.user_id, $3::uuid, e.source, p.home_city_code, e.city_code, e.category_code, e.industry_code, e.company_id
       from eligible e, seeker_profiles p join users u on u.id = p.user_id and u.banned_at is null
       where p.user_id = $2
       on conflict (job_id, seeker_user_id) where seeker_user_id is not null do nothing
       returning ${APPLICATION_COLUMNS}, true as created
     ),
     application as (
       select * from inserted
       union all
       select ${APPLICATION_COLUMNS}, false from applications a
       where a.job_id = $1 and a.seeker_user_id = $2 and exists (select 1 from eligible) and not exists (select 1 from inserted)
     ),
     request as (
       insert into application_requests (seeker_user_id, idempotency_key, application_id, job_id)
       select $2, $4::text, id, $1 from application where $4::text is not null
       on conflict (seeker_user_id, idempotency_key) do nothing
     )${outboxCtes ? `,
     webhook_source as (
       select i.id as subject_id, e.company_id, ci.province_code, jsonb_build_object('status', i.status, 'source', i.source) as facts
         from inserted i, eligible e join cities ci on ci.code = e.city_code
     ),
     ${outboxCtes}` : ''}
     select * from application`,
    [input.jobId, input.seekerUserId, input.sessionId, input.idempotencyKey],
  );
  if (!row) return null;
  const { created, ...application } = row;
  return { application, created };
}

export async function isUserBanned(db: Queryable, userId: string) {
  const [row] = await db.query<{ isBanned: boolean }>('select banned_at is not null as "isBanned" from users where id = $1', [userId]);
  return row?.isBanned ?? false;
}

export async function listAppliedJobIdsOfSeeker(db: Queryable, seekerUserId: string) {
  const rows = await db.query<{ jobId: string }>('select job_id as "jobId" from applications where seeker_user_id = $1 and job_id is not null', [seekerUserId]);
  return rows.map((row) => row.jobId);
}

export async function findApplicationByRequestKey(db: Queryable, seekerUserId: string, idempotencyKey: string) {
  const [row] = await db.query<ApplicationRow & { requestJobId: string }>(
    `select ${APPLICATION_COLUMNS}, r.job_id as "requestJobId" from application_requests r join applications a on a.id = r.application_id
     where r.seeker_user_id = $1 and r.idempotency_key = $2`,
    [seekerUserId, idempotencyKey],
  );
  return row ?? null;
}

export type HostApplicationRow = {
  id: number; jobId: string; jobTitle: string; seekerName: string; seekerPhone: string; seekerCityName: string;
  source: string; status: string; appliedAt: Date; sessionId: string | null;
};

const HOST_VIEW_SELECT = `
  select a.id, a.job_id as "jobId", j.title as "jobTitle", coalesce(p.name, '') as "seekerName", coalesce(p.phone, '') as "seekerPhone",
         ci.short_name as "seekerCityName", a.source, a.status, a.applied_at as "appliedAt", a.session_id as "sessionId"
  from applications a
  join jobs j on j.id = a.job_id
  left join seeker_profiles p on p.user_id = a.seeker_user_id
  join cities ci on ci.code = a.seeker_city_code`;

export function listApplicationsBySession(db: Queryable, sessionId: string, limit: number, beforeId: number | null) {
  return db.query<HostApplicationRow>(
    `${HOST_VIEW_SELECT} where a.session_id = $1 and ($2::bigint is null or a.id < $2) order by a.id desc limit $3`,
    [sessionId, beforeId, limit],
  );
}

/** The host rows of a batch of new applications (the realtime flush pushes them together). */
export function listHostApplicationsByIds(db: Queryable, applicationIds: number[]) {
  return db.query<HostApplicationRow>(`${HOST_VIEW_SELECT} where a.id = any($1::bigint[]) order by a.id`, [applicationIds]);
}

export function countApplicationsByJobForSession(db: Queryable, sessionId: string) {
  return db.query<{ jobId: string; jobTitle: string; count: number }>(
    `select sj.job_id as "jobId", j.title as "jobTitle", count(a.id)::int as count
     from live_session_jobs sj
     join jobs j on j.id = sj.job_id
     left join applications a on a.session_id = sj.session_id and a.job_id = sj.job_id
     where sj.session_id = $1
     group by sj.job_id, j.title, sj.position
     order by sj.position`,
    [sessionId],
  );
}

/** Applications per (session, job) for the sessions of one realtime flush, in one grouped query. */
export function countApplicationsBySessionJob(db: Queryable, sessionIds: string[]) {
  return db.query<{ sessionId: string; jobId: string; count: number }>(
    `select session_id as "sessionId", job_id as "jobId", count(*)::int as count
     from applications where session_id = any($1::uuid[]) group by session_id, job_id`,
    [sessionIds],
  );
}

export function listApplicationRequestsOfSeeker(db: Queryable, seekerUserId: string) {
  return db.query<{ applicationId: number; jobId: string; idempotencyKey: string; createdAt: Date }>(
    `select application_id as "applicationId", job_id as "jobId", idempotency_key as "idempotencyKey", created_at as "createdAt"
     from application_requests where seeker_user_id = $1 order by created_at`,
    [seekerUserId],
  );
}

export async function deleteApplicationRequestsOfSeeker(db: Queryable, seekerUserId: string) {
  await db.query('delete from application_requests where seeker_user_id = $1', [seekerUserId]);
}
