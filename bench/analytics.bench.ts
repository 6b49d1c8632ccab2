/**
 * Resume-flow analytics at scale (issue 5). In a fresh PostgreSQL database of its own (created here and
 * dropped at the end unless --keep): loads N applications over 2022-08-01 … 2023-01-31 (China time) with
 * `insert … select … from generate_series` in chunks of 1,000,000 rows, so the rollup triggers run as
 * they would for bulk imports; then times the whole figure set for the six-month window via the rollups
 * and via the raw applications table in the same run (p50/p95, ratio), checks the two agree, times
 * single-row inserts (the live apply path, triggers included), and imports a generated CSV through the
 * real importer. Prints figures and a Markdown block for docs/BENCHMARKS.md; asserts nothing.
 *
 *   npx tsx bench/analytics.bench.ts [--applications 10000000] [--import-rows 1000000] [--runs 20] [--raw-runs 5] [--keep]
 *   BENCH_ANALYTICS_APPLICATIONS=100000 BENCH_ANALYTICS_IMPORT_ROWS=20000 npm run bench -- analytics   # a quick check
 *   npm run bench -- analytics --database-url postgres://…/jobcast_bench_… --figures-only   # again on a kept data set
 * Database: BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * --database-url reuses a database kept with --keep (by this benchmark or the impact one): no load, never dropped;
 * its migrations run first, as at any start. --figures-only times the figure sets alone and leaves the data as it
 * was (no single-row inserts, rebuild or import), so one 10-million load serves many measurements.
 */
import { execSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import { createContext, type Context } from '../server/src/app.js';
import { createDatabase, loadApplications, loadPostings } from './analytics-data.js';
import { loadConfig } from '../server/src/platform/config.js';
import type { FigureRequest } from '../server/src/modules/analytics/index.js';

function option(name: string, envName: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index !== -1 ? process.argv[index + 1] : process.env[envName];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

const APPLICATIONS = option('applications', 'BENCH_ANALYTICS_APPLICATIONS', 10_000_000);
const IMPORT_ROWS = option('import-rows', 'BENCH_ANALYTICS_IMPORT_ROWS', 1_000_000);
const RUNS = option('runs', 'BENCH_ANALYTICS_RUNS', 20);
const RAW_RUNS = option('raw-runs', 'BENCH_ANALYTICS_RAW_RUNS', 5);
const KEEP = process.argv.includes('--keep');
const GIVEN_URL = process.argv.includes('--database-url') ? process.argv[process.argv.indexOf('--database-url') + 1] : undefined;
const FIGURES_ONLY = process.argv.includes('--figures-only');
const CHUNK = 1_000_000;


const SIX_MONTHS = { from: '2022-08-01', to: '2023-01-31' };
const UNALIGNED = { from: '2022-08-16', to: '2023-01-15' };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString('en');

async function time<T>(work: () => Promise<T>): Promise<{ result: T; elapsed: number }> {
  const started = performance.now();
  const result = await work();
  return { result, elapsed: performance.now() - started };
}

async function writeImportCsv(context: Context, file: string, rows: number) {
  const cities = context.geo.reference.cities;
  const categories = context.geo.reference.categories;
  const industries = context.geo.reference.industries;
  const out = createWriteStream(file);
  out.write('applied_at,seeker_city,job_city,job_category,industry,company,job_title\n');
  let state = 12_345;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const start = Date.parse('2022-08-01T00:00:00+08:00');
  const span = Date.parse('2023-02-01T00:00:00+08:00') - start;
  let buffer = '';
  for (let index = 0; index < rows; index += 1) {
    const seeker = cities[Math.floor(next() * cities.length)];
    const job = cities[Math.floor(next() ** 3 * cities.length)];
    const category = categories[Math.floor(next() ** 2.5 * categories.length)];
    const industry = industries[Math.floor(next() * 6)];
    // Cities as code, short and full name; times with and without an offset.
    const spell = (city: (typeof cities)[number], variant: number) => [city.code, city.shortName, city.name][variant % 3];
    const instant = new Date(start + Math.floor(next() * span));
    const appliedAt = index % 2 ? instant.toISOString() : new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
    buffer += `${appliedAt},${spell(seeker, index)},${spell(job, index + 1)},${index % 4 ? category.code : category.name},${index % 3 ? industry.code : industry.name},招聘会企业${index % 500},普工\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

async function timeFigures(context: Context, request: FigureRequest, runs: number, warmups: number) {
  for (let index = 0; index < warmups; index += 1) await context.analytics.getFigures(request);
  const durations: number[] = [];
  let last = null;
  for (let index = 0; index < runs; index += 1) {
    const { result, elapsed } = await time(() => context.analytics.getFigures(request));
    durations.push(elapsed);
    last = result;
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), min: durations[0], max: durations[durations.length - 1], runs, result: last! };
}

/** The write paths: single-row inserts with and without the trigger, a rebuild, the CSV import. They change the data set. */
async function measureWrites(context: Context): Promise<string[]> {
  // The live apply path: one application per statement, with the rollup trigger and (baseline) without it.
  const insertSingles = () => time(async () => {
    for (let index = 0; index < 1000; index += 1) {
      await context.db.query(`insert into applications (source, applied_at, seeker_city_code, job_city_code, category_code, industry_code)
        values ('import', timestamptz '2022-10-01 10:00+08' + $1 * interval '1 minute', '341200', '320500', 'general_worker', 'C')`, [index]);
    }
  });
  const single = await insertSingles();
  await context.db.exec('alter table applications disable trigger applications_rollups_after_insert');
  const singleWithoutRollups = await insertSingles();
  await context.db.exec('alter table applications enable trigger applications_rollups_after_insert');
  const rebuild = await time(() => context.analytics.rebuildRollups());

  let importLine = 'CSV import: skipped (--import-rows 0)';
  if (IMPORT_ROWS > 0) {
    const file = path.join(os.tmpdir(), `jobcast-bench-import-${process.pid}.csv`);
    const written = await time(() => writeImportCsv(context, file, IMPORT_ROWS));
    const before = (await context.analytics.getFigures(SIX_MONTHS)).totals.applications;
    const imported = await time(() => context.analytics.importApplications(createReadStream(file), { fileName: path.basename(file) }));
    const after = (await context.analytics.getFigures(SIX_MONTHS)).totals.applications;
    await rm(file, { force: true });
    importLine = `CSV import (jobcast import applications, all-or-nothing, one transaction): ${count(imported.result.rows)} rows in ${seconds(imported.elapsed)} ` +
      `(${count(Math.round(imported.result.rows / (imported.elapsed / 1000)))} rows/s; writing the CSV took ${seconds(written.elapsed)}); ` +
      `six-month total ${count(before)} → ${count(after)}`;
  }
  return [
    `Single-row inserts (the live apply path): ${ms(single.elapsed / 1000)} each with the rollup trigger, ${ms(singleWithoutRollups.elapsed / 1000)} without it (average of 1,000). ` +
      `Rebuilding all rollups from the table (after the baseline rows, which the disabled trigger missed): ${seconds(rebuild.elapsed)}.`,
    importLine,
  ];
}

async function main() {
  const machine = {
    date: new Date().toISOString(),
    nproc: execSync('nproc').toString().trim(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: execSync('free -h').toString().split('\n').find((line) => line.startsWith('Mem:'))?.replace(/\s+/g, ' ') ?? '',
    node: process.version,
    loadAtStart: os.loadavg().map((value) => value.toFixed(1)).join(' / '),
  };
  const database = GIVEN_URL ? { url: GIVEN_URL, drop: async () => undefined } : await createDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0' });
  const context = await createContext(config, { purpose: 'bench' });
  const lines: string[] = [];
  const report = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  try {
    const [{ server_version: version }] = await context.db.query<{ server_version: string }>('show server_version');
    console.log(`Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memory}; Node ${machine.node}; PostgreSQL ${version}; ${machine.date}`);
    let loadMs: number | null = null;
    if (!GIVEN_URL) {
      console.log(`Database ${new URL(database.url).pathname.slice(1)}; loading ${count(APPLICATIONS)} applications …`);
      await loadPostings(context);
      loadMs = 0;
      for (let first = 1; first <= APPLICATIONS; first += CHUNK) {
        const last = Math.min(APPLICATIONS, first + CHUNK - 1);
        const { elapsed } = await time(() => loadApplications(context, first, last));
        loadMs += elapsed;
        process.stdout.write(`  ${count(last)} rows (${seconds(loadMs)})\n`);
      }
      await context.db.exec('vacuum analyze');
    }
    const [{ rows: loadedRows }] = await context.db.query<{ rows: string }>('select count(*) as rows from applications');
    const rollupRows = await context.analytics.countRollupRows();
    const [sizes] = await context.db.query<{ applications: string; rollups: string }>(`select
      pg_size_pretty(pg_total_relation_size('applications')) as applications,
      pg_size_pretty(pg_total_relation_size('application_category_rollups') + pg_total_relation_size('application_industry_rollups') + pg_total_relation_size('application_sent_rollups')
        + pg_total_relation_size('application_tier_flow_rollups') + pg_total_relation_size('application_hire_rollups')) as rollups`);

    // Each window through the rollups and, same SQL, over the raw table; the two results must be equal.
    const windows: Array<[string, FigureRequest]> = [
      [`6 months ${SIX_MONTHS.from} … ${SIX_MONTHS.to}, whole country`, SIX_MONTHS],
      [`${UNALIGNED.from} … ${UNALIGNED.to} (ragged edges), whole country`, UNALIGNED],
      ['2022-09-03 … 2022-11-27 (ragged edges), whole country', { from: '2022-09-03', to: '2022-11-27' }],
      ['2022-10-09 … 2022-10-20 (12 days), whole country', { from: '2022-10-09', to: '2022-10-20' }],
      ['6 months, province 江苏', { ...SIX_MONTHS, province: '江苏' }],
      [`${UNALIGNED.from} … ${UNALIGNED.to}, province 江苏`, { ...UNALIGNED, province: '江苏' }],
    ];
    const timed = [];
    for (const [index, [label, request]] of windows.entries()) {
      const viaRollup = await timeFigures(context, { ...request, source: 'rollup' }, RUNS, index === 0 ? 2 : 1);
      const rawRuns = index === 0 ? RAW_RUNS : Math.min(RAW_RUNS, 3);
      const viaRaw = rawRuns > 0 ? await timeFigures(context, { ...request, source: 'raw' }, rawRuns, 0) : null;
      const isEqual = viaRaw ? isDeepStrictEqual(viaRollup.result, viaRaw.result) : null;
      console.log(`  ${label}: rollups p50 ${ms(viaRollup.p50)} p95 ${ms(viaRollup.p95)} min ${ms(viaRollup.min)}${viaRaw ? `; raw p50 ${ms(viaRaw.p50)}; equal: ${isEqual ? 'yes' : 'NO'}` : ''}`);
      timed.push({ label, viaRollup, viaRaw, isEqual });
    }
    const writeLines = FIGURES_ONLY ? [] : await measureWrites(context);

    console.log('');
    report(`### ${count(Number(loadedRows))} applications, PostgreSQL ${version} — ${machine.date.slice(0, 10)}`);
    report('');
    report(`Machine: ${machine.nproc} cores (\`nproc\`), ${machine.cpu}; \`free -h\`: ${machine.memory}; Node ${machine.node}. ` +
      `Load average (1/5/15 min) at start ${machine.loadAtStart}, at the end ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')} (other work shared the machine when this is above ~2).`);
    report('');
    report(`${loadMs === null ? `Data set: a kept database (${new URL(database.url).pathname.slice(1)}), not loaded in this run.` : `Load: ${count(APPLICATIONS)} rows in ${seconds(loadMs)} (${count(Math.round(APPLICATIONS / (loadMs / 1000)))} rows/s, statements of ${count(CHUNK)} rows, rollup triggers on).`} ` +
      `Sizes: applications ${sizes.applications}, rollups ${sizes.rollups} (${count(rollupRows.categories)} category, ${count(rollupRows.industries)} industry, ${count(rollupRows.sent)} sent, ${count(rollupRows.flows)} tier-flow, ${count(rollupRows.hires)} hire rows).`);
    report('');
    report('| Full figure set | rollups p50 | rollups p95 | raw table p50 | raw table p95 | raw ÷ rollups (p50) |');
    report('|---|---:|---:|---:|---:|---:|');
    for (const { label, viaRollup, viaRaw } of timed) {
      report(`| ${label} | ${ms(viaRollup.p50)} | ${ms(viaRollup.p95)} | ${viaRaw ? ms(viaRaw.p50) : '–'} | ${viaRaw ? ms(viaRaw.p95) : '–'} | ${viaRaw ? `${(viaRaw.p50 / viaRollup.p50).toFixed(0)}×` : '–'} |`);
    }
    report('');
    const compared = timed.filter((row) => row.isEqual !== null);
    report(`Runs: ${RUNS} per rollup row after warm-up, ${RAW_RUNS} (first row) / ${Math.min(RAW_RUNS, 3)} (others) per raw row. ` +
      `Rollup and raw results identical: ${compared.length === 0 ? 'not compared (--raw-runs 0)' : compared.every((row) => row.isEqual) ? `yes (${compared.length} windows)` : 'NO'}. ` +
      `Six-month total ${count(timed[0].viaRollup.result.totals.applications)} applications.`);
    for (const line of writeLines) report(line);
  } finally {
    await context.close();
    if (KEEP || GIVEN_URL) console.log(`Kept database: ${database.url}`);
    else await database.drop();
  }
}

await main();
