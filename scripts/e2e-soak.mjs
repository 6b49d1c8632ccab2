#!/usr/bin/env node
// Runs the browser suite (e2e/*.e2e.test.ts) N times in a row while other processes keep both cores busy, and
// reports passes and failures per test per run, each run's wall time and the machine's load, then a summary.
// A flaky test shows up here before it blocks someone's landing (issue 14). No retries: vitest runs with
// --retry=0, and a test that fails once counts as failed.
//
//   node scripts/e2e-soak.mjs [runs=5] [--load=2] [--files=e2e/a.e2e.test.ts,e2e/b.e2e.test.ts]
//
// --load=N  N CPU hogs during each run (default 2, one per core of the CI box; 0 for none): `stress-ng --cpu N`
//           when installed (apt-get install -y stress-ng), otherwise N busy Node processes. They are bounded:
//           started with each run and stopped when it ends (stress-ng also has a --timeout of its own).
// CI=true is set, so a missing Chromium or ffmpeg fails rather than skips. TEST_DATABASE_URL is passed through
// (.ci/run uses PostgreSQL; without it each file runs on PGlite). Results and a Markdown summary are written to
// .test-artifacts/e2e-soak/. Exit code 1 when any test failed in any run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.test-artifacts', 'e2e-soak');
const MAX_RUN_SECONDS = 3600;

function parseArgs(argv) {
  const options = { runs: 5, load: 2, files: null };
  for (const arg of argv) {
    if (/^\d+$/.test(arg)) options.runs = Number(arg);
    else if (arg.startsWith('--load=')) options.load = Number(arg.slice('--load='.length));
    else if (arg.startsWith('--files=')) options.files = arg.slice('--files='.length).split(',').filter(Boolean);
    else throw new Error(`unknown argument ${arg}: node scripts/e2e-soak.mjs [runs] [--load=N] [--files=a,b]`);
  }
  if (!(options.runs >= 1) || !(options.load >= 0)) throw new Error('runs must be ≥ 1 and --load ≥ 0');
  options.files ??= readdirSync(path.join(ROOT, 'e2e')).filter((name) => name.endsWith('.e2e.test.ts')).sort().map((name) => `e2e/${name}`);
  return options;
}

const hasStressNg = () => spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0;

/** N CPU hogs, bounded by MAX_RUN_SECONDS and stopped by the returned function. */
function startLoad(workers) {
  if (workers === 0) return { kind: 'none', stop: async () => {} };
  const children = [];
  let kind;
  if (hasStressNg()) {
    kind = `stress-ng --cpu ${workers}`;
    children.push(spawn('stress-ng', ['--cpu', String(workers), '--timeout', `${MAX_RUN_SECONDS}s`, '--quiet'], { stdio: 'ignore' }));
  } else {
    kind = `${workers} busy node processes`;
    for (let index = 0; index < workers; index += 1) {
      children.push(spawn(process.execPath, ['-e', `setTimeout(() => process.exit(0), ${MAX_RUN_SECONDS * 1000}); for (;;) {}`], { stdio: 'ignore' }));
    }
  }
  const stop = async () => {
    await Promise.all(children.map((child) => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })));
  };
  return { kind, stop };
}

/** Samples the 1-minute load average every 5 s while a run lasts. */
function sampleLoad() {
  const samples = [];
  const take = () => samples.push(os.loadavg()[0]);
  take();
  const timer = setInterval(take, 5000);
  return () => {
    clearInterval(timer);
    take();
    const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
    return { mean, max: Math.max(...samples) };
  };
}

