import type { Queryable } from '../../platform/db.js';
import type { OutcomeFigures, OutcomeGroupBy } from '../../../../contracts/outcomes.js';

/**
 * Outcome figures, computed in SQL from the recorded history (application_events). An event counts when it
 * is effective: not an undo, and not undone by one. Per application:
 *   interviewed   an effective schedule_interview (the application reached the interview stage)
 *   hired         applications.hired_at is set (kept by the state machine: set by a hire, cleared by its
 *                 undo, a withdrawal or a no-show rejection) — the same column the analytics count
 *   onboarded     an effective onboard; stayed / left: an effective confirm_stay / record_left
 *   first contact the earliest effective contact or schedule_interview
 * 7-day attrition = left within 7 days ÷ onboarded. Durations are in hours.
 */
const MILESTONES = (applicationFilter: string) => `
  milestones as (
    select e.application_id,
           min(e.occurred_at) filter (where e.action in ('contact', 'schedule_interview')) as first_contact_at,
           bool_or(e.action = 'schedule_interview') as was_interviewed,
           bool_or(e.action = 'onboard') as was_onboarded,
           bool_or(e.action = 'confirm_stay') as stayed,
           bool_or(e.action = 'record_left') as left_early
    from application_events e
    join applications a on a.id = e.application_id
    where e.action <> 'undo'
      and not exists (select 1 from application_events u where u.undoes_event_id = e.id)
      and ${applicationFilter}
    group by e.application_id
  )`;

const FIGURES = `
  count(*) as applications,
  count(*) filter (where m.was_interviewed) as interviews,
  count(*) filter (where a.hired_at is not null) as hires,
  count(*) filter (where m.was_onboarded) as onboarded,
  count(*) filter (where m.stayed) as "stayed7Days",
  count(*) filter (where m.left_early) as "leftWithin7Days",
  count(*) filter (where m.was_onboarded and not coalesce(m.stayed, false) and not coalesce(m.left_early, false)) as "pendingChecks",
  case when count(*) filter (where m.was_onboarded) > 0
       then (count(*) filter (where m.left_early))::float8 / count(*) filter (where m.was_onboarded) end as "sevenDayAttrition",
  count(*) filter (where m.first_contact_at is not null) as contacted,
  percentile_cont(0.5) within group (order by extract(epoch from a.hired_at - a.applied_at)::float8 / 3600) as "medianHoursToHire",
  avg(extract(epoch from a.hired_at - a.applied_at)::float8 / 3600) as "meanHoursToHire",
  percentile_cont(0.5) within group (order by extract(epoch from m.first_contact_at - a.applied_at)::float8 / 3600) as "medianHoursToFirstContact",
  avg(extract(epoch from m.first_contact_at - a.applied_at)::float8 / 3600) as "meanHoursToFirstContact"`;

export type { OutcomeFigures, OutcomeGroupBy } from '../../../../contracts/outcomes.js';

const GROUPS: Record<OutcomeGroupBy, { key: string; label: string; joins: string; where: string }> = {
  company: { key: 'a.company_id', label: 'coalesce(c.name, a.imported_company_name)', joins: 'left join companies c on c.id = a.company_id', where: 'a.company_id is not null' },
  host: { key: 's.host_user_id', label: 'hu.display_name', joins: 'left join users hu on hu.id = s.host_user_id', where: 'a.session_id is not null' },
  session: { key: 'a.session_id', label: 's.title', joins: '', where: 'a.session_id is not null' },
  category: { key: 'a.category_code', label: 'jc.name', joins: 'join job_categories jc on jc.code = a.category_code', where: 'true' },
  // The campaign of the session the application came from (sessions without one are left out).
  campaign: { key: 's.campaign_id', label: 'cp.name', joins: 'left join campaigns cp on cp.id = s.campaign_id', where: 's.campaign_id is not null' },
};

/** Who may see which applications' figures (the service picks it from the user). */
export type OutcomeScope =
  | { kind: 'all' }
  | { kind: 'company'; companyId: string }
  | { kind: 'host'; hostUserId: string }
  | { kind: 'province'; provinceCode: string };

function scopeSql(scope: OutcomeScope, params: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  params.push(scope.kind === 'company' ? scope.companyId : scope.kind === 'host' ? scope.hostUserId : scope.provinceCode);
  const p = `$${params.length}`;
  if (scope.kind === 'company') return `a.company_id = ${p}`;
  if (scope.kind === 'host') return `a.session_id in (select id from live_sessions where host_user_id = ${p})`;
  return `a.job_city_code in (select code from cities where province_code = ${p})`;
}

/** Applications sent in [from, to] (China dates, both included), grouped; the cohort is the application day. */
export function listOutcomes(db: Queryable, groupBy: OutcomeGroupBy, scope: OutcomeScope, window: { from: string; to: string }) {
  return queryOutcomes(db, groupBy, scope, { window });
}

