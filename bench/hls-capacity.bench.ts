/**
 * HLS capacity (issue 13, the other half of media-capacity.bench.ts): how many HLS viewers of one 1.5 Mbit/s
 * stream nginx-rtmp (packaging HLS) with nginx serving the segments carries before segments arrive late — the
 * production path README's production section recommends for large audiences. The same ~1.5 Mbit/s 720p recording
 * as the FLV bench is published in real time (`-c copy`) to nginx-rtmp on loopback; nginx runs one worker (as one
 * embedded media process in the FLV bench); the viewers run in two processes (bench/hls-viewers-clients.ts) and
 * play like a phone's player (late = a segment not downloaded by the time playback reaches it).
 *
 * Per step (BENCH_VIEWERS, default 1,250,500,1000,2000; the first is the baseline of the same run) for
 * BENCH_SECONDS (default 30) after joining: nginx's worker CPU (% of one core) and memory, per viewer; failures,
 * late segments, viewers who would have stalled, segment download time p50 / p99.
 *
 *   npm run bench -- hls-capacity        # needs nginx with libnginx-mod-rtmp and ffmpeg
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../server/src/test/tools.js';

const STEPS = (process.env.BENCH_VIEWERS ?? '1,250,500,1000,2000').split(',').map(Number).filter((value) => value > 0);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const JOIN_SECONDS = 8;
const CLIENT_PROCESSES = 2;
const CLIENTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hls-viewers-clients.ts');
const RTMP_MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';

type ClientResult = { viewers: number; failed: number; segments: number; late: number; viewersWithLateSegments: number; stallMsMax: number; downloadP50: number | null; downloadP99: number | null; megabitsPerViewer: number };

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

function processStats(pids: number[]) {
  let cpuSeconds = 0;
  let rssMiB = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      cpuSeconds += (Number(fields[11]) + Number(fields[12])) / 100;
      rssMiB += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      // gone
    }
  }
  return { cpuSeconds, rssMiB };
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

for (const tool of ['nginx', 'ffmpeg']) {
  if (spawnSync(tool, ['-version']).error) throw new Error(`${tool} is not installed (apt-get install nginx-light libnginx-mod-rtmp ffmpeg)`);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-hls-capacity-'));
// nginx's worker runs as an unprivileged user when started by root: it must read the segments.
execFileSync('chmod', ['755', dir]);
mkdirSync(path.join(dir, 'hls'));
mkdirSync(path.join(dir, 'logs'));
const [rtmpPort, httpPort] = [await freePort(), await freePort()];
writeFileSync(path.join(dir, 'nginx.conf'), `load_module ${RTMP_MODULE};
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 8192; }
rtmp {
  server {
    listen 127.0.0.1:${rtmpPort};
    application live {
      live on;
      hls on;
      hls_path ${dir}/hls;
      hls_fragment 2s;
      hls_playlist_length 10s;
    }
  }
}
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${httpPort};
    location /hls/ {
      alias ${dir}/hls/;
      types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
      add_header Cache-Control no-cache;
    }
  }
}
`);
const recording = path.join(dir, 'stream-1500k.flv');
execFileSync('ffmpeg', [
  '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440',
  '-t', '60', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-b:v', '1400k', '-maxrate', '1400k', '-bufsize', '1400k', '-g', '50',
  '-c:a', 'aac', '-b:a', '96k', recording,
]);
const nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
let publisher: ReturnType<typeof spawn> | null = null;
try {
  await waitFor(async () => new Promise<boolean>((resolve) => {
    const socket = net.connect(rtmpPort, '127.0.0.1', () => { socket.end(); resolve(true); });
    socket.on('error', () => resolve(false));
  }), 'nginx-rtmp to listen');
  publisher = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', recording, '-c', 'copy', '-f', 'flv', `rtmp://127.0.0.1:${rtmpPort}/live/capacity`], { stdio: 'ignore' });
  const playlistUrl = `http://127.0.0.1:${httpPort}/hls/capacity.m3u8`;
  // Enough segments in the playlist for a player to start with three.
  await waitFor(async () => ((await fetch(playlistUrl).then((response) => response.text()).catch(() => '')).match(/#EXTINF/g)?.length ?? 0) >= 4, 'the HLS playlist', 30_000);
  const workers = spawnSync('ps', ['-o', 'pid=', '--ppid', String(nginx.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').map(Number).filter(Boolean);
  console.log(`hls-capacity: one 1280×720 H.264 ~1.4 Mbit/s + AAC 96 kbit/s stream, nginx-rtmp HLS (2 s segments) served by nginx (1 worker, pid ${workers.join(',')}), ${os.cpus().length} cores, ${new Date().toISOString()}, load ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
  const rows = [];
  for (const viewers of STEPS) {
    const clients = runClients(playlistUrl, viewers, JOIN_SECONDS + SECONDS);
    await new Promise((resolve) => setTimeout(resolve, JOIN_SECONDS * 1000));
    const before = processStats(workers);
    const startedAt = performance.now();
    const results = await clients;
    const after = processStats(workers);
    const cpuPercent = ((after.cpuSeconds - before.cpuSeconds) / ((performance.now() - startedAt) / 1000)) * 100;
    const sum = (pick: (result: ClientResult) => number) => results.reduce((total, result) => total + pick(result), 0);
    const worst = (pick: (result: ClientResult) => number | null) => Math.max(...results.map((result) => pick(result) ?? 0));
    rows.push({
      viewers,
      'nginx CPU %': Math.round(cpuPercent),
      'CPU % per 100 viewers': viewers >= 100 ? Math.round((cpuPercent / viewers) * 100 * 10) / 10 : null,
      'nginx RSS MiB': Math.round(after.rssMiB),
      failed: sum((result) => result.failed),
      'late segments %': Math.round((sum((result) => result.late) / Math.max(1, sum((result) => result.segments))) * 1000) / 10,
      'viewers with a stall': sum((result) => result.viewersWithLateSegments),
      'longest stall ms': worst((result) => result.stallMsMax),
      'segment download p50 / p99 ms': `${worst((result) => result.downloadP50)} / ${worst((result) => result.downloadP99)}`,
      'Mbit/s per viewer': Math.round((sum((result) => result.megabitsPerViewer * result.viewers) / viewers) * 100) / 100,
      load: Math.round(os.loadavg()[0] * 10) / 10,
    });
    console.table([rows.at(-1)]);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  console.table(rows);
  console.log(JSON.stringify({ bench: 'hls-capacity', rows }));
} finally {
  publisher?.kill('SIGKILL');
  nginx.kill('SIGQUIT');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
