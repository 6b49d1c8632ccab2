import type { Queryable } from '../../platform/db.js';
import type { Job, JobInput, ListJobsQuery } from './jobs.schemas.js';

const JOB_SELECT = `
  select j.id, j.company_id as "companyId", c.name as "companyName", c.account_type as "companyAccountType",
         j.title, j.category_code as "categoryCode", jc.name as "categoryName",
         j.industry_code as "industryCode", i.name as "industryName",
         j.city_code as "cityCode", ci.short_name as "cityName", p.short_name as "provinceName",
         j.pay_monthly_min as "payMonthlyMin", j.pay_monthly_max as "payMonthlyMax", j.pay_hourly as "payHourly",
         j.is_daily_pay as "isDailyPay", j.shift_pattern as "shiftPattern", j.housing, j.meals, j.headcount,
         j.requirements, j.benefits, j.description, j.valid_from as "validFrom", j.valid_until as "validUntil",
         j.status, j.is_synthetic as "isSynthetic", j.created_at as "createdAt", j.occupation_id as "occupationId"
  from jobs j
  join companies c on c.id = j.company_id
  join job_categories jc on jc.code = j.category_code
  join industries i on i.code = j.industry_code
  join cities ci on ci.code = j.city_code
  join provinces p on p.code = ci.province_code`;

// Seekers see a job while it is open, within its validity period (China time) and its company is verified.
const IS_VISIBLE = `j.status = 'open' and c.status = 'verified'
  and j.valid_from <= (now() at time zone 'Asia/Shanghai')::date
  and j.valid_until >= (now() at time zone 'Asia/Shanghai')::date`;

const JOB_COLUMNS = [
  'title', 'category_code', 'industry_code', 'city_code', 'pay_monthly_min', 'pay_monthly_max', 'pay_hourly', 'is_daily_pay',
  'shift_pattern', 'housing', 'meals', 'headcount', 'requirements', 'benefits', 'description', 'valid_from', 'valid_until',
  'occupation_id',
] as const;

function jobValues(input: JobInput) {
  return [
    input.title, input.categoryCode, input.industryCode, input.cityCode, input.payMonthlyMin ?? null, input.payMonthlyMax ?? null,
    input.payHourly ?? null, input.isDailyPay, input.shiftPattern, input.housing, input.meals, input.headcount, input.requirements,
    input.benefits, input.description, input.validFrom, input.validUntil, input.occupationId ?? null,
  ];
}

export async function insertJob(db: Queryable, companyId: string, createdBy: string | null, input: JobInput, isSynthetic = false) {
  const placeholders = JOB_COLUMNS.map((_, index) => `$${index + 4}`).join(', ');
  const [row] = await db.query<{ id: string }>(
    `insert into jobs (company_id, created_by, is_synthetic, ${JOB_COLUMNS.join(', ')}) values ($1, $2, $3, ${placeholders}) returning id`,
    [companyId, createdBy, isSynthetic, ...jobValues(input)],
  );
  return row.id;
}

export async function updateJob(db: Queryable, jobId: string, input: JobInput) {
  const assignments = JOB_COLUMNS.map((column, index) => `${column} = $${index + 2}`).join(', ');
  await db.query(`update jobs set ${assignments}, updated_at = now() where id = $1`, [jobId, ...jobValues(input)]);
}

export async function updateJobStatus(db: Queryable, jobId: string, status: 'open' | 'closed') {
  await db.query('update jobs set status = $2, updated_at = now() where id = $1', [jobId, status]);
}

export async function findJobById(db: Queryable, jobId: string): Promise<(Job & { isVisible: boolean }) | null> {
  const [row] = await db.query<Job & { isVisible: boolean }>(
    JOB_SELECT.replace('select ', `select (${IS_VISIBLE}) as "isVisible", `) + ' where j.id = $1',
    [jobId],
  );
  return row ?? null;
}

