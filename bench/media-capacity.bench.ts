/**
 * Media capacity (issue 13): how many HTTP-FLV viewers of one 1.5 Mbit/s stream one embedded media process
 * (node-media-server, its own child process) serves before frames arrive late. A 720p H.264 + AAC recording at
 * ~1.5 Mbit/s is made once and published in real time (`ffmpeg -re -stream_loop -1 … -c copy`: no encoding during
 * the run) to the embedded RTMP ingest; the viewers run in two separate processes (bench/flv-viewers-clients.ts)
 * and judge each frame against their own steady state (late = more than 500 ms behind it).
 *
 * Per step (BENCH_VIEWERS, default 1,250,500,750,1000; the first is the baseline of the same run) for
 * BENCH_SECONDS (default 20) after 5 s of joining: the media process's CPU (% of one core) and memory (RSS), per
 * viewer; the viewers' failures, late frames, and the delay beyond each viewer's steady state (p50 / p99 / max).
 *
 *   npm run bench -- media-capacity
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, createContext, startLiveRuntime } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite } from '../server/src/platform/db.js';
import { waitFor } from '../server/src/test/tools.js';

const STEPS = (process.env.BENCH_VIEWERS ?? '1,250,500,750,1000').split(',').map(Number).filter((value) => value > 0);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const JOIN_SECONDS = 5;
const CLIENT_PROCESSES = 2;
const CLIENTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'flv-viewers-clients.ts');

type ClientResult = { viewers: number; failed: number; frames: number; late: number; viewersWithLateFrames: number; extraP50: number | null; extraP99: number | null; extraMax: number | null; megabitsPerViewer: number };

function processStats(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return { cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100, rssMiB: Number(rss ?? 0) / 1024 };
  } catch {
    return { cpuSeconds: 0, rssMiB: 0 };
  }
}

/** The embedded media server: this process's node child. */
function mediaServerPid(): number {
  const output = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
  const line = output.trim().split('\n').map((item) => item.trim().split(/\s+/)).find(([, command]) => command === 'node');
  if (!line) throw new Error('no media server child process');
  return Number(line[0]);
}

function runClients(url: string, count: number, seconds: number): Promise<ClientResult[]> {
  const shares = Array.from({ length: CLIENT_PROCESSES }, (_, index) => Math.floor(count / CLIENT_PROCESSES) + (index < count % CLIENT_PROCESSES ? 1 : 0)).filter((share) => share > 0);
  return Promise.all(shares.map((share) => new Promise<ClientResult>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLIENTS, url, String(share), String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!) as ClientResult) : reject(new Error(`viewers exited ${code}`))));
  })));
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-capacity-'));
const recording = path.join(dataDir, 'stream-1500k.flv');
execFileSync('ffmpeg', [
  '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440',
  '-t', '60', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-b:v', '1400k', '-maxrate', '1400k', '-bufsize', '1400k', '-g', '50',
  '-c:a', 'aac', '-b:a', '96k', recording,
]);
const db = await openPglite(undefined);
const context = await createContext(
  loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', RTMP_PORT: '0', MEDIA_HTTP_PORT: '0', MEDIA_BIND: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1:3999', JOBCAST_DATA_DIR: dataDir, THUMBNAILS: 'off' }),
  { db },
);
const app = await createApp(context);
const runtime = await startLiveRuntime(app, context, { withMedia: true });
await app.listen({ port: 0, host: '127.0.0.1' });
const publisher = { child: null as ReturnType<typeof spawn> | null };
try {
  const host = await context.auth.createUser({ role: 'host', email: 'capacity-host@example.test', password: 'bench-password', displayName: '主播' });
  const session = await context.live.scheduleSession(host, { title: '容量测量', startsAt: new Date().toISOString(), jobIds: [], coverText: '' });
  const key = await context.live.getStreamKey(host, session.id);
  publisher.child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', recording, '-c', 'copy', '-f', 'flv', key.publishUrl], { stdio: 'ignore' });
  const flvUrl = context.mediaLinks.flvUrl(session.id)!;
  await waitFor(async () => (await fetch(flvUrl).then(async (response) => {
    await response.body?.cancel();
    return response.status === 200;
  }).catch(() => false)), 'the stream to play');
  const mediaPid = mediaServerPid();
  console.log(`media-capacity: one 1280×720 H.264 ~1.4 Mbit/s + AAC 96 kbit/s stream, embedded node-media-server (pid ${mediaPid}), ${os.cpus().length} cores, ${new Date().toISOString()}, load ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
  const rows = [];
  for (const viewers of STEPS) {
    const clients = runClients(flvUrl, viewers, JOIN_SECONDS + SECONDS);
    await new Promise((resolve) => setTimeout(resolve, JOIN_SECONDS * 1000));
    const before = processStats(mediaPid);
    const startedAt = performance.now();
    const results = await clients;
    const after = processStats(mediaPid);
    const cpuPercent = ((after.cpuSeconds - before.cpuSeconds) / ((performance.now() - startedAt) / 1000)) * 100;
    const sum = (pick: (result: ClientResult) => number) => results.reduce((total, result) => total + pick(result), 0);
    const worst = (pick: (result: ClientResult) => number | null) => Math.max(...results.map((result) => pick(result) ?? 0));
    rows.push({
      viewers,
      'media CPU %': Math.round(cpuPercent),
      'CPU % per 100 viewers': viewers >= 100 ? Math.round((cpuPercent / viewers) * 100 * 10) / 10 : null,
      'media RSS MiB': Math.round(after.rssMiB),
      failed: sum((result) => result.failed),
      'late frames %': Math.round((sum((result) => result.late) / Math.max(1, sum((result) => result.frames))) * 1000) / 10,
      'viewers with late frames': sum((result) => result.viewersWithLateFrames),
      'extra delay p50 / p99 / max ms': `${worst((result) => result.extraP50)} / ${worst((result) => result.extraP99)} / ${worst((result) => result.extraMax)}`,
      'Mbit/s per viewer': Math.round((sum((result) => result.megabitsPerViewer * result.viewers) / viewers) * 100) / 100,
      load: Math.round(os.loadavg()[0] * 10) / 10,
    });
    console.table([rows.at(-1)]);
    // Let the last step's connections close before the next.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  console.table(rows);
  console.log(JSON.stringify({ bench: 'media-capacity', rows }));
} finally {
  publisher.child?.kill('SIGKILL');
  await runtime.stop();
  await app.close();
  context.live.stopTimers();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
