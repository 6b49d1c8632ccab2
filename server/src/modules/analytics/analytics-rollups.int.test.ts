import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import type { Queryable } from '../../platform/db.js';
import { MIGRATIONS_DIR, migrate } from '../../platform/migrate.js';
import { createTestContext, openTestDb, type TestContext } from '../../test/harness.js';
import { fromDayNumber, planWindowReads, toDayNumber } from './analytics-window.js';
import { insertApplications, type ApplicationRow } from './analytics.fixtures.js';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SEED = 20_221_201;
// Cities in a few provinces and every tier, so province and city filters and tier flows all matter.
const CITIES = ['110000', '310000', '320100', '320200', '320500', '320400', '321000', '330100', '330200', '340100', '341200', '370100', '370200', '371300', '440300', '441900', '420100', '500000', '510100', '530100'];
const PROVINCES = ['32', '33', '34', '37', '44', '江苏', '浙江省'];
const CATEGORIES = ['general_worker', 'skilled_worker', 'delivery_warehouse', 'construction_decoration', 'express_warehouse', 'driver', 'security_guard', 'housekeeping_cleaner', 'food_service', 'customer_service', 'quality_inspector', 'electrician', 'welder'];
const INDUSTRIES = ['C', 'E', 'G', 'H', 'L', 'O'];
const FIRST_DAY = toDayNumber('2022-06-20')!;
const LAST_DAY = toDayNumber('2023-03-10')!;

/** Random applications over FIRST_DAY … LAST_DAY from a seed: skewed cities and categories, 15 % hired. */
function applicationGenerator(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const skewedPick = <T>(items: readonly T[]): T => items[Math.floor(random() ** 2 * items.length)];
  const randomDay = () => FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY + 1));
  // Times cluster around China midnight so the day boundaries are exercised.
  const randomInstant = () => {
    const midnightUtc = (randomDay() * 86_400 - 8 * 3_600) * 1000;
    const offset = random() < 0.3 ? (random() < 0.5 ? -1 : 1) * Math.floor(random() * 3) * 1000 : Math.floor(random() * 86_400_000);
    return new Date(midnightUtc + offset).toISOString();
  };
  const randomApplication = (): ApplicationRow => {
    const appliedAt = randomInstant();
    return {
      appliedAt,
      seekerCity: skewedPick(CITIES),
      jobCity: pick(CITIES),
      category: skewedPick(CATEGORIES),
      industry: skewedPick(INDUSTRIES),
      hiredAt: random() < 0.15 ? new Date(Date.parse(appliedAt) + Math.floor(random() * 20 * 86_400_000)).toISOString() : null,
    };
  };
  return { random, pick, randomDay, randomApplication };
}

/** Statements of many sizes (the triggers aggregate per statement), updates of counted columns and not, deletes. */
async function insertAndChangeApplications(db: Queryable, randomApplication: () => ApplicationRow) {
  for (const size of [1, 1, 7, 250, 1_200, 40, 3, 600]) {
    await insertApplications(db, Array.from({ length: size }, randomApplication));
  }
  await db.query(`update applications set applied_at = applied_at + interval '17 hours' where id % 11 = 0`);
  await db.query(`update applications set job_city_code = '320500', category_code = 'general_worker' where id % 13 = 0`);
  await db.query(`update applications set hired_at = applied_at + interval '3 days' where id % 7 = 0 and hired_at is null`);
  await db.query(`update applications set hired_at = null where id % 17 = 0`);
  await db.query(`update applications set status = 'viewed' where id % 5 = 0`);
  await db.query(`update applications set seeker_city_code = '341200' where id = (select min(id) from applications)`);
  await db.query(`delete from applications where id % 19 = 0`);
  // A bulk update (over 1,000 changed rows) goes straight to the rollup tables; a single-row insert after it.
  await db.query(`update applications set applied_at = applied_at + interval '5 hours' where id % 2 = 0`);
  await insertApplications(db, [randomApplication()]);
}

// The rollup tables plus the deltas not yet folded (migration 0060), or the tables alone; every grain.
const snapshotRollups = async (db: Queryable, suffix: '_exact' | '') => db.query(`
  select 'categories' as kind, grain, period::text, job_city_code || '/' || category_code as key, applications as n from application_category_rollups${suffix} where applications <> 0
  union all select 'industries', grain, period::text, job_city_code || '/' || industry_code, applications from application_industry_rollups${suffix} where applications <> 0
  union all select 'sent', grain, period::text, seeker_city_code, applications from application_sent_rollups${suffix} where applications <> 0
  union all select 'flows', grain, period::text, seeker_tier || '/' || job_city_code, applications from application_tier_flow_rollups${suffix} where applications <> 0
  union all select 'hires', grain, period::text, job_city_code, hires from application_hire_rollups${suffix} where hires <> 0
  union all select 'provinces', grain, period::text, seeker_province_code || '>' || job_province_code, applications from application_province_flow_rollups${suffix} where applications <> 0
  order by 1, 2, 3, 4`);

