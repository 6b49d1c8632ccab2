import type { Queryable } from '../../platform/db.js';
import type { DemoApplication, DemoCompany, DemoJob, DemoProfile, DemoSession, DemoUser } from './demo-generator.js';

// Bulk writes for the demo world: one `insert … select * from unnest(arrays)` per table (and per chunk of
// rows), which both drivers run at ~100 k rows/s, instead of one statement per row.

const CHUNK_ROWS = 20_000;

async function inChunks<T>(rows: readonly T[], write: (chunk: readonly T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) await write(rows.slice(start, start + CHUNK_ROWS));
}

/** Serialises `seed` runs on PostgreSQL (two servers starting on one empty database); held until commit. */
export async function lockDemoSeed(tx: Queryable) {
  await tx.query("select pg_advisory_xact_lock(hashtext('jobcast-demo-seed'))");
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ count: number }>('select count(*) as count from users');
  return row.count;
}

export async function countSyntheticRows(db: Queryable) {
  const [row] = await db.query<{ users: number; companies: number; jobs: number; sessions: number; applications: number }>(
    `select (select count(*) from users where is_synthetic) as users,
            (select count(*) from companies where is_synthetic) as companies,
            (select count(*) from jobs where is_synthetic) as jobs,
            (select count(*) from live_sessions where is_synthetic) as sessions,
            (select count(*) from applications where is_synthetic) as applications`,
  );
  return row;
}

export async function hasSyntheticUser(db: Queryable, email: string): Promise<boolean> {
  const [row] = await db.query<{ exists: boolean }>('select exists (select 1 from users where email = $1 and is_synthetic) as exists', [email]);
  return row.exists;
}

export async function findUsersByLogins(db: Queryable, emails: string[], phones: string[]) {
  return db.query<{ email: string | null; phone: string | null }>(
    'select email, phone from users where email = any($1::text[]) or phone = any($2::text[]) order by email, phone',
    [emails, phones],
  );
}

export async function insertUsers(db: Queryable, users: readonly DemoUser[], passwordHash: string) {
  await inChunks(users, (chunk) => db.query(
    `insert into users (id, role, email, phone, password_hash, display_name, company_id, province_code, created_at, is_synthetic)
     select id, role, email, phone, $9, display_name, company_id, province_code, created_at, true
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::timestamptz[])
       as t (id, role, email, phone, display_name, company_id, province_code, created_at)`,
    [
      chunk.map((user) => user.id), chunk.map((user) => user.role), chunk.map((user) => user.email), chunk.map((user) => user.phone),
      chunk.map((user) => user.displayName), chunk.map((user) => user.companyId), chunk.map((user) => user.provinceCode),
      chunk.map((user) => user.createdAt), passwordHash,
    ],
  ));
}

export async function insertCompanies(db: Queryable, companies: readonly DemoCompany[]) {
  await inChunks(companies, (chunk) => db.query(
    `insert into companies (id, name, credit_code, city_code, industry_code, account_type, hr_licence_number, status, review_reason,
                            reviewed_by, reviewed_at, created_at, is_synthetic)
     select id, name, credit_code, city_code, industry_code, account_type, hr_licence_number, status, review_reason,
            reviewed_by, reviewed_at, created_at, true
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                 $10::uuid[], $11::timestamptz[], $12::timestamptz[])
       as t (id, name, credit_code, city_code, industry_code, account_type, hr_licence_number, status, review_reason,
             reviewed_by, reviewed_at, created_at)`,
    [
      chunk.map((company) => company.id), chunk.map((company) => company.name), chunk.map((company) => company.creditCode),
      chunk.map((company) => company.cityCode), chunk.map((company) => company.industryCode), chunk.map((company) => company.accountType),
      chunk.map((company) => company.hrLicenceNumber), chunk.map((company) => company.status), chunk.map((company) => company.reviewReason),
      chunk.map((company) => company.reviewedBy), chunk.map((company) => company.reviewedAt), chunk.map((company) => company.createdAt),
    ],
  ));
}

export async function insertJobs(db: Queryable, jobs: readonly DemoJob[]) {
  await inChunks(jobs, (chunk) => db.query(
    `insert into jobs (id, company_id, created_by, title, category_code, industry_code, city_code, pay_monthly_min, pay_monthly_max,
                       pay_hourly, is_daily_pay, shift_pattern, housing, meals, headcount, requirements, benefits, description,
                       valid_from, valid_until, status, created_at, updated_at, is_synthetic)
     select id, company_id, created_by, title, category_code, industry_code, city_code, pay_monthly_min, pay_monthly_max,
            pay_hourly, is_daily_pay, shift_pattern, housing, meals, headcount, requirements, benefits, description,
            valid_from, valid_until, status, created_at, created_at, true
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[],
                 $10::numeric[], $11::boolean[], $12::text[], $13::text[], $14::text[], $15::int[], $16::text[], $17::text[], $18::text[],
                 $19::date[], $20::date[], $21::text[], $22::timestamptz[])
       as t (id, company_id, created_by, title, category_code, industry_code, city_code, pay_monthly_min, pay_monthly_max,
             pay_hourly, is_daily_pay, shift_pattern, housing, meals, headcount, requirements, benefits, description,
             valid_from, valid_until, status, created_at)`,
    [
      chunk.map((job) => job.id), chunk.map((job) => job.companyId), chunk.map((job) => job.createdBy), chunk.map((job) => job.input.title),
      chunk.map((job) => job.input.categoryCode), chunk.map((job) => job.input.industryCode), chunk.map((job) => job.input.cityCode),
      chunk.map((job) => job.input.payMonthlyMin ?? null), chunk.map((job) => job.input.payMonthlyMax ?? null),
      chunk.map((job) => job.input.payHourly ?? null), chunk.map((job) => job.input.isDailyPay), chunk.map((job) => job.input.shiftPattern),
      chunk.map((job) => job.input.housing), chunk.map((job) => job.input.meals), chunk.map((job) => job.input.headcount),
      chunk.map((job) => job.input.requirements), chunk.map((job) => job.input.benefits), chunk.map((job) => job.input.description),
      chunk.map((job) => job.input.validFrom), chunk.map((job) => job.input.validUntil), chunk.map((job) => job.status),
      chunk.map((job) => job.createdAt),
    ],
  ));
}

