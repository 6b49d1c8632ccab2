import type { Queryable } from '../../platform/db.js';
import type { ApplicationStatus, InterviewResponse, PipelineActionType, PipelineState } from './pipeline-state.js';

/** One application as the pipeline sees it (phone unmasked here: the service decides who sees what). */
export type ApplicationRecord = {
  id: number;
  jobId: string | null;
  jobTitle: string | null;
  companyId: string | null;
  companyName: string | null;
  sessionId: string | null;
  sessionTitle: string | null;
  sessionHostUserId: string | null;
  seekerUserId: string | null;
  seekerName: string | null;
  seekerPhone: string | null;
  source: string;
  status: ApplicationStatus;
  appliedAt: Date;
  appliedOn: string;
  hiredAt: Date | null;
  categoryCode: string;
  seekerCityCode: string;
  seekerCityName: string | null;
  anonymisedAt: Date | null;
  interviewAt: Date | null;
  interviewPlace: string | null;
  interviewVideoUrl: string | null;
  interviewResponse: InterviewResponse | null;
  startDate: string | null;
  closingReason: string | null;
  statusChangedAt: Date;
  /** Visible to this company only through a lead handoff the seeker consented to. */
  isShared: boolean;
  /** The seeker lets the application's company see the full number (pipeline/unmask.ts). */
  hasPhoneConsent: boolean;
};

const applicationSelect = (companyParam: string | null = null) => `
  select a.id, a.job_id as "jobId", coalesce(j.title, a.imported_job_title) as "jobTitle",
         a.company_id as "companyId", coalesce(c.name, a.imported_company_name) as "companyName",
         a.session_id as "sessionId", s.title as "sessionTitle", s.host_user_id as "sessionHostUserId",
         a.seeker_user_id as "seekerUserId", coalesce(p.name, u.display_name) as "seekerName",
         coalesce(p.phone, u.phone) as "seekerPhone", a.source, a.status, a.applied_at as "appliedAt",
         to_char((a.applied_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as "appliedOn",
         a.hired_at as "hiredAt", a.category_code as "categoryCode", a.seeker_city_code as "seekerCityCode",
         sc.short_name as "seekerCityName", a.anonymised_at as "anonymisedAt",
         pr.interview_at as "interviewAt", pr.interview_place as "interviewPlace", pr.interview_video_url as "interviewVideoUrl",
         pr.interview_response as "interviewResponse", to_char(pr.start_date, 'YYYY-MM-DD') as "startDate",
         pr.closing_reason as "closingReason", coalesce(pr.status_changed_at, a.applied_at) as "statusChangedAt",
         ${companyParam ? `(a.company_id is distinct from ${companyParam})` : 'false'} as "isShared",
         exists (select 1 from contact_consents k where k.seeker_user_id = a.seeker_user_id and k.company_id = a.company_id and k.kind = 'phone' and k.withdrawn_at is null) as "hasPhoneConsent"
  from applications a
  left join jobs j on j.id = a.job_id
  left join companies c on c.id = a.company_id
  left join live_sessions s on s.id = a.session_id
  left join users u on u.id = a.seeker_user_id
  left join seeker_profiles p on p.user_id = a.seeker_user_id
  left join cities sc on sc.code = a.seeker_city_code
  left join application_progress pr on pr.application_id = a.id`;

export async function findApplicationById(db: Queryable, applicationId: number, options: { lock?: boolean } = {}): Promise<ApplicationRecord | null> {
  const [row] = await db.query<ApplicationRecord>(`${applicationSelect()} where a.id = $1 ${options.lock ? 'for update of a' : ''}`, [applicationId]);
  return row ?? null;
}

export type ApplicationFilter = {
  jobId?: string;
  sessionId?: string;
  status?: ApplicationStatus;
  appliedFrom?: string;
  appliedTo?: string;
};

function filterConditions(filter: ApplicationFilter, params: unknown[]) {
  const conditions: string[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.jobId) add((p) => `a.job_id = ${p}`, filter.jobId);
  if (filter.sessionId) add((p) => `a.session_id = ${p}`, filter.sessionId);
  if (filter.status) add((p) => `a.status = ${p}`, filter.status);
  // Dates are China calendar days, both ends included.
  if (filter.appliedFrom) add((p) => `a.applied_at >= (${p}::date::timestamp at time zone 'Asia/Shanghai')`, filter.appliedFrom);
  if (filter.appliedTo) add((p) => `a.applied_at < ((${p}::date + 1)::timestamp at time zone 'Asia/Shanghai')`, filter.appliedTo);
  return conditions;
}

