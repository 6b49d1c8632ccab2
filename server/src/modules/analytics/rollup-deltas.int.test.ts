import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../../../cli/program.js';
import type { Queryable } from '../../platform/db.js';
import { createTestApp, createTestContext, type TestContext } from '../../test/harness.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { signIn } from '../../test/http-helpers.js';
import { buildSeeker } from '../../test/live-helpers.js';
import { CITY, insertApplications } from './analytics.fixtures.js';

const FRESHNESS_MS = 5_000;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Polls until `read` returns at least `expected`; fails after `timeoutMs`. Returns how long it took. */
async function waitForCount(read: () => Promise<number>, expected: number, timeoutMs: number) {
  const started = Date.now();
  for (;;) {
    const count = await read();
    if (count >= expected) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`still ${count} (expected ${expected}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('applications reach the analytics through the delta table (issue 16)', () => {
  let server: Awaited<ReturnType<typeof createTestApp>>;
  let jobId: string;
  let adminCookie: string;

  beforeAll(async () => {
    server = await createTestApp();
    // Listening starts the folder, as `npm start` does.
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { employer } = await buildCompany(server.context);
    jobId = (await buildJob(server.context, employer)).id;
    const admin = await buildUser(server.context, { role: 'admin' });
    adminCookie = `jobcast_session=${(await signIn(server.app, admin.email!)).jobcast_session}`;
  });
  afterAll(async () => server?.close());

  const signedInSeeker = async (name: string) => {
    const seeker = await buildSeeker(server.context, name);
    return `jobcast_session=${(await signIn(server.app, seeker.email!)).jobcast_session}`;
  };
  const apply = async (cookie: string) => {
    const response = await server.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload: { jobId } });
    expect(response.statusCode).toBe(201);
  };
  const dashboardCount = async () => {
    const response = await server.app.inject({ method: 'GET', url: `/api/analytics?from=${todayInChina()}&to=${todayInChina()}&minSent=1`, headers: { cookie: adminCookie } });
    expect(response.statusCode).toBe(200);
    return (response.json() as { totals: { applications: number } }).totals.applications;
  };
  const cliCount = async () => {
    let stdout = '';
    const exitCode = await runProgram(['analytics', '--from', todayInChina(), '--to', todayInChina(), '--min-sent', '1', '--json'], {
      out: (text) => { stdout += text; },
      err: () => undefined,
      cwd: process.cwd(),
      progress: () => undefined,
    }, (work) => work(server.context));
    expect(exitCode).toBe(0);
    return (JSON.parse(stdout) as { totals: { applications: number } }).totals.applications;
  };

  it('shows an application on the dashboard and in `jobcast analytics` within 5 s of its acknowledgement, then folds it', async () => {
    const before = await dashboardCount();
    await apply(await signedInSeeker('冯一'));
    await waitForCount(dashboardCount, before + 1, FRESHNESS_MS);
    await waitForCount(cliCount, before + 1, FRESHNESS_MS);
    // The listening server's folder moves the delta into the rollup tables; the figures do not move.
    await waitForCount(async () => ((await server.context.analytics.countRollupRows()).pendingDeltas === 0 ? 1 : 0), 1, FRESHNESS_MS);
    expect(await dashboardCount()).toBe(before + 1);
    expect((await server.context.analytics.countRollupRows()).categories).toBeGreaterThan(0);
  });

  it.runIf(onPostgres)('never makes one application wait for another seeker\'s open transaction on the same job (PostgreSQL)', async () => {
    const first = await buildSeeker(server.context, '褚三');
    const second = await signedInSeeker('卫四');
    const client = new pg.Client({ connectionString: await currentDatabaseUrl(server.context.db) });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into applications (job_id, seeker_user_id, source, seeker_city_code, job_city_code, category_code, industry_code, company_id)
         select j.id, $2, 'job_page', '411600', j.city_code, j.category_code, j.industry_code, j.company_id from jobs j where j.id = $1`,
        [jobId, first.id],
      );
      // Before the delta table, this waited on the rollup rows the open transaction had upserted.
      const applied = await Promise.race([
        apply(second).then(() => 'stored'),
        new Promise((resolve) => setTimeout(() => resolve('waited'), 3_000)),
      ]);
      expect(applied).toBe('stored');
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });
});

describe('without a listening server (tests, the CLI) nothing folds, and the figures stay exact', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(async () => context?.drop());

  const total = async () => (await context.analytics.getFigures({ from: '2022-08-01', to: '2022-08-31', minSent: 1 })).totals.applications;
  const oneApplication = [{ appliedAt: '2022-08-08T10:00:00+08:00', seekerCity: CITY.hefei, jobCity: CITY.suzhou, category: 'general_worker', industry: 'C' }];

  it('adds a single application as one delta row, not to the rollup tables, and a fold moves it', async () => {
    const before = await context.analytics.countRollupRows();
    const figures = await total();
    await insertApplications(context.db, oneApplication);
    const after = await context.analytics.countRollupRows();
    expect(after.pendingDeltas).toBe(before.pendingDeltas + 1);
    expect({ ...after, pendingDeltas: 0 }).toEqual({ ...before, pendingDeltas: 0 });
    expect(await total()).toBe(figures + 1);
    expect(await context.analytics.foldRollupDeltas()).toBe(after.pendingDeltas);
    expect((await context.analytics.countRollupRows()).pendingDeltas).toBe(0);
    expect(await total()).toBe(figures + 1);
  });

  it.runIf(onPostgres)('lets only one session fold at a time (the advisory lock other nodes share)', async () => {
    await insertApplications(context.db, oneApplication);
    const client = new pg.Client({ connectionString: await currentDatabaseUrl(context.db) });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock(application_rollups_lock_key())');
      expect(await context.analytics.foldRollupDeltas()).toBeNull();
      expect((await context.analytics.countRollupRows()).pendingDeltas).toBe(1);
      await client.query('commit');
      expect(await context.analytics.foldRollupDeltas()).toBe(1);
      expect((await context.analytics.countRollupRows()).pendingDeltas).toBe(0);
    } finally {
      await client.end();
    }
  });
});

/** The URL of the test file's own database (the harness names it at random). */
async function currentDatabaseUrl(db: Queryable) {
  const [row] = await db.query<{ name: string }>('select current_database() as name');
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row.name}`;
  return url.toString();
}
