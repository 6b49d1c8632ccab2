/**
 * The seeker's pages as a cheap phone on mobile data sees them: Lighthouse 12.2.3's mobile profile (simulated
 * slow 4G, 4× CPU slowdown) with Debian's Chromium, on the job list, a job page, the live list and a live room
 * (made live by pushing an ffmpeg test pattern when ffmpeg is installed).
 *
 *   npm run bench -- web                       # starts `npm start` with demo data in $TMPDIR/jobcast-bench-web
 *   npm run bench -- web --url http://127.0.0.1:3180 --runs 3
 *
 * Lighthouse 13 needs Node 22, so 12.2.3 is installed on first use in .bench-tools/ (ignored by git), not as a
 * project dependency. CHROME_PATH defaults to /usr/bin/chromium. Prints the median of the runs per page and the
 * load average: the figures depend on how busy the machine is (Lighthouse multiplies observed CPU time).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt } from '../e2e/support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(ROOT, '.bench-tools');
const LIGHTHOUSE_VERSION = '12.2.3';
const LIGHTHOUSE_BIN = path.join(TOOLS_DIR, 'node_modules', '.bin', 'lighthouse');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function ensureLighthouse() {
  if (existsSync(LIGHTHOUSE_BIN)) return;
  mkdirSync(TOOLS_DIR, { recursive: true });
  if (!existsSync(path.join(TOOLS_DIR, 'package.json'))) writeFileSync(path.join(TOOLS_DIR, 'package.json'), '{ "private": true }\n');
  process.stdout.write(`Installing lighthouse@${LIGHTHOUSE_VERSION} in ${TOOLS_DIR} …\n`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '-E', `lighthouse@${LIGHTHOUSE_VERSION}`], { cwd: TOOLS_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Could not install Lighthouse');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(probe: () => Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** `npm start` on free ports with its demo data kept between runs (seeding takes a while). */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const [port, rtmpPort, mediaPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = process.env.JOBCAST_DATA_DIR ?? path.join(os.tmpdir(), 'jobcast-bench-web');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), RTMP_PORT: String(rtmpPort), MEDIA_HTTP_PORT: String(mediaPort), HOST: '127.0.0.1', MEDIA_BIND: '127.0.0.1', JOBCAST_DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/api/jobs?pageSize=1`)).ok, 'the server', 180_000);
  return { url, child };
}

type Json = Record<string, unknown>;
async function getJson<T = Json>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A session made live by pushing a test pattern with the admin's view of its stream key (null without ffmpeg). */
async function startLiveRoom(url: string): Promise<{ path: string; stop: () => void; isLive: boolean }> {
  const { sessions } = await getJson<{ sessions: Array<{ id: string; status: string }> }>(`${url}/api/sessions`);
  const session = sessions.find((item) => item.status === 'live') ?? sessions.find((item) => item.status === 'scheduled');
  if (!session) throw new Error('No live or scheduled session in the demo data');
  const roomPath = `/live/${session.id}`;
  if (session.status === 'live') return { path: roomPath, stop: () => undefined, isLive: true };
  if (spawnSync('ffmpeg', ['-version']).status !== 0) return { path: roomPath, stop: () => undefined, isLive: false };
  const signIn = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin@jobcast.demo', password: 'jobcast-demo' }) });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const { publishUrl } = await getJson<{ publishUrl: string }>(`${url}/api/sessions/${session.id}/stream-key`, { headers: { cookie } });
  const encoder = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'veryfast', '-tune', 'zerolatency', '-g', '50', '-c:a', 'aac', '-f', 'flv', publishUrl], { stdio: 'ignore' });
  await waitUntil(async () => (await getJson<{ status: string }>(`${url}/api/sessions/${session.id}`)).status === 'live', 'the session to go live', 30_000);
  return { path: roomPath, stop: () => encoder.kill('SIGINT'), isLive: true };
}

const AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'total-byte-weight', 'resource-summary'];

type Figures = { performance: number; fcp: number; lcp: number; tbt: number; transferKiB: number; scriptKiB: number };

/** One Lighthouse run (tried again once: on a busy machine Chromium's protocol sometimes times out). */
function lighthouse(url: string, attempt = 1): Figures | null {
  // Only the audits the score and this table need: on a busy machine the others (unused JavaScript, treemap…)
  // ask Chromium for every response body and time out.
  const result = spawnSync(LIGHTHOUSE_BIN, [url, '--quiet', '--only-categories=performance', `--only-audits=${AUDITS.join(',')}`, '--output=json', '--output-path=stdout',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'], { env: { ...process.env, CHROME_PATH }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`Lighthouse failed on ${url} (attempt ${attempt}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}\n`);
    return attempt < 2 ? lighthouse(url, attempt + 1) : null;
  }
  const report = JSON.parse(result.stdout) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue?: number; details?: { items?: Array<{ resourceType?: string; transferSize?: number }> } }> };
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  const summary = report.audits['resource-summary']?.details?.items ?? [];
  const scriptBytes = summary.find((item) => item.resourceType === 'script')?.transferSize ?? 0;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    fcp: audit('first-contentful-paint') / 1000,
    lcp: audit('largest-contentful-paint') / 1000,
    tbt: audit('total-blocking-time'),
    transferKiB: audit('total-byte-weight') / 1024,
    scriptKiB: scriptBytes / 1024,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  ensureLighthouse();
  const runs = Number(option('runs') ?? 1);
  const given = option('url');
  // The server serves whatever web/dist holds: build it first when the sources are newer (a stale build measures old code).
  if (!given) ensureWebBuilt();
  const server = given ? null : await startServer();
  const url = given ?? server!.url;
  const room = await startLiveRoom(url);
  try {
    const { jobs } = await getJson<{ jobs: Array<{ id: string }> }>(`${url}/api/jobs?pageSize=1`);
    const pages = [
      { name: '/ (jobs)', path: '/' },
      { name: '/jobs/:id', path: `/jobs/${jobs[0].id}` },
      { name: '/live', path: '/live' },
      { name: room.isLive ? '/live/:id (live)' : '/live/:id (scheduled)', path: room.path },
    ];
    process.stdout.write(`Lighthouse ${LIGHTHOUSE_VERSION} mobile, ${runs} run(s) per page, median; ${os.cpus().length} cores; load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')} at start\n\n`);
    process.stdout.write('| page | performance | FCP | LCP | TBT | transferred | of it JavaScript |\n|---|---:|---:|---:|---:|---:|---:|\n');
    for (const target of pages) {
      const figures = Array.from({ length: runs }, () => lighthouse(`${url}${target.path}`)).filter((item): item is Figures => item !== null);
      if (figures.length === 0) {
        process.stdout.write(`| \`${target.name}\` | failed | | | | | |\n`);
        continue;
      }
      const pick = (key: keyof Figures) => median(figures.map((item) => item[key]));
      process.stdout.write(`| \`${target.name}\` | ${pick('performance')} | ${pick('fcp').toFixed(1)} s | ${pick('lcp').toFixed(1)} s | ${Math.round(pick('tbt'))} ms | ${Math.round(pick('transferKiB'))} KiB | ${Math.round(pick('scriptKiB'))} KiB |\n`);
    }
    process.stdout.write(`\nload average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);
  } finally {
    room.stop();
    server?.child.kill('SIGTERM');
  }
}

await main();
