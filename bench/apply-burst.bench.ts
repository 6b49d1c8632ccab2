/**
 * The 报名 moment: N distinct seekers apply within a window through the real HTTP route (POST /api/applications:
 * auth cookie, profile check, session and job checks, the idempotent insert), from a separate client process on
 * loopback, on one pinned job or spread over several. 10 % of them double-tap (a concurrent second request with
 * the same idempotency key) and 10 % tap twice without a key. Checks: applications stored = applications
 * acknowledged, zero duplicates, and the analytics figures (rollups + unfolded deltas) equal to the raw-table
 * computation right after the burst. Same-run baseline: the same number of requests at the same rate to
 * GET /api/auth/me (cookie → user lookup, no write): the HTTP + auth floor under which an apply cannot go.
 * Before the measured phases, one second of warm-up traffic (sign-in checks and applications by 200 other seekers
 * on a job of another session) opens the connections and compiles the hot paths, as on a server that has been
 * running: without it the first ~80 requests of each phase (connection set-up, JIT) make the p99 (printed as
 * the cold start). --no-warm-up measures from a cold process.
 * On PostgreSQL a second connection samples pg_stat_activity every 50 ms during the burst and prints what the
 * app's backends were doing (the wait-event summary), so a regression shows its cause.
 *
 *   npm run bench -- apply-burst [--seekers 2000] [--jobs 5] [--window-ms 10000] [--engine postgres|pglite] [--no-warm-up]
 *   # BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); --engine pglite: in memory
 */
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';
import { createApp, createContext } from '../server/src/app.js';
import { LISTEN_BACKLOG, loadConfig } from '../server/src/platform/config.js';
import { openPglite, openPostgres, type Db } from '../server/src/platform/db.js';
import { buildCompany, buildJob } from '../server/src/test/factories.js';
import type { BurstCommand, BurstReport, BurstRequest } from './apply-burst-clients.js';

const { values: options } = parseArgs({
  options: {
    seekers: { type: 'string', default: process.env.BENCH_SEEKERS ?? '2000' },
    jobs: { type: 'string', default: process.env.BENCH_JOBS ?? '5' },
    'window-ms': { type: 'string', default: process.env.BENCH_WINDOW_MS ?? '10000' },
    engine: { type: 'string', default: process.env.BENCH_ENGINE ?? 'postgres' },
    'no-warm-up': { type: 'boolean', default: false },
  },
});
const SEEKERS = Number(options.seekers);
const JOBS = Number(options.jobs);
const WINDOW_MS = Number(options['window-ms']);
const WARM_UP_SEEKERS = options['no-warm-up'] ? 0 : 200;
const ENGINE = options.engine === 'pglite' ? 'pglite' : 'postgres';
const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (value: number) => Math.round(value * 10) / 10;
const loadAverage = () => os.loadavg().map(round).join(' / ');