/**
 * The same figures for the applications that came through one campaign's sessions, whenever they were sent
 * (a replay watched after the campaign still counts for it): grouped by 'campaign' for its totals, by
 * 'session' for its sessions side by side.
 */
export function listCampaignOutcomes(db: Queryable, campaignId: string, groupBy: 'campaign' | 'session', scope: OutcomeScope) {
  return queryOutcomes(db, groupBy, scope, { campaignId });
}

/**
 * The funnel's first step for a campaign: unique viewers per session (the live module's table) and unique
 * viewers across all its sessions (a person in three of its rooms counts once there). `provinceCode`: only
 * the sessions of that province (a bureau's scope, as for a session's funnel); null: every session.
 */
export async function countCampaignViewers(db: Queryable, campaignId: string, provinceCode: string | null) {
  const rows = await db.query<{ sessionId: string | null; viewers: number }>(
    `select v.session_id::text as "sessionId", count(distinct v.viewer_key) as viewers
     from live_session_viewers v join live_sessions s on s.id = v.session_id
     where s.campaign_id = $1 and ($2::text is null or s.province_code = $2::text)
     group by grouping sets ((v.session_id), ())`,
    [campaignId, provinceCode],
  );
  const total = rows.find((row) => row.sessionId === null);
  return { uniqueViewers: total?.viewers ?? 0, bySession: rows.filter((row) => row.sessionId !== null) as Array<{ sessionId: string; viewers: number }> };
}