/** Why a job may or may not take an application now: its own state and its company's. */
export async function findJobApplicability(db: Queryable, jobId: string) {
  const [row] = await db.query<{ status: 'open' | 'closed'; companyStatus: string; isWithinValidity: boolean }>(
    `select j.status, c.status as "companyStatus",
            (j.valid_from <= (now() at time zone 'Asia/Shanghai')::date and j.valid_until >= (now() at time zone 'Asia/Shanghai')::date) as "isWithinValidity"
     from jobs j join companies c on c.id = j.company_id where j.id = $1`,
    [jobId],
  );
  return row ?? null;
}

export async function listVisibleJobs(db: Queryable, query: ListJobsQuery) {
  const conditions = [IS_VISIBLE];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (query.companyId) add((p) => `j.company_id = ${p}`, query.companyId);
  if (query.hostUserId) {
    add((p) => `exists (select 1 from live_session_jobs sj join live_sessions s on s.id = sj.session_id where sj.job_id = j.id and s.host_user_id = ${p})`, query.hostUserId);
  }
  if (query.cityCode) add((p) => `j.city_code = ${p}`, query.cityCode);
  if (query.provinceCode) add((p) => `ci.province_code = ${p}`, query.provinceCode);
  if (query.categoryCode) add((p) => `j.category_code = ${p}`, query.categoryCode);
  if (query.minMonthlyPay) add((p) => `coalesce(j.pay_monthly_max, j.pay_monthly_min, j.pay_hourly * 174) >= ${p}`, query.minMonthlyPay);
  // 夫妻房 is housing too: asking for a dormitory matches both.
  if (query.housing === 'dormitory') conditions.push(`j.housing in ('dormitory', 'couple_room')`);
  if (query.housing === 'couple_room') conditions.push(`j.housing = 'couple_room'`);
  if (query.meals && query.meals !== 'any') add((p) => `j.meals = ${p}`, query.meals);
  if (query.isDailyPay !== undefined) add((p) => `j.is_daily_pay = ${p}`, query.isDailyPay);
  if (query.q) add((p) => `(j.title ilike ${p} or c.name ilike ${p})`, `%${query.q.replace(/[%_\\]/g, (char) => `\\${char}`)}%`);
  const where = conditions.join(' and ');
  const [{ total }] = await db.query<{ total: number }>(
    `select count(*) as total from jobs j join companies c on c.id = j.company_id join cities ci on ci.code = j.city_code where ${where}`,
    params,
  );
  if (query.sort === 'distance' && query.nearCityCode) {
    // City centre to city centre (haversine); the seeker's own position is never sent, only a city.
    params.push(query.nearCityCode);
    const near = `$${params.length}`;
    const distance = `round(2 * 6371 * asin(least(1, sqrt(power(sin(radians(ci.latitude - n.latitude) / 2), 2)
      + cos(radians(n.latitude)) * cos(radians(ci.latitude)) * power(sin(radians(ci.longitude - n.longitude) / 2), 2)))))::int`;
    const jobs = await db.query<Job>(
      `${JOB_SELECT.replace('select ', `select ${distance} as "distanceKm", `)}
       join cities n on n.code = ${near}
       where ${where} order by "distanceKm", j.created_at desc, j.id limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { jobs, total };
  }
  const jobs = await db.query<Job>(
    `${JOB_SELECT} where ${where} order by j.created_at desc, j.id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return { jobs, total };
}

/** Visible jobs by id, in no particular order (the caller orders them). */
export function listVisibleJobsByIds(db: Queryable, jobIds: string[]) {
  return db.query<Job>(`${JOB_SELECT} where ${IS_VISIBLE} and j.id = any($1::uuid[])`, [jobIds]);
}

export function listJobsByCompany(db: Queryable, companyId: string) {
  return db.query<Job>(`${JOB_SELECT} where j.company_id = $1 order by j.created_at desc, j.id`, [companyId]);
}
