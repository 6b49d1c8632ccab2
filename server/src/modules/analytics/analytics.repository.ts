import type { AnalyticsFigures } from '../../../../contracts/analytics.js';
import type { Queryable } from '../../platform/db.js';
import type { RollupGrain, WindowRead } from './analytics-window.js';

/**
 * Where the counts come from: the exact rollups (the rollup tables plus the deltas not yet folded into them,
 * migrations 0010, 0060 and 0120) or the raw applications table. Both feed the same figure SQL below, so the two
 * can be compared row for row.
 */
export type FigureSource = 'rollup' | 'raw';

export type FigureQuery = {
  from: string;
  to: string;
  provinceCode: string | null;
  cityCode: string | null;
  minSent: number;
  /** Only the applications, sessions and jobs of this campaign's sessions (raw source only: the rollups have no campaign). */
  campaignId: string | null;
  /** The rollup periods whose signed sum is the window (see planWindowReads). */
  reads: WindowRead[];
};

// Parameters: $1 from, $2 to, $3 province code, $4 city code, $5 minSent, $9 campaign id (the raw source only),
// and for the rollups the periods of the window: $6 months, $7 weeks, $8 days added, $10 months, $11 weeks, $12 days
// subtracted.
const IN_CAMPAIGN = `($9::uuid is null or session_id in (select id from live_sessions where campaign_id = $9::uuid))`;
const WINDOW_START = `(($1::date)::timestamp at time zone 'Asia/Shanghai')`;
const WINDOW_END = `(($2::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
type ReadKind = { grain: RollupGrain; sign: 1 | -1; parameter: string };
const READ_KINDS: ReadKind[] = [
  { grain: 'month', sign: 1, parameter: '$6' },
  { grain: 'week', sign: 1, parameter: '$7' },
  { grain: 'day', sign: 1, parameter: '$8' },
  { grain: 'month', sign: -1, parameter: '$10' },
  { grain: 'week', sign: -1, parameter: '$11' },
  { grain: 'day', sign: -1, parameter: '$12' },
];

/**
 * Rows of a rollup (a `*_rollups_with_deltas` view: the table's rows and the pending deltas', not summed) for the
 * window: the periods of each kind it reads, in one scan (the planner ORs the index ranges), each row counted in or
 * out by its kind's sign. One scan per rollup rather than one per kind: fewer nodes to plan and to pass rows through.
 * The figure SQL sums them once.
 */
function rollupRows(view: string, columns: string, kinds: ReadKind[], count = 'applications') {
  const isKind = ({ grain, parameter }: ReadKind) => `(grain = '${grain}' and period = any(${parameter}::date[]))`;
  const subtracted = kinds.filter((kind) => kind.sign < 0);
  const signed = subtracted.length === 0 ? count : `case when ${subtracted.map(isKind).join(' or ')} then -${count} else ${count} end`;
  return `select ${columns}, ${signed} as ${count} from ${view} where ${kinds.map(isKind).join(' or ')}`;
}

type SourceRows = { categories: string; industries: string; sent: string; flows: string; hires: string; provinceFlows: string };

/** Each source yields the same columns: (job_city_code, category_code, applications) etc. */
function rollupSource(kinds: ReadKind[]): SourceRows {
  return {
    categories: rollupRows('application_category_rollups_with_deltas', 'job_city_code, category_code', kinds),
    industries: rollupRows('application_industry_rollups_with_deltas', 'job_city_code, industry_code', kinds),
    sent: rollupRows('application_sent_rollups_with_deltas', 'seeker_city_code', kinds),
    flows: rollupRows('application_tier_flow_rollups_with_deltas', 'seeker_tier, job_city_code', kinds),
    hires: rollupRows('application_hire_rollups_with_deltas', 'job_city_code', kinds, 'hires'),
    provinceFlows: rollupRows('application_province_flow_rollups_with_deltas', 'seeker_province_code, job_province_code', kinds),
  };
}

const RAW_SOURCE: SourceRows = {
  categories: `select job_city_code, category_code, 1 as applications from applications
    where applied_at >= ${WINDOW_START} and applied_at < ${WINDOW_END} and ${IN_CAMPAIGN}`,
  industries: `select job_city_code, industry_code, 1 as applications from applications
    where applied_at >= ${WINDOW_START} and applied_at < ${WINDOW_END} and ${IN_CAMPAIGN}`,
  sent: `select seeker_city_code, 1 as applications from applications
    where applied_at >= ${WINDOW_START} and applied_at < ${WINDOW_END} and ${IN_CAMPAIGN}`,
  flows: `select seeker_city.tier as seeker_tier, a.job_city_code, 1 as applications
    from applications a join cities seeker_city on seeker_city.code = a.seeker_city_code
    where a.applied_at >= ${WINDOW_START} and a.applied_at < ${WINDOW_END} and ${IN_CAMPAIGN}`,
  hires: `select job_city_code, 1 as hires from applications
    where hired_at >= ${WINDOW_START} and hired_at < ${WINDOW_END} and ${IN_CAMPAIGN}`,
  provinceFlows: `select seeker_city.province_code as seeker_province_code, job_city.province_code as job_province_code, 1 as applications
    from applications a join cities seeker_city on seeker_city.code = a.seeker_city_code join cities job_city on job_city.code = a.job_city_code
    where a.applied_at >= ${WINDOW_START} and a.applied_at < ${WINDOW_END} and ${IN_CAMPAIGN}`,
};

// Whether a city is in the asked region; for the whole country the constant test folds away and no row is joined.
const IN_REGION = (column: string) => `(($3::text is null and $4::text is null) or ${column} in (select code from region_cities))`;

const TIER_ORDER = `array['1', 'new1', '2', '3', '4', '5']`;

/**
 * The whole figure set in one statement (one snapshot, one round trip). Region: an application is in the
 * region when its received (job) city is; attractiveness lists the region's cities, counting `sent` by
 * the seeker's city. Ties: higher count, then lower code (catalogue order for categories), then name.
 */
function figuresSql(rows: SourceRows) {
  return `
