/**
 * The impact report (issue 12) over the analytics benchmark's data set: in a fresh PostgreSQL database of its own
 * (or `--database-url` of one kept by `analytics.bench.ts --keep`), N applications over 2022-08-01 … 2023-01-31
 * with 8 % hired, 2,000 companies, 20,000 jobs and 50,000 ended sessions; then times the whole report (the
 * analytics' figures from the rollups plus the impact module's own SQL), the public variant and the printed HTML,
 * for the six-month window, whole country and 江苏 (p50/p95). Prints figures and a Markdown block for
 * docs/BENCHMARKS.md; asserts nothing.
 *
 *   npx tsx bench/impact.bench.ts [--applications 10000000] [--runs 10] [--database-url URL] [--keep]
 *   BENCH_IMPACT_APPLICATIONS=100000 npm run bench -- impact   # a quick check
 */
import { execSync } from 'node:child_process';
import os from 'node:os';
import { createContext, type Context } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import type { ImpactRequest } from '../server/src/modules/impact/index.js';
import { createDatabase, loadApplications, loadPostings } from './analytics-data.js';

function option(name: string, envName: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index !== -1 ? process.argv[index + 1] : process.env[envName];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

const APPLICATIONS = option('applications', 'BENCH_IMPACT_APPLICATIONS', 10_000_000);
const RUNS = option('runs', 'BENCH_IMPACT_RUNS', 10);
const KEEP = process.argv.includes('--keep');
const GIVEN_URL = process.argv.includes('--database-url') ? process.argv[process.argv.indexOf('--database-url') + 1] : undefined;
const CHUNK = 1_000_000;
const SIX_MONTHS = { from: '2022-08-01', to: '2023-01-31' };
const PATHS = { from: 'from', to: 'to', province: 'province', city: 'city', minSent: 'minSent', campaignId: 'campaignId', methodVersion: 'methodVersion' };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const count = (value: number) => value.toLocaleString('en');

async function timeRuns<T>(work: () => Promise<T>, runs: number, warmups = 1): Promise<{ result: T; p50: number; p95: number }> {
  let result = await work();
  for (let index = 1; index < warmups; index += 1) result = await work();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { result, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  const database = GIVEN_URL ? { url: GIVEN_URL, drop: async () => undefined } : await createDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0' });
  const context: Context = await createContext(config, { purpose: 'bench' });
  const loadAtStart = os.loadavg().map((value) => value.toFixed(1)).join(' / ');
  try {
    const [{ server_version: version }] = await context.db.query<{ server_version: string }>('show server_version');
    console.log(`Machine: ${execSync('nproc').toString().trim()} cores, Node ${process.version}; PostgreSQL ${version}; load ${loadAtStart}; ${new Date().toISOString()}`);
    if (!GIVEN_URL) {
      console.log(`Database ${new URL(database.url).pathname.slice(1)}; loading ${count(APPLICATIONS)} applications …`);
      await loadPostings(context);
      for (let first = 1; first <= APPLICATIONS; first += CHUNK) {
        const last = Math.min(APPLICATIONS, first + CHUNK - 1);
        await loadApplications(context, first, last);
        process.stdout.write(`  ${count(last)} rows\n`);
      }
      await context.db.exec('vacuum analyze');
    }
    const [{ rows }] = await context.db.query<{ rows: string }>('select count(*) as rows from applications');
    const rows_: Array<[string, ImpactRequest]> = [
      ['6 months, whole country', { ...SIX_MONTHS }],
      ['6 months, province 江苏', { ...SIX_MONTHS, province: '江苏' }],
    ];
    const table: string[] = [];
    for (const [label, request] of rows_) {
      const report = await timeRuns(() => context.impact.getReport(request, PATHS), RUNS);
      const publicReport = await timeRuns(() => context.impact.getPublicReport({ from: request.from, to: request.to, provinceCode: request.province ?? undefined }), RUNS);
      const printed = await timeRuns(() => context.impact.renderReport(request, PATHS, 'zh'), Math.max(3, Math.round(RUNS / 2)));
      const figures = report.result;
      console.log(`${label}: report p50 ${ms(report.p50)} p95 ${ms(report.p95)}; public p50 ${ms(publicReport.p50)}; printed HTML p50 ${ms(printed.p50)} ` +
        `(hires ${count(figures.measured.hires)}, applications ${count(figures.open.applications)}, sessions ${count(figures.open.sessions)}, estimate ${count(figures.estimated.total)})`);
      table.push(`| ${label} | ${ms(report.p50)} | ${ms(report.p95)} | ${ms(publicReport.p50)} | ${ms(printed.p50)} | ${count(figures.open.applications)} / ${count(figures.measured.hires)} |`);
    }
    console.log('\n--- docs/BENCHMARKS.md ---');
    console.log(`Impact report over ${count(Number(rows))} applications (PostgreSQL ${version}), ${RUNS} runs after a warm-up; load average at start ${loadAtStart}, at the end ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}.`);
    console.log('\n| Window, region | report p50 | report p95 | public p50 | printed HTML p50 | applications / hires |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const line of table) console.log(line);
  } finally {
    await context.close();
    if (KEEP || GIVEN_URL) console.log(`Kept database: ${database.url}`);
    else await database.drop();
  }
}

await main();