/** A fresh database for the run: a new PostgreSQL database (dropped at the end) or an in-memory PGlite. */
async function openBenchDb(): Promise<{ db: Db; url: string | null; drop: () => Promise<void> }> {
  if (ENGINE === 'pglite') {
    const db = await openPglite(undefined);
    return { db, url: null, drop: () => db.close() };
  }
  const databaseName = `jobcast_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${databaseName}`;
  const db = openPostgres(url.toString(), { maxConnections: 20 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Samples the app's backends in pg_stat_activity every 50 ms on a connection of its own: how many were seen
 * in each state and wait event over the burst (active backends waiting on Lock:transactionid are applications
 * queueing behind each other; "idle in transaction" ones hold locks across a round trip).
 */
function sampleWaitEvents(url: string) {
  const client = new pg.Client({ connectionString: url });
  const seen = new Map<string, number>();
  let samples = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const sample = async () => {
    const rows = await client.query<{ state: string; wait: string; count: number }>(
      `select coalesce(state, '?') as state, coalesce(wait_event_type || ':' || wait_event, 'on CPU') as wait, count(*)::int as count
       from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
         and state <> 'idle'
       group by 1, 2`,
    );
    samples += 1;
    for (const row of rows.rows) seen.set(`${row.state} — ${row.wait}`, (seen.get(`${row.state} — ${row.wait}`) ?? 0) + row.count);
  };
  return {
    async start() {
      await client.connect();
      timer = setInterval(() => {
        running = running.then(sample).catch(() => undefined);
      }, 50);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
      await client.end();
      const total = [...seen.values()].reduce((sum, count) => sum + count, 0);
      return {
        samples,
        busyBackendsPerSample: round(total / Math.max(1, samples)),
        waits: [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([key, count]) => ({
          'state — wait event': key,
          'backend-samples': count,
          share: `${Math.round((count / Math.max(1, total)) * 100)} %`,
        })),
      };
    },
  };
}

async function main() {
  const { db, url, drop } = await openBenchDb();
  const loadBefore = loadAverage();
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', ...(url ? { DATABASE_URL: url } : {}) });
    const context = await createContext(config, { db });
    const host = await context.auth.createUser({ role: 'host', email: 'burst-host@example.test', password: 'bench-password', displayName: '主播' });
    const { employer } = await buildCompany(context);
    const jobs: Array<Awaited<ReturnType<typeof buildJob>>> = [];
    for (let index = 0; index < JOBS; index += 1) jobs.push(await buildJob(context, employer, { title: `普工${index + 1}` }));
    const session = await context.live.scheduleSession(host, { title: '报名压测', startsAt: new Date().toISOString(), jobIds: jobs.map((job) => job.id), coverText: '' });
    await context.live.handlePublishStarted(session.id);

    // Seekers, profiles and sign-in sessions in bulk (seeding goes the raw path; the burst goes through HTTP).
    const passwordHash = await argon2.hash('bench-password');
    const tokens = Array.from({ length: SEEKERS + WARM_UP_SEEKERS }, () => randomBytes(32).toString('base64url'));
    const allUserIds = (await db.query<{ id: string }>(
      `insert into users (role, email, password_hash, display_name)
       select 'seeker', 'burst-' || n || '@example.test', $1, '求职者' || n from generate_series(1, $2::int) n order by n returning id`,
      [passwordHash, SEEKERS + WARM_UP_SEEKERS],
    )).map((row) => row.id);
    const userIds = allUserIds.slice(0, SEEKERS);
    await db.query(
      `insert into seeker_profiles (user_id, name, phone, home_city_code)
       select id, '张' || ord, '138' || lpad(ord::text, 8, '0'), '411600' from unnest($1::uuid[]) with ordinality as t(id, ord)`,
      [allUserIds],
    );
    await db.query(
      `insert into auth_sessions (token_hash, user_id, expires_at) select * from unnest($1::text[], $2::uuid[], $3::timestamptz[])`,
      [tokens.map((token) => createHash('sha256').update(token).digest('hex')), allUserIds, allUserIds.map(() => new Date(Date.now() + 86_400_000))],
    );
    const warmUpJob = await buildJob(context, employer, { title: '热身岗位' });
    const warmUpSession = await context.live.scheduleSession(host, { title: '热身', startsAt: new Date().toISOString(), jobIds: [warmUpJob.id], coverText: '' });
    await context.live.handlePublishStarted(warmUpSession.id);

    const app = await createApp(context);
    await app.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const clients = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'apply-burst-clients.ts'), [], { execArgv: ['--import', 'tsx'] });
    const run = (requests: BurstRequest[]) => new Promise<BurstReport>((resolve) => {
      clients.once('message', (report: BurstReport) => resolve(report));
      clients.send({ type: 'run', baseUrl, requests, windowMs: requests[0]?.tag === 'warm-up' ? 1000 : WINDOW_MS } satisfies BurstCommand);
    });

    // Warm-up (not measured): sign-in checks and applications by other seekers on the warm-up session's job.
    if (WARM_UP_SEEKERS > 0) {
      const warmUp: BurstRequest[] = [];
      for (let index = SEEKERS; index < SEEKERS + WARM_UP_SEEKERS; index += 1) {
        const cookie = `jobcast_session=${tokens[index]}`;
        warmUp.push({ method: 'GET', path: '/api/auth/me', cookie, tag: 'warm-up' });
        warmUp.push({ method: 'POST', path: '/api/applications', cookie, body: { jobId: warmUpJob.id, sessionId: warmUpSession.id, idempotencyKey: `warm-up-${index}` }, tag: 'warm-up' });
      }
      const report = await run(warmUp);
      const failed = report.responses.filter((response) => response.status >= 400 || response.status === 0);
      if (failed.length) throw new Error(`warm-up: ${failed.length} requests failed, first ${failed[0].status} ${JSON.stringify(failed[0].body)}`);
    }

    // Baseline first (same rate, same cookies): the HTTP + auth floor.
    const baselineCpuBefore = process.cpuUsage();
    const baseline = await run(userIds.map((_, index) => ({ method: 'GET', path: '/api/auth/me', cookie: `jobcast_session=${tokens[index]}`, tag: 'me' })));
    const baselineCpu = process.cpuUsage(baselineCpuBefore);
    const cpuMsPerRequest = (usage: NodeJS.CpuUsage, count: number) => round((usage.user + usage.system) / 1000 / count);

    const requests: BurstRequest[] = [];
    userIds.forEach((_, index) => {
      const body = { jobId: jobs[index % jobs.length].id, sessionId: session.id, idempotencyKey: `burst-${index}-${randomBytes(4).toString('hex')}` };
      const request: BurstRequest = { method: 'POST', path: '/api/applications', cookie: `jobcast_session=${tokens[index]}`, body, tag: String(index) };
      requests.push(request);
      if (index % 10 === 0) requests.push({ ...request }); // double tap, same key
      if (index % 10 === 5) requests.push({ ...request, body: { ...body, idempotencyKey: undefined } }); // second tap, no key
    });
    const sampler = url ? sampleWaitEvents(url) : null;
    await sampler?.start();
    const burstCpuBefore = process.cpuUsage();
    const burst = await run(requests);
    const cpu = process.cpuUsage(burstCpuBefore);
    const waits = await sampler?.stop();
    const loadAfter = loadAverage();

    // The figures right after the burst (some applications not yet folded into the rollups) and the raw table.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const window = { from: today, to: today, minSent: 1 };
    const [pending] = await db.query<{ count: number }>('select count(*)::int as count from application_rollup_deltas').catch(() => [{ count: -1 }]);
    const viaRollups = await context.analytics.getFigures({ ...window, source: 'rollup' });
    const viaRaw = await context.analytics.getFigures({ ...window, source: 'raw' });
    clients.disconnect();
    await app.close();
    const afterClose = await context.analytics.getFigures({ ...window, source: 'rollup' });

    const acknowledged = burst.responses.filter((response) => response.status === 200 || response.status === 201);
    const failures = burst.responses.filter((response) => response.status !== 200 && response.status !== 201);
    const idsBySeeker = new Map<string, Set<number>>();
    for (const response of acknowledged) {
      const ids = idsBySeeker.get(response.tag) ?? new Set<number>();
      ids.add((response.body as { id: number }).id);
      idsBySeeker.set(response.tag, ids);
    }
    const acknowledgedApplications = new Set(acknowledged.map((response) => (response.body as { id: number }).id));
    const [stored] = await db.query<{ count: number }>('select count(*)::int as count from applications where session_id = $1', [session.id]);
    const [storedAll] = await db.query<{ count: number }>('select count(*)::int as count from applications');
    const [duplicates] = await db.query<{ count: number }>(
      'select count(*)::int as count from (select job_id, seeker_user_id from applications group by 1, 2 having count(*) > 1) d',
    );
    const seekersWithTwoIds = [...idsBySeeker.values()].filter((ids) => ids.size > 1).length;
    const applyLatencies = burst.responses.map((response) => response.latencyMs).sort((a, b) => a - b);
    const baselineLatencies = baseline.responses.map((response) => response.latencyMs).sort((a, b) => a - b);

    const firstSecond = (report: BurstReport) => {
      const sorted = report.responses.slice(0, Math.ceil(report.responses.length / (WINDOW_MS / 1000))).map((response) => response.latencyMs).sort((a, b) => a - b);
      return round(percentile(sorted, 99));
    };
    const results = [
      { scenario: 'baseline GET /api/auth/me', requests: baseline.responses.length, wallS: round(baseline.wallMs / 1000), p50Ms: round(percentile(baselineLatencies, 50)), p99Ms: round(percentile(baselineLatencies, 99)), maxMs: round(baselineLatencies.at(-1)!), serverCpuMsPerRequest: cpuMsPerRequest(baselineCpu, baseline.responses.length), errors: baseline.responses.filter((response) => response.status !== 200).length, firstSecondP99Ms: firstSecond(baseline) },
      { scenario: 'POST /api/applications burst', requests: burst.responses.length, wallS: round(burst.wallMs / 1000), p50Ms: round(percentile(applyLatencies, 50)), p99Ms: round(percentile(applyLatencies, 99)), maxMs: round(applyLatencies.at(-1)!), serverCpuMsPerRequest: cpuMsPerRequest(cpu, burst.responses.length), errors: failures.length, firstSecondP99Ms: firstSecond(burst) },
    ];
    const checks = {
      distinctSeekers: SEEKERS,
      jobs: JOBS,
      requestsIncludingRepeats: requests.length,
      applicationsAcknowledged: acknowledgedApplications.size,
      applicationsStored: stored.count,
      storedEqualsAcknowledged: stored.count === acknowledgedApplications.size,
      duplicateJobSeekerPairs: duplicates.count,
      seekersGivenTwoDifferentApplications: seekersWithTwoIds,
      figureApplications: viaRollups.totals.applications,
      deltasNotYetFolded: pending.count,
      figuresEqualRaw: isDeepStrictEqual(viaRollups, viaRaw) && isDeepStrictEqual(afterClose, viaRaw) && viaRaw.totals.applications === storedAll.count,
      serverCpuPercentOfOneCoreDuringBurst: Math.round(((cpu.user + cpu.system) / 1000 / burst.wallMs) * 100),
    };
    const failureStatuses = [...new Set(failures.map((failure) => failure.status))];
    console.log(`apply-burst: ${SEEKERS} distinct seekers within ${WINDOW_MS / 1000} s on ${JOBS} job(s), ${ENGINE} (${context.db.kind}), 10 % double taps with the same key, 10 % second taps without; ${WARM_UP_SEEKERS ? `after 1 s of warm-up by ${WARM_UP_SEEKERS} other seekers` : 'cold process (no warm-up)'}`);
    console.log(`date ${new Date().toISOString()}; load average (1/5/15 min) before ${loadBefore}, after the burst ${loadAfter}; ${os.cpus().length} cores`);
    console.table(results);
    console.table([checks]);
    if (failures.length) {
      const causes = new Map<string, number>();
      for (const failure of failures) causes.set(JSON.stringify(failure.body), (causes.get(JSON.stringify(failure.body)) ?? 0) + 1);
      console.log(`failure statuses: ${failureStatuses.join(', ')}; by answer: ${[...causes].map(([body, count]) => `${count} × ${body}`).join('; ')}`);
    }
    if (waits) {
      console.log(`pg_stat_activity during the burst: ${waits.samples} samples, ${waits.busyBackendsPerSample} non-idle app backends per sample`);
      console.table(waits.waits);
    }
    console.log(JSON.stringify({ bench: 'apply-burst', engine: ENGINE, warmUpSeekers: WARM_UP_SEEKERS, date: new Date().toISOString(), loadBefore, loadAfter, results, checks, waits }));
    context.live.stopTimers();
    if (!checks.storedEqualsAcknowledged || checks.duplicateJobSeekerPairs > 0 || checks.seekersGivenTwoDifferentApplications > 0 || failures.length > 0 || !checks.figuresEqualRaw) process.exitCode = 1;
  } finally {
    await drop();
  }
}

await main();
process.exit(process.exitCode ?? 0);