export async function insertSeekerProfiles(db: Queryable, profiles: readonly DemoProfile[]) {
  await inChunks(profiles, (chunk) => db.query(
    `insert into seeker_profiles (user_id, name, phone, home_city_code, current_city_code, desired_categories, experience, skills, updated_at)
     select user_id, name, phone, home_city_code, current_city_code, desired_categories::text[], experience, skills, updated_at
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
       as t (user_id, name, phone, home_city_code, current_city_code, desired_categories, experience, skills, updated_at)`,
    [
      chunk.map((profile) => profile.userId), chunk.map((profile) => profile.name), chunk.map((profile) => profile.phone),
      chunk.map((profile) => profile.homeCityCode), chunk.map((profile) => profile.currentCityCode),
      // Category codes are [a-z_]+, so a plain array literal needs no quoting; unnest cannot take a 2-D array.
      chunk.map((profile) => `{${profile.desiredCategories.join(',')}}`),
      chunk.map((profile) => profile.experience), chunk.map((profile) => profile.skills), chunk.map((profile) => profile.updatedAt),
    ],
  ));
}

export async function insertLiveSessions(db: Queryable, sessions: readonly DemoSession[]) {
  await inChunks(sessions, (chunk) => db.query(
    `insert into live_sessions (id, title, host_user_id, created_by, starts_at, status, cover_text, province_code, city_code, went_live_at,
                                ended_at, created_at, is_synthetic)
     select id, title, host_user_id, host_user_id, starts_at, 'ended', cover_text, province_code, city_code, went_live_at, ended_at,
            created_at, true
     from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
                 $9::timestamptz[], $10::timestamptz[])
       as t (id, title, host_user_id, starts_at, cover_text, province_code, city_code, went_live_at, ended_at, created_at)`,
    [
      chunk.map((session) => session.id), chunk.map((session) => session.title), chunk.map((session) => session.hostUserId),
      chunk.map((session) => session.startsAt), chunk.map((session) => session.coverText), chunk.map((session) => session.provinceCode),
      chunk.map((session) => session.cityCode), chunk.map((session) => session.wentLiveAt), chunk.map((session) => session.endedAt),
      chunk.map((session) => session.createdAt),
    ],
  ));
  const sessionJobs = sessions.flatMap((session) => session.jobIds.map((jobId, position) => ({ sessionId: session.id, jobId, position })));
  await inChunks(sessionJobs, (chunk) => db.query(
    `insert into live_session_jobs (session_id, job_id, position)
     select * from unnest($1::uuid[], $2::uuid[], $3::int[])`,
    [chunk.map((row) => row.sessionId), chunk.map((row) => row.jobId), chunk.map((row) => row.position)],
  ));
}

export async function insertApplications(db: Queryable, applications: readonly DemoApplication[]) {
  await inChunks(applications, (chunk) => db.query(
    `insert into applications (job_id, seeker_user_id, session_id, source, status, applied_at, seeker_city_code, job_city_code,
                               category_code, industry_code, company_id, hired_at, is_synthetic)
     select job_id, seeker_user_id, session_id, source, status, applied_at, seeker_city_code, job_city_code,
            category_code, industry_code, company_id, hired_at, true
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
                 $9::text[], $10::text[], $11::uuid[], $12::timestamptz[]) with ordinality
       as t (job_id, seeker_user_id, session_id, source, status, applied_at, seeker_city_code, job_city_code,
             category_code, industry_code, company_id, hired_at, position)
     order by position`,
    [
      chunk.map((row) => row.jobId), chunk.map((row) => row.seekerUserId), chunk.map((row) => row.sessionId), chunk.map((row) => row.source),
      chunk.map((row) => row.status), chunk.map((row) => row.appliedAt), chunk.map((row) => row.seekerCityCode),
      chunk.map((row) => row.jobCityCode), chunk.map((row) => row.categoryCode), chunk.map((row) => row.industryCode),
      chunk.map((row) => row.companyId), chunk.map((row) => row.hiredAt),
    ],
  ));
}
