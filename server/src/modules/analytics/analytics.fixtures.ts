// Test fixtures for the analytics: a small world whose every figure is worked out by hand in
// analytics.int.test.ts. Used only by tests.
import type { Context } from '../../app.js';
import type { Queryable } from '../../platform/db.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';

export type ApplicationRow = {
  appliedAt: string;
  seekerCity: string;
  jobCity: string;
  category: string;
  industry: string;
  hiredAt?: string | null;
};

/** Inserts applications as imported rows (no job or seeker needed), one statement for all. */
export async function insertApplications(db: Queryable, rows: ApplicationRow[]) {
  if (rows.length === 0) return;
  await db.query(
    `insert into applications (source, applied_at, seeker_city_code, job_city_code, category_code, industry_code, hired_at)
     select 'import', * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
    [
      rows.map((row) => row.appliedAt),
      rows.map((row) => row.seekerCity),
      rows.map((row) => row.jobCity),
      rows.map((row) => row.category),
      rows.map((row) => row.industry),
      rows.map((row) => row.hiredAt ?? null),
    ],
  );
}

export const CITY = {
  beijing: '110000',
  shanghai: '310000',
  nanjing: '320100',
  wuxi: '320200',
  suzhou: '320500',
  hefei: '340100',
  fuyang: '341200',
} as const;

const repeat = (count: number, row: ApplicationRow): ApplicationRow[] => Array.from({ length: count }, () => ({ ...row }));
const inAugust = (day: number, time = '10:00:00') => `2022-08-${String(day).padStart(2, '0')}T${time}+08:00`;

/**
 * August 2022 (China time). In the window: 19 applications (groups A–I below); just outside it: two.
 *   A 合肥→苏州 普工 C ×4 (one at 2022-07-31T16:00:00Z = Aug 1 00:00 CST, one at 2022-08-31T15:59:59Z)
 *   B 阜阳→苏州 普工 C ×2      C 合肥→无锡 普工 C ×3      D 苏州→上海 司机 G ×3
 *   E 北京→上海 普工 C ×1 (hired Aug 31 23:59 CST)     F 上海→北京 保安 L ×3
 *   G 南京→南京 技工 C ×2 (one hired Aug 20)           I 合肥→北京 普工 C ×1
 * Outside: 合肥→苏州 普工 at 2022-07-31T15:59:59Z (Jul 31 CST) and 2022-08-31T16:00:00Z (Sep 1 CST).
 * One A row is hired on Sep 1 CST: outside the window's hires.
 */
export function augustApplications(): ApplicationRow[] {
  const a = { seekerCity: CITY.hefei, jobCity: CITY.suzhou, category: 'general_worker', industry: 'C' };
  return [
    { ...a, appliedAt: '2022-07-31T16:00:00Z' },
    { ...a, appliedAt: '2022-08-31T15:59:59Z' },
    { ...a, appliedAt: inAugust(5), hiredAt: '2022-09-01T00:00:00+08:00' },
    { ...a, appliedAt: inAugust(6) },
    { ...a, appliedAt: '2022-07-31T15:59:59Z' },
    { ...a, appliedAt: '2022-08-31T16:00:00Z' },
    ...repeat(2, { appliedAt: inAugust(3), seekerCity: CITY.fuyang, jobCity: CITY.suzhou, category: 'general_worker', industry: 'C' }),
    ...repeat(3, { appliedAt: inAugust(12), seekerCity: CITY.hefei, jobCity: CITY.wuxi, category: 'general_worker', industry: 'C' }),
    ...repeat(3, { appliedAt: inAugust(15), seekerCity: CITY.suzhou, jobCity: CITY.shanghai, category: 'driver', industry: 'G' }),
    { appliedAt: inAugust(16), seekerCity: CITY.beijing, jobCity: CITY.shanghai, category: 'general_worker', industry: 'C', hiredAt: '2022-08-31T23:59:00+08:00' },
    ...repeat(3, { appliedAt: inAugust(20), seekerCity: CITY.shanghai, jobCity: CITY.beijing, category: 'security_guard', industry: 'L' }),
    { appliedAt: inAugust(2), seekerCity: CITY.nanjing, jobCity: CITY.nanjing, category: 'skilled_worker', industry: 'C', hiredAt: '2022-08-20T10:00:00+08:00' },
    { appliedAt: inAugust(2), seekerCity: CITY.nanjing, jobCity: CITY.nanjing, category: 'skilled_worker', industry: 'C' },
    { appliedAt: inAugust(25), seekerCity: CITY.hefei, jobCity: CITY.beijing, category: 'general_worker', industry: 'C' },
  ];
}

/**
 * Sessions, jobs and companies around August 2022:
 *   sessions held in August: s1 苏州 (went live Aug 1 00:30 CST), s4 江苏 province only (live, starts Aug 15),
 *   s5 上海; not held: s2 scheduled, s3 went live Sep 1 00:00 CST.
 *   jobs open in August: job1 苏州 (until Aug 1) and job2 南京 (from Aug 31) of company 1, job6 北京 of
 *   company 2 (closed Aug 15); not open: job3 (from Sep 1), job4 (until Jul 31), job5 (closed Jul 20).
 */
export async function buildAugustPostings(context: Context) {
  const host = await buildUser(context, { role: 'host' });
  const session = (status: string, startsAt: string, wentLiveAt: string | null, cityCode: string | null, provinceCode: string | null) =>
    context.db.query(
      `insert into live_sessions (title, host_user_id, starts_at, status, went_live_at, city_code, province_code) values ('测试场次', $1, $2, $3, $4, $5, $6)`,
      [host.id, startsAt, status, wentLiveAt, cityCode, provinceCode],
    );
  await session('ended', '2022-08-01T00:00:00+08:00', '2022-08-01T00:30:00+08:00', CITY.suzhou, '32');
  await session('scheduled', '2022-08-10T10:00:00+08:00', null, CITY.suzhou, '32');
  await session('ended', '2022-08-31T23:00:00+08:00', '2022-09-01T00:00:00+08:00', CITY.suzhou, '32');
  await session('live', '2022-08-15T10:00:00+08:00', null, null, '32');
  await session('ended', '2022-08-18T10:00:00+08:00', '2022-08-18T10:05:00+08:00', CITY.shanghai, '31');

  const first = await buildCompany(context, { cityCode: CITY.suzhou });
  const second = await buildCompany(context, { cityCode: CITY.shanghai });
  const job = async (owner: typeof first, cityCode: string, validFrom: string, validUntil: string, closedAt: string | null = null) => {
    const created = await buildJob(context, owner.employer, { cityCode });
    await context.db.query(
      `update jobs set valid_from = $2, valid_until = $3, status = case when $4::timestamptz is null then 'open' else 'closed' end,
         updated_at = coalesce($4::timestamptz, updated_at) where id = $1`,
      [created.id, validFrom, validUntil, closedAt],
    );
  };
  await job(first, CITY.suzhou, '2022-07-01', '2022-08-01');
  await job(first, CITY.nanjing, '2022-08-31', '2022-10-01');
  await job(second, CITY.shanghai, '2022-09-01', '2022-09-30');
  await job(second, CITY.shanghai, '2022-06-01', '2022-07-31');
  await job(second, CITY.beijing, '2022-08-10', '2022-08-20', '2022-07-20T10:00:00+08:00');
  await job(second, CITY.beijing, '2022-08-10', '2022-12-20', '2022-08-15T10:00:00+08:00');
}