with
bounds as (select $1::date as from_day, $2::date as to_day, $3::text as province_code, $4::text as city_code,
  $5::int as min_sent, $6::date[] as add_months, $7::date[] as add_weeks, $8::date[] as add_days,
  $10::date[] as subtract_months, $11::date[] as subtract_weeks, $12::date[] as subtract_days),
region_cities as materialized (
  select code, short_name, province_code, tier from cities
  where ($3::text is null or province_code = $3::text) and ($4::text is null or code = $4::text)
),
received as materialized (
  select s.job_city_code as city_code, s.category_code, sum(s.applications) as applications
  from (${rows.categories}) s where ${IN_REGION('s.job_city_code')}
  group by 1, 2 having sum(s.applications) <> 0
),
received_by_industry as (
  select s.industry_code, sum(s.applications) as applications
  from (${rows.industries}) s where ${IN_REGION('s.job_city_code')}
  group by 1 having sum(s.applications) <> 0
),
sent as materialized (
  select s.seeker_city_code as city_code, sum(s.applications) as applications
  from (${rows.sent}) s where ${IN_REGION('s.seeker_city_code')}
  group by 1 having sum(s.applications) <> 0
),
flows as (
  select s.seeker_tier, c.tier as job_tier, sum(s.applications) as applications
  from (${rows.flows}) s join region_cities c on c.code = s.job_city_code
  group by 1, 2 having sum(s.applications) <> 0
),
hired as (
  select coalesce(sum(s.hires), 0) as hires from (${rows.hires}) s where ${IN_REGION('s.job_city_code')}
),
total as (select coalesce(sum(applications), 0) as applications from received),
industry_rows as (
  select i.code, i.name, sum(r.applications) as applications
  from received_by_industry r join industries i on i.code = r.industry_code
  group by i.code, i.name
),
category_rows as (
  select jc.code, jc.name, sum(r.applications) as applications,
    row_number() over (order by sum(r.applications) desc, jc.sort_order, jc.name) as rank
  from received r join job_categories jc on jc.code = r.category_code
  group by jc.code, jc.name, jc.sort_order
),
category_city_rows as (
  select r.category_code, c.code, c.short_name, sum(r.applications) as applications,
    row_number() over (partition by r.category_code order by sum(r.applications) desc, c.code, c.short_name) as rank
  from received r
  join category_rows top_category on top_category.code = r.category_code and top_category.rank <= 10
  join cities c on c.code = r.city_code
  group by r.category_code, c.code, c.short_name
),
province_rows as (
  select p.code, p.short_name, sum(r.applications) as applications,
    row_number() over (order by sum(r.applications) desc, p.code, p.short_name) as rank
  from received r join cities c on c.code = r.city_code join provinces p on p.code = c.province_code
  group by p.code, p.short_name
),
received_by_city as (select city_code, sum(applications) as applications from received group by city_code),
attractiveness_rows as (
  select c.code, c.short_name, coalesce(rc.applications, 0) as received, s.applications as sent,
    coalesce(rc.applications, 0)::numeric / s.applications as index
  from sent s join cities c on c.code = s.city_code left join received_by_city rc on rc.city_code = s.city_code
  where s.applications >= $5::int
),
province_pairs as materialized (
  -- Only for a province (the constant filter skips the read otherwise).
  select s.seeker_province_code, s.job_province_code, sum(s.applications) as applications
  from (${rows.provinceFlows}) s
  where $3::text is not null and (s.seeker_province_code = $3::text or s.job_province_code = $3::text)
  group by 1, 2 having sum(s.applications) <> 0
),
sent_by_city as (select city_code, sum(applications) as applications from sent group by city_code),
held_sessions as (
  select ls.id from live_sessions ls
  where ls.status in ('live', 'ended')
    and coalesce(ls.went_live_at, ls.starts_at) >= ${WINDOW_START}
    and coalesce(ls.went_live_at, ls.starts_at) < ${WINDOW_END}
    and (($3::text is null and $4::text is null)
      or ls.city_code in (select code from region_cities)
      or ($4::text is null and ls.city_code is null and ls.province_code = $3::text))
    and ($9::uuid is null or ls.campaign_id = $9::uuid)
),
open_jobs as (
  select j.id, j.company_id from jobs j join region_cities c on c.code = j.city_code
  where j.valid_from <= $2::date and j.valid_until >= $1::date
    and not (j.status = 'closed' and j.updated_at < ${WINDOW_START})
    -- With a campaign: the jobs presented in its held sessions (as the impact report counts them).
    and ($9::uuid is null or j.id in (select sj.job_id from live_session_jobs sj join held_sessions h on h.id = sj.session_id))
)
select
  exists (select 1 from applications where is_synthetic and applied_at >= ${WINDOW_START} and applied_at < ${WINDOW_END}) as contains_synthetic_data,
  json_build_object(
    'applications', (select applications from total),
    'sessions', (select count(*) from held_sessions),
    'companies', (select count(distinct company_id) from open_jobs),
    'jobs', (select count(*) from open_jobs),
    'hires', (select hires from hired)
  ) as totals,
  (select coalesce(json_agg(json_build_object(
      'industry', name, 'applications', applications,
      'share', round(applications::numeric / nullif((select applications from total), 0), 4)
    ) order by applications desc, code, name), '[]'::json) from industry_rows) as industries,
  (select coalesce(json_agg(json_build_object('category', name, 'applications', applications) order by rank), '[]'::json)
    from category_rows where rank <= 10) as top_categories,
  (select coalesce(json_agg(json_build_object('category', tc.name, 'cities', (
      select coalesce(json_agg(json_build_object('city', cc.short_name, 'cityCode', cc.code, 'applications', cc.applications) order by cc.rank), '[]'::json)
      from category_city_rows cc where cc.category_code = tc.code and cc.rank <= 3
    )) order by tc.rank), '[]'::json)
    from category_rows tc where tc.rank <= 10) as top_cities_by_category,
  (select coalesce(json_agg(json_build_object('province', short_name, 'provinceCode', code, 'applications', applications) order by rank), '[]'::json)
    from province_rows where rank <= 10) as top_provinces,
  (select coalesce(json_agg(json_build_object(
      'city', short_name, 'cityCode', code, 'received', received, 'sent', sent, 'index', round(index, 4)
    ) order by index desc, received desc, code, short_name), '[]'::json) from attractiveness_rows) as attractiveness,
  (select coalesce(json_agg(json_build_object('from', seeker_tier, 'to', job_tier, 'applications', applications)
      order by array_position(${TIER_ORDER}, seeker_tier), array_position(${TIER_ORDER}, job_tier)), '[]'::json)
    from flows) as tier_flows,
  case when $3::text is null then null else json_build_object(
    'within', coalesce((select applications from province_pairs where seeker_province_code = $3::text and job_province_code = $3::text), 0),
    'cities', (select coalesce(json_agg(json_build_object('city', c.short_name, 'cityCode', c.code, 'received', coalesce(r.applications, 0), 'sent', coalesce(s.applications, 0))
        order by coalesce(r.applications, 0) desc, c.code), '[]'::json)
      from region_cities c left join received_by_city r on r.city_code = c.code left join sent_by_city s on s.city_code = c.code),
    'inflows', (select coalesce(json_agg(json_build_object('province', p.short_name, 'provinceCode', p.code, 'applications', pp.applications) order by pp.applications desc, p.code), '[]'::json)
      from province_pairs pp join provinces p on p.code = pp.seeker_province_code where pp.job_province_code = $3::text and pp.seeker_province_code <> $3::text),
    'outflows', (select coalesce(json_agg(json_build_object('province', p.short_name, 'provinceCode', p.code, 'applications', pp.applications) order by pp.applications desc, p.code), '[]'::json)
      from province_pairs pp join provinces p on p.code = pp.job_province_code where pp.seeker_province_code = $3::text and pp.job_province_code <> $3::text)
  ) end as region_flows`;
}

type FiguresRow = {
  contains_synthetic_data: boolean;
  totals: AnalyticsFigures['totals'];
  industries: AnalyticsFigures['industries'];
  top_categories: AnalyticsFigures['topCategories'];
  top_cities_by_category: AnalyticsFigures['topCitiesByCategory'];
  top_provinces: AnalyticsFigures['topProvinces'];
  attractiveness: AnalyticsFigures['attractiveness'];
  tier_flows: AnalyticsFigures['tierFlows'];
  region_flows: AnalyticsFigures['regionFlows'];
};

const RAW_FIGURES_SQL = figuresSql(RAW_SOURCE);
// One statement per combination of read kinds a window uses (at most 63): an aligned window reads months only, and a
// statement planned with every kind's scans costs more to plan than the reading of a few months.
const rollupFiguresSql = new Map<string, string>();

function getRollupFiguresSql(kinds: ReadKind[]) {
  const key = kinds.map((kind) => kind.parameter).join();
  let sql = rollupFiguresSql.get(key);
  if (!sql) {
    sql = figuresSql(rollupSource(kinds));
    rollupFiguresSql.set(key, sql);
  }
  return sql;
}

/** Every figure for a window and region, from the rollups or from the raw applications table. */
export async function computeFigures(db: Queryable, source: FigureSource, query: FigureQuery): Promise<AnalyticsFigures & { containsSyntheticData: boolean }> {
  const periods = READ_KINDS.map(({ grain, sign }) => query.reads.filter((read) => read.grain === grain && read.sign === sign).map((read) => read.period));
  const sql = source === 'raw' ? RAW_FIGURES_SQL : getRollupFiguresSql(READ_KINDS.filter((_, index) => periods[index].length > 0));
  const [row] = await db.query<FiguresRow>(sql, [
    query.from, query.to, query.provinceCode, query.cityCode, query.minSent, periods[0], periods[1], periods[2], query.campaignId, periods[3], periods[4], periods[5],
  ]);
  return {
    window: { from: query.from, to: query.to },
    totals: row.totals,
    industries: row.industries,
    topCategories: row.top_categories,
    topCitiesByCategory: row.top_cities_by_category,
    topProvinces: row.top_provinces,
    attractiveness: row.attractiveness,
    tierFlows: row.tier_flows,
    regionFlows: row.region_flows,
    containsSyntheticData: row.contains_synthetic_data,
  };
}

/**
 * Folds the pending deltas into the rollups (one statement: delete and upserts commit together). Returns how
 * many it folded, or null when another session holds the rollups' advisory lock (another node's folder, a bulk
 * statement, a rebuild).
 */
export async function foldRollupDeltas(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ folded: number | null }>('select fold_application_rollup_deltas() as folded');
  return row.folded;
}

/** Gives the emptied deltas' space back (PGlite has no autovacuum); never blocks the inserts. */
export async function vacuumRollupDeltas(db: Queryable): Promise<void> {
  await db.exec('vacuum application_rollup_deltas');
}

/** Recomputes all rollups from the applications table (after a tier change, or to repair them). */
export async function rebuildRollups(db: Queryable): Promise<void> {
  await db.query('select rebuild_application_rollups()');
}

export async function countRollupRows(db: Queryable) {
  const [row] = await db.query<{ categories: number; industries: number; sent: number; flows: number; hires: number; pendingDeltas: number }>(`select
    (select count(*) from application_category_rollups) as categories,
    (select count(*) from application_industry_rollups) as industries,
    (select count(*) from application_sent_rollups) as sent,
    (select count(*) from application_tier_flow_rollups) as flows,
    (select count(*) from application_hire_rollups) as hires,
    (select count(*) from application_rollup_deltas) as "pendingDeltas"`);
  return row;
}

/** One validated CSV row, ready to stage. */
export type StagedApplication = {
  rowNumber: number;
  lineNumber: number;
  appliedAt: string;
  seekerCityCode: string;
  jobCityCode: string;
  categoryCode: string;
  industryCode: string;
  companyName: string | null;
  jobTitle: string | null;
  sessionId: string | null;
};

/** A temporary table for one import, dropped at commit: rows reach `applications` in one statement. */
export async function createImportStaging(tx: Queryable): Promise<void> {
  await tx.query(`create temp table application_import_staging (
    row_number integer not null,
    line_number integer not null,
    applied_at timestamptz not null,
    seeker_city_code text not null,
    job_city_code text not null,
    category_code text not null,
    industry_code text not null,
    company_name text,
    job_title text,
    session_id uuid
  ) on commit drop`);
}

export async function insertStagedApplications(tx: Queryable, rows: StagedApplication[]): Promise<void> {
  await tx.query(
    `insert into application_import_staging
     select * from unnest($1::int[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[])`,
    [
      rows.map((row) => row.rowNumber),
      rows.map((row) => row.lineNumber),
      rows.map((row) => row.appliedAt),
      rows.map((row) => row.seekerCityCode),
      rows.map((row) => row.jobCityCode),
      rows.map((row) => row.categoryCode),
      rows.map((row) => row.industryCode),
      rows.map((row) => row.companyName),
      rows.map((row) => row.jobTitle),
      rows.map((row) => row.sessionId),
    ],
  );
}

/** The first staged row naming a live session that does not exist. */
export async function findFirstStagedRowWithUnknownSession(tx: Queryable) {
  const [row] = await tx.query<{ rowNumber: number; lineNumber: number; sessionId: string }>(
    `select s.row_number as "rowNumber", s.line_number as "lineNumber", s.session_id::text as "sessionId"
     from application_import_staging s
     where s.session_id is not null and not exists (select 1 from live_sessions ls where ls.id = s.session_id)
     order by s.row_number limit 1`,
  );
  return row ?? null;
}

export async function findImportByContentHash(tx: Queryable, contentSha256: string) {
  const [row] = await tx.query<{ id: number; fileName: string; importedAt: Date; rowCount: number }>(
    `select id, file_name as "fileName", imported_at as "importedAt", row_count as "rowCount" from application_imports where content_sha256 = $1`,
    [contentSha256],
  );
  return row ?? null;
}

/** Records the import and moves every staged row into applications in one statement (one rollup pass). */
export async function insertImportFromStaging(tx: Queryable, input: { contentSha256: string; fileName: string }) {
  const [created] = await tx.query<{ id: number; rowCount: number; firstAppliedAt: Date; lastAppliedAt: Date }>(
    `insert into application_imports (content_sha256, file_name, row_count, first_applied_at, last_applied_at)
     select $1, $2, count(*), min(applied_at), max(applied_at) from application_import_staging
     returning id, row_count as "rowCount", first_applied_at as "firstAppliedAt", last_applied_at as "lastAppliedAt"`,
    [input.contentSha256, input.fileName],
  );
  await tx.query(
    `insert into applications (source, applied_at, seeker_city_code, job_city_code, category_code, industry_code,
       session_id, import_id, imported_company_name, imported_job_title)
     select 'import', applied_at, seeker_city_code, job_city_code, category_code, industry_code,
       session_id, $1, company_name, job_title
     from application_import_staging order by row_number`,
    [created.id],
  );
  return created;
}