function queryOutcomes(db: Queryable, groupBy: OutcomeGroupBy, scope: OutcomeScope, cohort: { window?: { from: string; to: string }; campaignId?: string }) {
  const params: unknown[] = [];
  const conditions: string[] = [];
  if (cohort.window) {
    params.push(cohort.window.from, cohort.window.to);
    conditions.push(`a.applied_at >= ($1::date::timestamp at time zone 'Asia/Shanghai') and a.applied_at < (($2::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
  }
  if (cohort.campaignId) {
    params.push(cohort.campaignId);
    conditions.push(`a.session_id in (select id from live_sessions where campaign_id = $${params.length})`);
  }
  conditions.push(scopeSql(scope, params));
  const filter = conditions.join(' and ');
  const group = GROUPS[groupBy];
  return db.query<OutcomeFigures & { key: string; label: string | null }>(
    `with ${MILESTONES(filter)}
     select ${group.key}::text as key, ${group.label} as label, ${FIGURES}
     from applications a
     left join milestones m on m.application_id = a.id
     left join live_sessions s on s.id = a.session_id
     ${group.joins}
     where ${filter} and ${group.where}
     group by 1, 2
     order by applications desc, label`,
    params,
  );
}

export type FunnelRow = {
  sessionId: string;
  title: string;
  startsAt: Date;
  status: string;
  hostUserId: string;
  hostName: string | null;
  viewers: number;
  jobCardOpens: number;
  applications: number;
  interviews: number;
  hires: number;
  stayed7Days: number;
  leftWithin7Days: number;
  onboarded: number;
};

/**
 * The session funnel: unique viewers → job-card opens (unique viewer × job) → applications → interviews →
 * hires → stayed 7 days. Viewers and card opens are the live module's tables. For an employer
 * (`companyId`) the card opens and everything after are its own jobs only; viewers are the whole room.
 */
export function listSessionFunnels(db: Queryable, sessionIds: string[], companyId: string | null) {
  const filter = `a.session_id = any($1::uuid[]) and ($2::uuid is null or a.company_id = $2)`;
  return db.query<FunnelRow>(
    `with ${MILESTONES(filter)},
     viewers as (select session_id, count(*) as viewers from live_session_viewers where session_id = any($1::uuid[]) group by session_id),
     opens as (
       select o.session_id, count(*) as opens from live_job_card_opens o join jobs j on j.id = o.job_id
       where o.session_id = any($1::uuid[]) and ($2::uuid is null or j.company_id = $2) group by o.session_id
     ),
     figures as (
       select a.session_id, count(*) as applications,
              count(*) filter (where m.was_interviewed) as interviews,
              count(*) filter (where a.hired_at is not null) as hires,
              count(*) filter (where m.was_onboarded) as onboarded,
              count(*) filter (where m.stayed) as stayed,
              count(*) filter (where m.left_early) as left_early
       from applications a left join milestones m on m.application_id = a.id
       where ${filter}
       group by a.session_id
     )
     select s.id as "sessionId", s.title, s.starts_at as "startsAt", s.status, s.host_user_id as "hostUserId", hu.display_name as "hostName",
            coalesce(v.viewers, 0) as viewers, coalesce(o.opens, 0) as "jobCardOpens",
            coalesce(f.applications, 0) as applications, coalesce(f.interviews, 0) as interviews, coalesce(f.hires, 0) as hires,
            coalesce(f.onboarded, 0) as onboarded, coalesce(f.stayed, 0) as "stayed7Days", coalesce(f.left_early, 0) as "leftWithin7Days"
     from live_sessions s
     left join users hu on hu.id = s.host_user_id
     left join viewers v on v.session_id = s.id
     left join opens o on o.session_id = s.id
     left join figures f on f.session_id = s.id
     where s.id = any($1::uuid[])
     order by s.starts_at desc, s.id`,
    [sessionIds, companyId],
  );
}

export type SessionAccessRow = { id: string; hostUserId: string; provinceCode: string | null; hasCompanyJob: boolean };

/** Whether the company presents a job in the session or received applications through it. */
export async function findSessionForCompany(db: Queryable, sessionId: string, companyId: string | null) {
  const [row] = await db.query<SessionAccessRow>(
    `select s.id, s.host_user_id as "hostUserId", s.province_code as "provinceCode",
            ($2::uuid is not null and (
              exists (select 1 from live_session_jobs sj join jobs j on j.id = sj.job_id where sj.session_id = s.id and j.company_id = $2)
              or exists (select 1 from applications a where a.session_id = s.id and a.company_id = $2))) as "hasCompanyJob"
     from live_sessions s where s.id = $1`,
    [sessionId, companyId],
  );
  return row ?? null;
}

/** Sessions that have happened (live or ended) in the window, newest first: a scheduled one has no funnel yet. */
export async function listComparableSessionIds(db: Queryable, scope: OutcomeScope, window: { from: string; to: string }, limit: number) {
  const params: unknown[] = [window.from, window.to, limit];
  let condition = 'true';
  if (scope.kind === 'host') {
    params.push(scope.hostUserId);
    condition = `s.host_user_id = $${params.length}`;
  } else if (scope.kind === 'company') {
    params.push(scope.companyId);
    const p = `$${params.length}`;
    condition = `(exists (select 1 from live_session_jobs sj join jobs j on j.id = sj.job_id where sj.session_id = s.id and j.company_id = ${p})
                  or exists (select 1 from applications a where a.session_id = s.id and a.company_id = ${p}))`;
  } else if (scope.kind === 'province') {
    params.push(scope.provinceCode);
    condition = `s.province_code = $${params.length}`;
  }
  const rows = await db.query<{ id: string }>(
    `select s.id from live_sessions s
     where s.starts_at >= ($1::date::timestamp at time zone 'Asia/Shanghai') and s.starts_at < (($2::date + 1)::timestamp at time zone 'Asia/Shanghai')
       and s.status <> 'scheduled' and ${condition}
     order by s.starts_at desc limit $3`,
    params,
  );
  return rows.map((row) => row.id);
}

export type TrustRow = { applications: number; contacted: number; medianHoursToFirstContact: number | null; stayed7Days: number; leftWithin7Days: number };

/** Responsiveness and retention of one company, or of the leads from one host's sessions, since a day. */
export async function findTrustFigures(db: Queryable, subject: { companyId: string } | { hostUserId: string }, since: Date) {
  const params: unknown[] = ['companyId' in subject ? subject.companyId : subject.hostUserId, since];
  const filter = 'companyId' in subject
    ? 'a.company_id = $1 and a.applied_at >= $2'
    : 'a.session_id in (select id from live_sessions where host_user_id = $1) and a.applied_at >= $2';
  const [row] = await db.query<TrustRow>(
    `with ${MILESTONES(filter)}
     select count(*) as applications,
            count(*) filter (where m.first_contact_at is not null) as contacted,
            percentile_cont(0.5) within group (order by extract(epoch from m.first_contact_at - a.applied_at)::float8 / 3600) as "medianHoursToFirstContact",
            count(*) filter (where m.stayed) as "stayed7Days",
            count(*) filter (where m.left_early) as "leftWithin7Days"
     from applications a left join milestones m on m.application_id = a.id
     where ${filter}`,
    params,
  );
  return row;
}

/** The same rule as the host's public page: not deleted or banned, the host role or hosting sessions. */
export async function findHostUser(db: Queryable, userId: string) {
  const [row] = await db.query<{ id: string; displayName: string }>(
    `select u.id, u.display_name as "displayName" from users u
     where u.id = $1 and u.deleted_at is null and u.banned_at is null and u.role <> 'seeker'
       and (u.role = 'host' or exists (select 1 from live_sessions s where s.host_user_id = u.id))`,
    [userId],
  );
  return row ?? null;
}

export async function findCompanyName(db: Queryable, companyId: string) {
  const [row] = await db.query<{ id: string; name: string; status: string }>('select id, name, status from companies where id = $1', [companyId]);
  return row ?? null;
}
