import type { Db, Queryable } from '../../platform/db.js';
import type { ImpactMethod, MethodComponent } from './impact-method.js';
import type { OccupationBody, OccupationGroupKey } from './impact.schemas.js';

export type ImpactFigureQuery = { from: string; to: string; provinceCode: string | null; cityCode: string | null; campaignId: string | null };

/** The 7-day attrition's series: by week for windows up to 62 days, by month beyond (a handful of points either way). */
export type AttritionGrain = 'week' | 'month';
export const attritionGrainOf = (from: string, to: string): AttritionGrain => ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > 62 ? 'month' : 'week');

// $1 from, $2 to (China dates, both included), $3 province code, $4 city code, $5 campaign id, $6 the attrition series' grain.
const WINDOW_START = `(($1::date)::timestamp at time zone 'Asia/Shanghai')`;
const WINDOW_END = `(($2::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
const IN_WINDOW = (column: string) => `${column} >= ${WINDOW_START} and ${column} < ${WINDOW_END}`;

/**
 * The impact report's own figures in one statement. Sessions and open jobs use the analytics' definitions
 * (analytics.repository.ts, held_sessions and open_jobs), narrowed to the campaign's sessions when one is
 * given; pipeline figures count effective events (not an undo, not undone) in the window, as the outcome
 * figures do (pipeline/outcomes.repository.ts), by the job's city.
 */
const IMPACT_SQL = `
with
region_cities as materialized (
  select code from cities where ($3::text is null or province_code = $3::text) and ($4::text is null or code = $4::text)
),
campaign_sessions as materialized (select id from live_sessions where campaign_id = $5::uuid),
held_sessions as materialized (
  select ls.id, ls.host_user_id from live_sessions ls
  where ls.status in ('live', 'ended')
    and ${IN_WINDOW('coalesce(ls.went_live_at, ls.starts_at)')}
    and (($3::text is null and $4::text is null)
      or ls.city_code in (select code from region_cities)
      or ($4::text is null and ls.city_code is null and ls.province_code = $3::text))
    and ($5::uuid is null or ls.id in (select id from campaign_sessions))
),
hosts as materialized (
  select distinct h.host_user_id as user_id, u.role from held_sessions h join users u on u.id = h.host_user_id
),
effective_events as materialized (
  select e.application_id, e.action, e.actor_user_id, e.actor_role, e.occurred_at
  from application_events e join applications a on a.id = e.application_id
  where e.action <> 'undo'
    and ${IN_WINDOW('e.occurred_at')}
    and not exists (select 1 from application_events u where u.undoes_event_id = e.id)
    and a.job_city_code in (select code from region_cities)
    and ($5::uuid is null or a.session_id in (select id from campaign_sessions))
),
recruiters as materialized (
  select distinct e.actor_user_id as user_id, c.account_type
  from effective_events e join users u on u.id = e.actor_user_id left join companies c on c.id = u.company_id
  where e.actor_role = 'employer' and e.actor_user_id is not null
),
open_jobs as materialized (
  select j.id, j.company_id, j.occupation_id from jobs j join region_cities c on c.code = j.city_code
  where j.valid_from <= $2::date and j.valid_until >= $1::date
    and not (j.status = 'closed' and j.updated_at < ${WINDOW_START})
    and ($5::uuid is null or j.id in (select sj.job_id from live_session_jobs sj join held_sessions h on h.id = sj.session_id))
),
campaign_applications as (
  select count(*) filter (where ${IN_WINDOW('a.applied_at')}) as applications,
         count(*) filter (where ${IN_WINDOW('a.hired_at')}) as hires
  from applications a
  where $5::uuid is not null and a.session_id in (select id from campaign_sessions)
    and a.job_city_code in (select code from region_cities)
),
first_contacts as (
  select e.application_id, min(e.occurred_at) as first_contact_at
  from application_events e join applications a on a.id = e.application_id
  where e.action in ('contact', 'schedule_interview') and e.occurred_at < ${WINDOW_END}
    and not exists (select 1 from application_events u where u.undoes_event_id = e.id)
    and a.job_city_code in (select code from region_cities)
    and ($5::uuid is null or a.session_id in (select id from campaign_sessions))
  group by e.application_id
  having min(e.occurred_at) >= ${WINDOW_START}
),
-- The window's hires and their median time to hire in one pass over the hires' index (migration 0095): no copy of
-- the rows, no join with the region's cities for the whole country (the constant condition folds away), and hours
-- as double precision (date_part), which the median sorts anyway — extract() is numeric arithmetic, twice the time.
hire_times as (
  select count(*) as hires,
    round(percentile_cont(0.5) within group (order by date_part('epoch', a.hired_at - a.applied_at) / 3600)::numeric, 1) as median_hours
  from applications a
  where ${IN_WINDOW('a.hired_at')}
    and (($3::text is null and $4::text is null) or a.job_city_code in (select code from region_cities))
    and ($5::uuid is null or a.session_id in (select id from campaign_sessions))
),
session_weeks as (
  select h.id, ls.title, coalesce(ls.went_live_at, ls.starts_at) as started_at,
    (select count(*) from applications a
     where a.session_id = h.id and a.job_city_code in (select code from region_cities)
       and a.hired_at >= coalesce(ls.went_live_at, ls.starts_at)
       and a.hired_at < coalesce(ls.went_live_at, ls.starts_at) + interval '7 days') as hires
  from held_sessions h join live_sessions ls on ls.id = h.id
),
people as (select user_id from hosts union select user_id from recruiters),
attrition_periods as (
  select p::date as period_start from generate_series(date_trunc($6::text, $1::date), $2::date, ('1 ' || $6::text)::interval) p
),
attrition_outcomes as (
  select date_trunc($6::text, e.occurred_at at time zone 'Asia/Shanghai')::date as period_start,
    count(distinct e.application_id) filter (where e.action = 'record_left') as left_count,
    count(distinct e.application_id) filter (where e.action = 'confirm_stay') as stayed_count
  from effective_events e where e.action in ('record_left', 'confirm_stay') group by 1
)
select
  (select json_build_object('id', id, 'name', name) from campaigns where id = $5::uuid) as campaign,
  json_build_object(
    'onboarded', (select count(distinct application_id) from effective_events where action = 'onboard'),
    'stayed7Days', (select count(distinct application_id) from effective_events where action = 'confirm_stay'),
    'activeHosts', (select count(*) from hosts),
    'activeHostsByRole', json_build_object(
      'host', (select count(*) from hosts where role = 'host'),
      'employer', (select count(*) from hosts where role = 'employer'),
      'bureau', (select count(*) from hosts where role = 'bureau')),
    'activeRecruiters', (select count(*) from recruiters),
    'activeRecruitersByAccountType', json_build_object(
      'direct', (select count(*) from recruiters where account_type = 'direct'),
      'agency', (select count(*) from recruiters where account_type = 'agency'),
      'dispatch', (select count(*) from recruiters where account_type = 'dispatch'),
      'public', (select count(*) from recruiters where account_type = 'public'))
  ) as measured,
  json_build_object(
    'sessions', (select count(*) from held_sessions),
    'bureauSessions', (select count(*) from held_sessions h join users u on u.id = h.host_user_id where u.role = 'bureau'),
    'companies', (select count(distinct company_id) from open_jobs),
    'agencyCompanies', (select count(distinct j.company_id) from open_jobs j join companies c on c.id = j.company_id where c.account_type in ('agency', 'dispatch')),
    'jobs', (select count(*) from open_jobs),
    'viewers', (select count(distinct v.viewer_key) from live_session_viewers v where v.session_id in (select id from held_sessions)),
    'applications', (select applications from campaign_applications),
    'hires', (select hires from campaign_applications)
  ) as open,
  json_build_object(
    'medianHoursToFirstContact', (select round(percentile_cont(0.5) within group (order by date_part('epoch', f.first_contact_at - a.applied_at) / 3600)::numeric, 1)
      from first_contacts f join applications a on a.id = f.application_id),
    'medianHoursToHire', (select median_hours from hire_times),
    'sevenDayAttrition', (select round((count(distinct application_id) filter (where action = 'record_left'))::numeric
      / nullif(count(distinct application_id) filter (where action in ('record_left', 'confirm_stay')), 0), 4) from effective_events),
    'bestSessionsByWeeklyHires', (select coalesce(json_agg(json_build_object('sessionId', id, 'title', title, 'startedAt', started_at, 'hires', hires)
      order by hires desc, started_at, id), '[]'::json)
      from (select * from session_weeks where hires > 0 order by hires desc, started_at, id limit 5) best),
    'awaitingSevenDayCheck', (select count(distinct o.application_id) from effective_events o
      where o.action = 'onboard' and not exists (
        select 1 from application_events e where e.application_id = o.application_id and e.action in ('confirm_stay', 'record_left')
          and not exists (select 1 from application_events u where u.undoes_event_id = e.id))),
    'sevenDayAttritionSeries', json_build_object('grain', $6::text, 'periods', (select json_agg(json_build_object(
        'from', to_char(greatest(p.period_start, $1::date), 'YYYY-MM-DD'),
        'to', to_char(least((p.period_start + ('1 ' || $6::text)::interval)::date - 1, $2::date), 'YYYY-MM-DD'),
        'left', coalesce(o.left_count, 0), 'stayed', coalesce(o.stayed_count, 0),
        'attrition', round(o.left_count::numeric / nullif(o.left_count + o.stayed_count, 0), 4)
      ) order by p.period_start)
      from attrition_periods p left join attrition_outcomes o on o.period_start = p.period_start))
  ) as efficiency,
  json_build_object(
    'firstContacts', (select count(*) from first_contacts),
    'timedHires', (select hires from hire_times),
    'left7Days', (select count(distinct application_id) from effective_events where action = 'record_left')
  ) as "efficiencyCounts",
  (select coalesce(json_agg(json_build_object(
      'id', o.id, 'name', o.name, 'groupKey', o.occupation_group, 'classificationCode', o.classification_code,
      'announcementBatch', o.announcement_batch,
      'people', (select count(*) from people p join user_occupations uo on uo.user_id = p.user_id where uo.occupation_id = o.id),
      'jobs', (select count(*) from open_jobs j where j.occupation_id = o.id)
    ) order by array_position(array['tech_explorer', 'content_creator', 'business_trainer'], o.occupation_group), o.id), '[]'::json)
    from occupations o) as occupations`;

export type ImpactFigureRow = {
  campaign: { id: string; name: string } | null;
  measured: {
    onboarded: number;
    stayed7Days: number;
    activeHosts: number;
    activeHostsByRole: { host: number; employer: number; bureau: number };
    activeRecruiters: number;
    activeRecruitersByAccountType: { direct: number; agency: number; dispatch: number; public: number };
  };
  /** applications and hires only with a campaign (null otherwise: the analytics give them). */
  open: { sessions: number; bureauSessions: number; companies: number; agencyCompanies: number; jobs: number; viewers: number; applications: number | null; hires: number | null };
  efficiency: {
    medianHoursToFirstContact: number | null;
    medianHoursToHire: number | null;
    sevenDayAttrition: number | null;
    bestSessionsByWeeklyHires: Array<{ sessionId: string; title: string; startedAt: string; hires: number }>;
    awaitingSevenDayCheck: number;
    sevenDayAttritionSeries: { grain: AttritionGrain; periods: Array<{ from: string; to: string; left: number; stayed: number; attrition: number | null }> };
  };
  /** How many applications each efficiency figure is computed over (the public report withholds small ones). */
  efficiencyCounts: { firstContacts: number; timedHires: number; left7Days: number };
  occupations: Array<{ id: number; name: string; groupKey: OccupationGroupKey; classificationCode: string | null; announcementBatch: string | null; people: number; jobs: number }>;
};

export async function computeImpactFigures(db: Db, query: ImpactFigureQuery): Promise<ImpactFigureRow> {
  return db.transaction(async (tx) => {
    // The median sorts every hire of the window (756,428 over the benchmark's six months): in memory, not on disk.
    await tx.query(`set local work_mem = '64MB'`);
    const [row] = await tx.query<ImpactFigureRow>(IMPACT_SQL, [query.from, query.to, query.provinceCode, query.cityCode, query.campaignId, attritionGrainOf(query.from, query.to)]);
    return row;
  });
}

const METHOD_SELECT = `
  select m.version, m.name, m.formula,
         json_build_object('value', m.multi_platform_adjustment, 'source', m.multi_platform_source, 'isAssumption', m.multi_platform_is_assumption) as "multiPlatformAdjustment",
         m.components, m.note,
         case when u.id is null then null else json_build_object('id', u.id, 'displayName', u.display_name) end as "createdBy",
         m.created_at as "createdAt"
  from impact_methods m left join users u on u.id = m.created_by`;

type MethodRow = Omit<ImpactMethod, 'multiPlatformAdjustment'> & { multiPlatformAdjustment: { value: number | string; source: string; isAssumption: boolean } };

// numeric comes back as text from json_build_object on some drivers; the method's numbers are plain numbers.
const toMethod = (row: MethodRow): ImpactMethod => ({ ...row, multiPlatformAdjustment: { ...row.multiPlatformAdjustment, value: Number(row.multiPlatformAdjustment.value) } });

/** A version, or the latest when `version` is null. */
export async function findMethod(db: Queryable, version: number | null): Promise<ImpactMethod | null> {
  const [row] = await db.query<MethodRow>(
    `${METHOD_SELECT} where ($1::int is null or m.version = $1::int) order by m.version desc limit 1`,
    [version],
  );
  return row ? toMethod(row) : null;
}

export async function listMethods(db: Queryable): Promise<ImpactMethod[]> {
  const rows = await db.query<MethodRow>(`${METHOD_SELECT} order by m.version desc`);
  return rows.map(toMethod);
}

/** Stores the next version (one statement: max + 1); null when another insert took that number first. */
export async function insertNextMethod(
  db: Queryable,
  input: { name: string; formula: string; note: string; multiPlatformAdjustment: ImpactMethod['multiPlatformAdjustment']; components: MethodComponent[]; createdBy: string },
): Promise<number | null> {
  const [row] = await db.query<{ version: number }>(
    `insert into impact_methods (version, name, formula, multi_platform_adjustment, multi_platform_source, multi_platform_is_assumption, components, note, created_by)
     select coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6::jsonb, $7, $8 from impact_methods
     on conflict (version) do nothing
     returning version`,
    [input.name, input.formula, input.multiPlatformAdjustment.value, input.multiPlatformAdjustment.source, input.multiPlatformAdjustment.isAssumption,
      JSON.stringify(input.components), input.note, input.createdBy],
  );
  return row?.version ?? null;
}

const OCCUPATION_SELECT = `select id, name, occupation_group as "groupKey", classification_code as "classificationCode",
  announcement_batch as "announcementBatch", source from occupations`;

export type OccupationRow = { id: number; name: string; groupKey: OccupationGroupKey; classificationCode: string | null; announcementBatch: string | null; source: string };

export function listOccupations(db: Queryable) {
  return db.query<OccupationRow>(`${OCCUPATION_SELECT} order by array_position(array['tech_explorer', 'content_creator', 'business_trainer'], occupation_group), id`);
}

export async function findOccupation(db: Queryable, id: number): Promise<OccupationRow | null> {
  const [row] = await db.query<OccupationRow>(`${OCCUPATION_SELECT} where id = $1`, [id]);
  return row ?? null;
}

/** Adds a catalogue entry; null when the name is taken. */
export async function insertOccupation(db: Queryable, body: OccupationBody, createdBy: string): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `insert into occupations (name, occupation_group, classification_code, announcement_batch, source, created_by)
     values ($1, $2, $3, $4, $5, $6) on conflict (name) do nothing returning id`,
    [body.name, body.groupKey, body.classificationCode, body.announcementBatch, body.source, createdBy],
  );
  return row?.id ?? null;
}

/** Replaces an entry's fields; 'missing' when there is no such entry, 'taken' when another has the name. */
export async function updateOccupation(db: Queryable, id: number, body: OccupationBody): Promise<'updated' | 'missing' | 'taken'> {
  const [found] = await db.query<{ isTaken: boolean }>('select exists (select 1 from occupations where name = $2 and id <> $1) as "isTaken" from occupations where id = $1', [id, body.name]);
  if (!found) return 'missing';
  if (found.isTaken) return 'taken';
  const rows = await db.query(
    `update occupations set name = $2, occupation_group = $3, classification_code = $4, announcement_batch = $5, source = $6
     where id = $1 returning id`,
    [id, body.name, body.groupKey, body.classificationCode, body.announcementBatch, body.source],
  );
  return rows.length > 0 ? 'updated' : 'missing';
}

export async function saveStatedOccupation(db: Queryable, userId: string, occupationId: number | null) {
  if (occupationId === null) {
    await db.query('delete from user_occupations where user_id = $1', [userId]);
    return;
  }
  await db.query(
    `insert into user_occupations (user_id, occupation_id) values ($1, $2)
     on conflict (user_id) do update set occupation_id = excluded.occupation_id, stated_at = now()`,
    [userId, occupationId],
  );
}

export async function findStatedOccupationId(db: Queryable, userId: string): Promise<number | null> {
  const [row] = await db.query<{ occupationId: number }>('select occupation_id as "occupationId" from user_occupations where user_id = $1', [userId]);
  return row?.occupationId ?? null;
}