function runVitest(files, jsonFile) {
  return new Promise((resolve) => {
    const args = ['vitest', 'run', ...files, '--retry=0', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`];
    const child = spawn('npx', args, { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Per test: { file, name, status, duration, message } from vitest's JSON report. */
function readResults(jsonFile, files, output) {
  let report;
  try {
    report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  } catch {
    return files.map((file) => ({ file, name: '(the run produced no report)', status: 'failed', duration: 0, message: output.slice(-2000) }));
  }
  const tests = [];
  for (const fileResult of report.testResults) {
    const file = path.relative(ROOT, fileResult.name);
    for (const test of fileResult.assertionResults) {
      tests.push({ file, name: test.fullName, status: test.status, duration: test.duration ?? 0, message: (test.failureMessages ?? []).join('\n') });
    }
    // A file that failed before its tests ran (beforeAll, import) has no failed test to show for it.
    if (fileResult.status === 'failed' && !fileResult.assertionResults.some((test) => test.status === 'failed')) {
      tests.push({ file, name: '(file: setup or teardown)', status: 'failed', duration: 0, message: fileResult.message ?? '' });
    }
  }
  return tests;
}

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite';
  console.log(`[soak] ${options.runs} run(s) of ${options.files.length} browser test files, load: ${options.load} CPU hog(s), database: ${database}, ${os.cpus().length} cores`);
  // Build the web app once, outside the timed runs (each file would otherwise find it stale).
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web-if-missing.mjs')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, JOBCAST_SKIP_WEB_BUILD: '' } });
  if (build.status !== 0) throw new Error('building the web app failed');

  const runs = [];
  let current = null;
  // Interrupted: stop the load before leaving (stress-ng would otherwise run until its own timeout).
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { void current?.stop().then(() => process.exit(130)); });
  for (let run = 1; run <= options.runs; run += 1) {
    const load = current = startLoad(options.load);
    const stopSampling = sampleLoad();
    const started = Date.now();
    const jsonFile = path.join(OUT, `run-${run}.json`);
    const { code, output } = await runVitest(options.files, jsonFile);
    const wallMs = Date.now() - started;
    const loadavg = stopSampling();
    await load.stop();
    writeFileSync(path.join(OUT, `run-${run}.log`), output);
    const tests = readResults(jsonFile, options.files, output);
    const failed = tests.filter((test) => test.status === 'failed');
    const passed = tests.filter((test) => test.status === 'passed');
    const skipped = tests.filter((test) => test.status !== 'passed' && test.status !== 'failed');
    runs.push({ run, code, wallMs, loadavg, loadKind: load.kind, tests });
    console.log(`\n[soak] run ${run}/${options.runs}: ${passed.length} passed, ${failed.length} failed, ${skipped.length} skipped, wall ${seconds(wallMs)}, load average mean ${loadavg.mean.toFixed(1)} (max ${loadavg.max.toFixed(1)}), vitest exit ${code}`);
    for (const file of options.files) {
      const own = tests.filter((test) => test.file === file);
      const ownFailed = own.filter((test) => test.status === 'failed');
      const ownTime = own.reduce((sum, test) => sum + test.duration, 0);
      console.log(`  ${ownFailed.length ? 'FAIL' : 'pass'} ${file}: ${own.length - ownFailed.length}/${own.length} (tests ${seconds(ownTime)})`);
      for (const test of ownFailed) console.log(`       ✗ ${test.name}\n         ${test.message.split('\n').slice(0, 3).join('\n         ')}`);
    }
  }

  // Summary: per test, how many runs it passed; per run, the figures.
  const names = new Map();
  for (const { tests } of runs) for (const test of tests) names.set(`${test.file} › ${test.name}`, test.file);
  const lines = [];
  lines.push(`E2E soak: ${runs.length} consecutive run(s) of ${options.files.length} files on ${os.cpus().length} cores, ${runs[0].loadKind} as extra load, ${database}, --retry=0`);
  lines.push('');
  lines.push('| run | passed | failed | skipped | wall time | load average (mean / max) |');
  lines.push('|---|---|---|---|---|---|');
  for (const { run, tests, wallMs, loadavg } of runs) {
    const count = (status) => tests.filter((test) => test.status === status).length;
    lines.push(`| ${run} | ${count('passed')} | ${count('failed')} | ${tests.length - count('passed') - count('failed')} | ${seconds(wallMs)} | ${loadavg.mean.toFixed(1)} / ${loadavg.max.toFixed(1)} |`);
  }
  lines.push('');
  lines.push('| file | tests | passed in every run | failures (test × run) |');
  lines.push('|---|---|---|---|');
  for (const file of options.files) {
    const perRun = runs.map(({ tests }) => tests.filter((test) => test.file === file));
    const failures = perRun.flatMap((tests, index) => tests.filter((test) => test.status === 'failed').map((test) => `${test.name} (run ${index + 1})`));
    const clean = perRun.filter((tests) => tests.length > 0 && tests.every((test) => test.status === 'passed')).length;
    lines.push(`| ${file} | ${perRun[0].length} | ${clean}/${runs.length} | ${failures.length ? failures.join('; ') : '0'} |`);
  }
  const flaky = [...names.keys()].filter((key) => runs.some(({ tests }) => tests.some((test) => `${test.file} › ${test.name}` === key && test.status === 'failed')));
  lines.push('');
  lines.push(flaky.length ? `Tests that failed at least once:\n${flaky.map((key) => `- ${key}`).join('\n')}` : 'No test failed in any run.');
  const summary = lines.join('\n');
  writeFileSync(path.join(OUT, 'summary.md'), `${summary}\n`);
  console.log(`\n${summary}\n\n[soak] written to ${path.relative(ROOT, OUT)}/summary.md`);
  process.exitCode = flaky.length || runs.some((run) => run.code !== 0) ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