export type Scope = { kind: 'company'; companyId: string } | { kind: 'host'; hostUserId: string } | { kind: 'seeker'; seekerUserId: string };

function scopeCondition(scope: Scope, params: unknown[]) {
  params.push(scope.kind === 'company' ? scope.companyId : scope.kind === 'host' ? scope.hostUserId : scope.seekerUserId);
  const p = `$${params.length}`;
  if (scope.kind === 'company') {
    // The company's own jobs, and leads handed to it with the seeker's consent.
    return `(a.company_id = ${p} or exists (select 1 from lead_handoffs h where h.application_id = a.id and h.recipient_company_id = ${p} and h.status = 'granted'))`;
  }
  if (scope.kind === 'host') return `s.host_user_id = ${p}`;
  return `a.seeker_user_id = ${p}`;
}

export async function listApplications(db: Queryable, scope: Scope, filter: ApplicationFilter, page: { limit: number; offset: number }) {
  const params: unknown[] = [];
  const scopeSql = scopeCondition(scope, params);
  const companyParam = scope.kind === 'company' ? '$1' : null;
  const conditions = [scopeSql, ...filterConditions(filter, params)];
  const where = conditions.join(' and ');
  params.push(page.limit, page.offset);
  const rows = await db.query<ApplicationRecord>(
    `${applicationSelect(companyParam)} where ${where} order by a.applied_at desc, a.id desc limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const [count] = await db.query<{ total: number }>(
    `select count(*) as total from applications a left join live_sessions s on s.id = a.session_id where ${where}`,
    params.slice(0, -2),
  );
  return { applications: rows, total: count.total };
}

export async function countApplicationsByStatus(db: Queryable, scope: Scope, filter: ApplicationFilter) {
  const params: unknown[] = [];
  const conditions = [scopeCondition(scope, params), ...filterConditions({ ...filter, status: undefined }, params)];
  return db.query<{ status: ApplicationStatus; count: number }>(
    `select a.status, count(*) as count from applications a left join live_sessions s on s.id = a.session_id
     where ${conditions.join(' and ')} group by a.status`,
    params,
  );
}

/** Writes the current state: the status and hire time on the application, the rest beside it. */
export async function saveState(db: Queryable, applicationId: number, state: PipelineState, changedAt: Date) {
  await db.query('update applications set status = $2, hired_at = $3 where id = $1', [applicationId, state.status, state.hiredAt]);
  await db.query(
    `insert into application_progress (application_id, interview_at, interview_place, interview_video_url, interview_response, start_date, closing_reason, status_changed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (application_id) do update set interview_at = excluded.interview_at, interview_place = excluded.interview_place,
       interview_video_url = excluded.interview_video_url, interview_response = excluded.interview_response,
       start_date = excluded.start_date, closing_reason = excluded.closing_reason, status_changed_at = excluded.status_changed_at`,
    [applicationId, state.interviewAt, state.interviewPlace, state.interviewVideoUrl, state.interviewResponse, state.startDate, state.closingReason, changedAt],
  );
}

export type NewEvent = {
  applicationId: number;
  action: PipelineActionType | 'undo';
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  actorUserId: string | null;
  actorRole: 'employer' | 'seeker' | 'admin' | 'system';
  reason: string | null;
  details: Record<string, unknown>;
  stateBefore: PipelineState;
  undoesEventId: number | null;
  occurredAt: Date;
};

export async function insertEvent(db: Queryable, event: NewEvent): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into application_events (application_id, action, from_status, to_status, actor_user_id, actor_role, reason, details, state_before, undoes_event_id, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [event.applicationId, event.action, event.fromStatus, event.toStatus, event.actorUserId, event.actorRole, event.reason,
      JSON.stringify(event.details), JSON.stringify(event.stateBefore), event.undoesEventId, event.occurredAt],
  );
  return row.id;
}

export type EffectiveEvent = {
  id: number;
  action: PipelineActionType;
  actorRole: string;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  stateBefore: PipelineState;
};

/** The latest change that has not been undone (undo events themselves are not changes to undo). */
export async function findLatestEffectiveEvent(db: Queryable, applicationId: number): Promise<EffectiveEvent | null> {
  const [row] = await db.query<EffectiveEvent>(
    `select e.id, e.action, e.actor_role as "actorRole", e.from_status as "fromStatus", e.to_status as "toStatus", e.state_before as "stateBefore"
     from application_events e
     where e.application_id = $1 and e.action <> 'undo'
       and not exists (select 1 from application_events u where u.undoes_event_id = e.id)
     order by e.id desc limit 1`,
    [applicationId],
  );
  return row ?? null;
}

/** The latest effective change of each application (one query for a whole page of the console). */
export async function listLatestEffectiveEvents(db: Queryable, applicationIds: number[]): Promise<Map<number, EffectiveEvent>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db.query<EffectiveEvent & { applicationId: number }>(
    `select distinct on (e.application_id) e.application_id as "applicationId", e.id, e.action, e.actor_role as "actorRole",
            e.from_status as "fromStatus", e.to_status as "toStatus", e.state_before as "stateBefore"
     from application_events e
     where e.application_id = any($1::bigint[]) and e.action <> 'undo'
       and not exists (select 1 from application_events u where u.undoes_event_id = e.id)
     order by e.application_id, e.id desc`,
    [applicationIds],
  );
  return new Map(rows.map(({ applicationId, ...event }) => [applicationId, event]));
}

export type EventView = {
  id: number;
  action: PipelineActionType | 'undo';
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  actorRole: string;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  undoesEventId: number | null;
  isUndone: boolean;
  occurredAt: Date;
};

export function listEvents(db: Queryable, applicationId: number) {
  return db.query<EventView>(
    `select e.id, e.action, e.from_status as "fromStatus", e.to_status as "toStatus", e.actor_role as "actorRole",
            case when u.deleted_at is null then u.display_name end as "actorName", e.reason, e.details,
            e.undoes_event_id as "undoesEventId",
            exists (select 1 from application_events x where x.undoes_event_id = e.id) as "isUndone", e.occurred_at as "occurredAt"
     from application_events e left join users u on u.id = e.actor_user_id
     where e.application_id = $1 order by e.id`,
    [applicationId],
  );
}

export async function insertNote(db: Queryable, applicationId: number, authorUserId: string, body: string) {
  const [row] = await db.query<{ id: number }>('insert into application_notes (application_id, author_user_id, body) values ($1, $2, $3) returning id', [applicationId, authorUserId, body]);
  return row.id;
}

export type NoteView = { id: number; body: string; authorName: string | null; createdAt: Date };

export function listNotes(db: Queryable, applicationId: number) {
  return db.query<NoteView>(
    `select n.id, n.body, u.display_name as "authorName", n.created_at as "createdAt"
     from application_notes n left join users u on u.id = n.author_user_id where n.application_id = $1 order by n.id`,
    [applicationId],
  );
}

export type UnmaskView = { viewerName: string | null; companyName: string | null; unmaskedAt: Date };

export function listUnmasks(db: Queryable, applicationId: number) {
  return db.query<UnmaskView>(
    `select u.display_name as "viewerName", c.name as "companyName", l.unmasked_at as "unmaskedAt"
     from phone_unmask_log l left join users u on u.id = l.viewer_user_id left join companies c on c.id = l.viewer_company_id
     where l.application_id = $1 and l.kind = 'phone' order by l.id`,
    [applicationId],
  );
}

// ---- lead handoffs (consent before a lead goes to another company) ----

export type HandoffView = {
  id: number;
  applicationId: number;
  recipientCompanyId: string;
  recipientCompanyName: string;
  requestedByRole: 'host' | 'employer';
  requestedByName: string | null;
  purpose: string;
  status: 'pending' | 'granted' | 'refused';
  requestedAt: Date;
  decidedAt: Date | null;
  seekerUserId: string | null;
  requestedByUserId: string | null;
};

const HANDOFF_SELECT = `
  select h.id, h.application_id as "applicationId", h.recipient_company_id as "recipientCompanyId", c.name as "recipientCompanyName",
         h.requested_by_role as "requestedByRole", u.display_name as "requestedByName", h.purpose, h.status,
         h.requested_at as "requestedAt", h.decided_at as "decidedAt", a.seeker_user_id as "seekerUserId",
         h.requested_by_user_id as "requestedByUserId"
  from lead_handoffs h
  join companies c on c.id = h.recipient_company_id
  join applications a on a.id = h.application_id
  left join users u on u.id = h.requested_by_user_id`;

/** Inserts a request, or returns the existing one for the same lead and recipient (idempotent). */
export async function insertHandoff(db: Queryable, input: { applicationId: number; recipientCompanyId: string; requestedByUserId: string; requestedByRole: 'host' | 'employer'; purpose: string }) {
  const [row] = await db.query<{ id: number; isNew: boolean }>(
    `with inserted as (
       insert into lead_handoffs (application_id, recipient_company_id, requested_by_user_id, requested_by_role, purpose)
       values ($1, $2, $3, $4, $5) on conflict (application_id, recipient_company_id) do nothing returning id
     )
     select id, true as "isNew" from inserted
     union all
     select id, false from lead_handoffs where application_id = $1 and recipient_company_id = $2 and not exists (select 1 from inserted)`,
    [input.applicationId, input.recipientCompanyId, input.requestedByUserId, input.requestedByRole, input.purpose],
  );
  return row;
}

export async function findHandoffById(db: Queryable, handoffId: number, options: { lock?: boolean } = {}): Promise<HandoffView | null> {
  const [row] = await db.query<HandoffView>(`${HANDOFF_SELECT} where h.id = $1 ${options.lock ? 'for update of h' : ''}`, [handoffId]);
  return row ?? null;
}

export function listHandoffsByApplication(db: Queryable, applicationId: number) {
  return db.query<HandoffView>(`${HANDOFF_SELECT} where h.application_id = $1 order by h.id`, [applicationId]);
}

export async function listHandoffsByApplications(db: Queryable, applicationIds: number[]): Promise<Map<number, HandoffView[]>> {
  const byApplication = new Map<number, HandoffView[]>();
  if (applicationIds.length === 0) return byApplication;
  for (const row of await db.query<HandoffView>(`${HANDOFF_SELECT} where h.application_id = any($1::bigint[]) order by h.id`, [applicationIds])) {
    byApplication.set(row.applicationId, [...(byApplication.get(row.applicationId) ?? []), row]);
  }
  return byApplication;
}

export function listHandoffsBySeeker(db: Queryable, seekerUserId: string) {
  return db.query<HandoffView>(`${HANDOFF_SELECT} where a.seeker_user_id = $1 order by h.id desc`, [seekerUserId]);
}

export async function decideHandoff(db: Queryable, handoffId: number, status: 'granted' | 'refused', at: Date) {
  await db.query(`update lead_handoffs set status = $2, decided_at = $3 where id = $1 and status = 'pending'`, [handoffId, status, at]);
}

export async function findCompanyForHandoff(db: Queryable, companyId: string) {
  const [row] = await db.query<{ id: string; name: string; status: string; accountType: string }>(
    'select id, name, status, account_type as "accountType" from companies where id = $1',
    [companyId],
  );
  return row ?? null;
}

// ---- 7-day checks ----

export async function insertSevenDayCheck(db: Queryable, applicationId: number, companyId: string | null, dueOn: string) {
  await db.query(
    `insert into pipeline_tasks (kind, application_id, company_id, due_on) values ('seven_day_check', $1, $2, $3)
     on conflict (kind, application_id) where completed_at is null and cancelled_at is null do update set due_on = excluded.due_on`,
    [applicationId, companyId, dueOn],
  );
}

export async function completeOpenTask(db: Queryable, applicationId: number, userId: string, at: Date) {
  await db.query(
    `update pipeline_tasks set completed_at = $3, completed_by_user_id = $2
     where application_id = $1 and kind = 'seven_day_check' and completed_at is null and cancelled_at is null`,
    [applicationId, userId, at],
  );
}

export async function cancelOpenTask(db: Queryable, applicationId: number, at: Date) {
  await db.query(
    `update pipeline_tasks set cancelled_at = $2 where application_id = $1 and kind = 'seven_day_check' and completed_at is null and cancelled_at is null`,
    [applicationId, at],
  );
}

/** Undoing the stay/left record reopens the check it completed. */
export async function reopenLatestTask(db: Queryable, applicationId: number) {
  await db.query(
    `update pipeline_tasks set completed_at = null, completed_by_user_id = null
     where id = (select id from pipeline_tasks where application_id = $1 and kind = 'seven_day_check' and cancelled_at is null order by id desc limit 1)`,
    [applicationId],
  );
}

export type TaskView = {
  id: number;
  kind: 'seven_day_check';
  applicationId: number;
  dueOn: string;
  isDue: boolean;
  seekerName: string | null;
  jobTitle: string | null;
  startDate: string | null;
  createdAt: Date;
  notifiedAt: Date | null;
};

/** Open tasks of a company, earliest due first; `dueBy` keeps only those due on or before that day. */
export function listOpenTasks(db: Queryable, companyId: string, today: string, dueBy: string | null) {
  return db.query<TaskView>(
    `select t.id, t.kind, t.application_id as "applicationId", to_char(t.due_on, 'YYYY-MM-DD') as "dueOn", (t.due_on <= $2::date) as "isDue",
            coalesce(p.name, u.display_name) as "seekerName", j.title as "jobTitle", to_char(pr.start_date, 'YYYY-MM-DD') as "startDate",
            t.created_at as "createdAt", t.notified_at as "notifiedAt"
     from pipeline_tasks t
     join applications a on a.id = t.application_id
     left join jobs j on j.id = a.job_id
     left join users u on u.id = a.seeker_user_id
     left join seeker_profiles p on p.user_id = a.seeker_user_id
     left join application_progress pr on pr.application_id = a.id
     where t.company_id = $1 and t.completed_at is null and t.cancelled_at is null and ($3::date is null or t.due_on <= $3::date)
     order by t.due_on, t.id`,
    [companyId, today, dueBy],
  );
}

/** Tasks that came due and have not been announced yet, locked so two sweepers do not both announce. */
export function claimDueUnnotifiedTasks(db: Queryable, today: string, at: Date) {
  return db.query<{ id: number; applicationId: number; companyId: string | null; dueOn: string }>(
    `update pipeline_tasks set notified_at = $2
     where id in (
       select id from pipeline_tasks
       where due_on <= $1::date and notified_at is null and completed_at is null and cancelled_at is null
       order by due_on, id limit 500 for update skip locked
     )
     returning id, application_id as "applicationId", company_id as "companyId", to_char(due_on, 'YYYY-MM-DD') as "dueOn"`,
    [today, at],
  );
}

// ---- who to notify ----

export async function listCompanyMemberIds(db: Queryable, companyId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from users where company_id = $1 and role = 'employer' and banned_at is null and deleted_at is null`,
    [companyId],
  );
  return rows.map((row) => row.id);
}

// ---- personal data (download and account deletion) ----

export async function listApplicationIdsBySeeker(db: Queryable, seekerUserId: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>('select id from applications where seeker_user_id = $1 order by id', [seekerUserId]);
  return rows.map((row) => row.id);
}

/**
 * Removes the seeker from their applications. Kept: the analytics snapshot columns (cities, category,
 * industry, company, dates, status, hired_at) and the history's actions and times; removed: the link to
 * the person, the company's notes about them, and the free text they wrote.
 */
export async function anonymiseApplicationsOfSeeker(db: Queryable, seekerUserId: string, at: Date) {
  const ids = await listApplicationIdsBySeeker(db, seekerUserId);
  if (ids.length === 0) return 0;
  await db.query(`update lead_handoffs set status = 'refused', decided_at = $2 where status = 'pending' and application_id = any($1::bigint[])`, [ids, at]);
  await db.query('delete from application_notes where application_id = any($1::bigint[])', [ids]);
  await db.query(`update application_events set actor_user_id = null, reason = case when actor_role = 'seeker' then null else reason end where application_id = any($1::bigint[]) and actor_user_id = $2`, [ids, seekerUserId]);
  await db.query(`update application_progress set closing_reason = null where application_id = any($1::bigint[]) and closing_reason is not null
                  and application_id in (select id from applications where status = 'withdrawn')`, [ids]);
  await db.query('update applications set seeker_user_id = null, anonymised_at = $2 where id = any($1::bigint[])', [ids, at]);
  return ids.length;
}