describe('rollups equal the raw applications table (seeded random data)', () => {
  let context: TestContext;
  const { random, pick, randomDay, randomApplication } = applicationGenerator(SEED);

  beforeAll(async () => {
    context = await createTestContext();
    await insertAndChangeApplications(context.db, randomApplication);
  });
  afterAll(async () => context.drop());

  it('gives the same figures for many windows, regions and thresholds', async () => {
    let compared = 0;
    for (let round = 0; round < 40; round += 1) {
      let from: number;
      let to: number;
      if (round % 5 === 0) {
        // Month-aligned windows read only monthly rows.
        const start = new Date(Date.UTC(2022, 5 + Math.floor(random() * 6), 1));
        from = start.getTime() / 86_400_000;
        to = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1 + Math.floor(random() * 3), 0) / 86_400_000;
      } else {
        const a = randomDay() - 5;
        const b = randomDay() + 5;
        [from, to] = a <= b ? [a, b] : [b, a];
      }
      const regionRoll = random();
      const region = regionRoll < 0.4 ? {} : regionRoll < 0.7 ? { province: pick(PROVINCES) } : { city: pick(CITIES) };
      const request = { from: fromDayNumber(from), to: fromDayNumber(to), minSent: 1 + Math.floor(random() * 12), ...region };
      const viaRollup = await context.analytics.getFigures({ ...request, source: 'rollup' });
      const viaRaw = await context.analytics.getFigures({ ...request, source: 'raw' });
      expect(viaRollup, JSON.stringify(request)).toEqual(viaRaw);
      if (viaRaw.totals.applications > 0) compared += 1;
    }
    // The comparison is only worth something if most windows hold data.
    expect(compared).toBeGreaterThan(30);
  });

  it('gives the same figures for windows read as months, weeks and days added and subtracted', async () => {
    const windows = [['2022-08-16', '2023-01-15'], ['2022-08-08', '2022-08-31'], ['2022-09-16', '2022-09-30'], ['2022-06-27', '2022-07-24'], ['2022-10-31', '2022-12-04']];
    const grains = new Set(windows.flatMap(([from, to]) => planWindowReads({ from, to }).map((read) => `${read.sign > 0 ? '+' : '-'}${read.grain}`)));
    expect([...grains].sort()).toEqual(['+day', '+month', '+week', '-day', '-week']);
    for (const [from, to] of windows) {
      for (const region of [{}, { province: '江苏' }, { city: '320500' }]) {
        const request = { from, to, minSent: 1, ...region };
        expect(await context.analytics.getFigures({ ...request, source: 'rollup' }), JSON.stringify(request)).toEqual(await context.analytics.getFigures({ ...request, source: 'raw' }));
      }
    }
  });

  const snapshot = (suffix: '_exact' | '') => snapshotRollups(context.db, suffix);

  it('keeps the exact rollups equal to a rebuild from scratch, before and after folding the deltas', async () => {
    const pending = (await context.analytics.countRollupRows()).pendingDeltas;
    // The small statements and the updates left deltas; the 1,200-row insert went straight to the tables.
    expect(pending).toBeGreaterThan(50);
    const maintained = await snapshot('_exact');
    expect(await snapshot('')).not.toEqual(maintained);
    expect(await context.analytics.foldRollupDeltas()).toBe(pending);
    expect((await context.analytics.countRollupRows()).pendingDeltas).toBe(0);
    expect(await snapshot('')).toEqual(maintained);
    expect(await snapshot('_exact')).toEqual(maintained);
    await context.analytics.rebuildRollups();
    const rebuilt = await snapshot('');
    expect(maintained.length).toBeGreaterThan(1_000);
    expect(maintained).toEqual(rebuilt);
  });

  it('empties the rollups when applications are truncated', async () => {
    await context.db.query('truncate applications cascade');
    await insertApplications(context.db, [randomApplication()]);
    expect((await context.analytics.countRollupRows()).pendingDeltas).toBe(1);
    await context.db.query('truncate applications cascade');
    expect(await context.analytics.countRollupRows()).toEqual({ categories: 0, industries: 0, sent: 0, flows: 0, hires: 0, pendingDeltas: 0 });
  });
});

describe('the weekly grain (migration 0120) on a database that already holds applications', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'jobcast-migrations-before-weeks-'));
  let database: Awaited<ReturnType<typeof openTestDb>>;
  let context: TestContext;
  afterAll(async () => {
    await context?.close();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('backfills the weeks from the daily rows, pending deltas included, equal to a rebuild and to the raw table', async () => {
    const { random, randomApplication } = applicationGenerator(SEED + 1);
    for (const name of readdirSync(MIGRATIONS_DIR).filter((file) => file < '0120')) copyFileSync(path.join(MIGRATIONS_DIR, name), path.join(folder, name));
    database = await openTestDb();
    await migrate(database.db, folder);
    await insertAndChangeApplications(database.db, randomApplication);
    // Some deltas folded before the migration, some still pending across it.
    await database.db.query('select fold_application_rollup_deltas()');
    for (let index = 0; index < 30; index += 1) await insertApplications(database.db, [randomApplication()]);
    expect(await database.db.query(`select 1 from application_category_rollups where grain = 'week'`)).toEqual([]);

    context = Object.assign(await createContext(loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0' }), { db: database.db }), { drop: async () => undefined });
    const pending = (await context.analytics.countRollupRows()).pendingDeltas;
    expect(pending).toBeGreaterThanOrEqual(30);
    const migrated = await snapshotRollups(database.db, '_exact');
    expect(migrated.filter((row) => row.grain === 'week').length).toBeGreaterThan(500);
    for (let round = 0; round < 12; round += 1) {
      const from = FIRST_DAY + Math.floor(random() * 200);
      const request = { from: fromDayNumber(from), to: fromDayNumber(from + 8 + Math.floor(random() * 60)), minSent: 1 };
      expect(await context.analytics.getFigures({ ...request, source: 'rollup' }), JSON.stringify(request)).toEqual(await context.analytics.getFigures({ ...request, source: 'raw' }));
    }
    expect(await context.analytics.foldRollupDeltas()).toBe(pending);
    expect(await snapshotRollups(database.db, '')).toEqual(migrated);
    await context.analytics.rebuildRollups();
    expect(await snapshotRollups(database.db, '')).toEqual(migrated);
  });
});
