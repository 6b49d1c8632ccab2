// The synthetic data set of the analytics benchmark (issue 5), shared with the impact benchmark (issue 12):
// a database of its own, companies, jobs and live sessions, and applications loaded by generate_series.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Context } from '../server/src/app.js';

export const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Where the report's jobs are: these cities receive most (a skewed draw), the rest follow by tier.
export const HUB_CITIES = ['320500', '120000', '330100', '320400', '110000', '371300', '220100', '440100', '441900', '530100', '310000', '370200', '440300', '370700', '130100', '320200', '330200', '320100', '410100', '420100'];
// Each category's usual industry (GB/T 4754 section); 15 % of applications draw another one.
export const CATEGORY_INDUSTRY: Record<string, string> = {
  general_worker: 'C', skilled_worker: 'C', delivery_warehouse: 'G', construction_decoration: 'E', express_warehouse: 'G',
  driver: 'G', security_guard: 'L', housekeeping_cleaner: 'O', food_service: 'H', customer_service: 'L', quality_inspector: 'C',
  electrician: 'C', welder: 'C', forklift_driver: 'C', cook: 'H', sales: 'F', caregiver: 'Q', courier: 'G', food_delivery_rider: 'G', other: 'L',
};

export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jobcast_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: BASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Companies, jobs and live sessions for the totals (they are read from their own tables). */
export async function loadPostings(context: Context) {
  await context.db.exec(`
    insert into users (email, password_hash, display_name, role) values ('bench-host@example.test', 'x', '压测主播', 'host');
    insert into companies (name, credit_code, city_code, industry_code, account_type, status, is_synthetic)
      select '压测企业' || g, '91' || lpad(g::text, 16, '0'), (array[${HUB_CITIES.map((code) => `'${code}'`).join(',')}])[1 + g % ${HUB_CITIES.length}],
        'C', 'direct', 'verified', true
      from generate_series(1, 2000) g;
    insert into jobs (company_id, title, category_code, industry_code, city_code, pay_monthly_min, shift_pattern, housing, meals, headcount,
        valid_from, valid_until, is_synthetic)
      select c.id, '普工', 'general_worker', 'C', c.city_code, 5000, 'two_shifts', 'dormitory', 'allowance', 20,
        date '2022-07-01' + (g % 200), date '2022-07-01' + (g % 200) + 60, true
      from generate_series(1, 20000) g join (select id, city_code, row_number() over (order by credit_code) as n from companies) c on c.n = 1 + g % 2000;
    insert into live_sessions (title, host_user_id, starts_at, status, went_live_at, city_code, is_synthetic)
      select '压测场次' || g, (select id from users where email = 'bench-host@example.test'),
        timestamptz '2022-07-20 10:00+08' + g * interval '5 minutes', 'ended', timestamptz '2022-07-20 10:00+08' + g * interval '5 minutes',
        (array[${HUB_CITIES.map((code) => `'${code}'`).join(',')}])[1 + g % ${HUB_CITIES.length}], true
      from generate_series(1, 50000) g;`);
}

/** Applications [first, last] by generate_series: skewed cities and categories, correlated industries. */
export async function loadApplications(context: Context, first: number, last: number) {
  const categories = Object.keys(CATEGORY_INDUSTRY);
  await context.db.query(
    `with
     cities_ranked as (
       select code, tier,
         coalesce(array_position($3::text[], code), 1000) as hub_rank,
         array_position(array['1', 'new1', '2', '3', '4', '5'], tier) as tier_rank
       from cities
     ),
     settings as (
       select
         (select array_agg(code order by hub_rank, tier_rank, code) from cities_ranked) as job_cities,
         (select array_agg(code order by tier_rank desc, md5(code)) from cities_ranked) as seeker_cities,
         (select count(*) from cities)::int as city_count,
         $4::text[] as categories,
         $5::text[] as industries
     ),
     drawn as (
       select g,
         1 + floor(array_length($4::text[], 1) * power(random(), 2.5))::int as k,
         timestamptz '2022-08-01 00:00+08' + random() * (timestamptz '2023-02-01 00:00+08' - timestamptz '2022-08-01 00:00+08') as applied_at
       from generate_series($1::int, $2::int) g
     )
     insert into applications (source, applied_at, seeker_city_code, job_city_code, category_code, industry_code, hired_at)
     select 'import', d.applied_at,
       s.seeker_cities[1 + floor(s.city_count * power(random(), 1.3))::int],
       s.job_cities[1 + floor(s.city_count * power(random(), 3))::int],
       s.categories[d.k],
       case when random() < 0.85 then s.industries[d.k] else (array['C', 'F', 'L', 'O', 'H'])[1 + floor(random() * 5)::int] end,
       case when random() < 0.08 then d.applied_at + random() * interval '20 days' end
     from drawn d cross join settings s`,
    [first, last, HUB_CITIES, categories, categories.map((code) => CATEGORY_INDUSTRY[code])],
  );
}
