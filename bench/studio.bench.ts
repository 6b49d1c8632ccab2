/**
 * 网页开播 at scale (issue 11): how many browser studios one server carries, what each costs, and how far a viewer
 * trails the studio. Each studio is what Chromium's MediaRecorder sends — WebM/Matroska with H.264 720×1280 at
 * ~2.5 Mbit/s and Opus — replayed in real time by `ffmpeg -re … -c copy` (no encoding on the client side, so the
 * figures are the server's), over the real ingest WebSocket (POST /api/sessions/:id/studio, then
 * /api/studio/ingest), into the server's ffmpeg (H.264 copied, audio to AAC) and the embedded RTMP server. One
 * HTTP-FLV viewer per studio reads the stream and timestamps its video tags.
 *
 * Printed per step (BENCH_STUDIOS, default 1,5,10,15 at once, BENCH_SECONDS of steady state each, default 20):
 * the server side's CPU (% of one core) — the Node process (WebSockets, pipes), the studios' ffmpeg processes
 * and the media server's process — per studio and in all; the ingest-to-viewer latency (a video tag's arrival
 * minus the moment the studio sent that media time; p50 / p95 / max over the steady state; the browser's own
 * 250 ms recording slice and the player's buffer come on top); bytes received per viewer; errors.
 *
 *   npm run bench -- studio                  # BENCH_STUDIOS=1,5,10,15 BENCH_SECONDS=20
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createApp, createContext, startLiveRuntime } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite } from '../server/src/platform/db.js';
import { waitFor } from '../server/src/test/tools.js';

const STEPS = (process.env.BENCH_STUDIOS ?? '1,5,10,15').split(',').map(Number).filter((value) => value > 0);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TICKS_PER_SECOND = 100;

/** user+system CPU seconds of a process (Linux /proc), or 0 once it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** This process's children by command name (the studios' ffmpeg, the media server's node). */
function childPids(): Array<{ pid: number; command: string; args: string }> {
  const output = spawnSync('ps', ['-o', 'pid=,comm=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
  return output.trim().split('\n').filter(Boolean).map((line) => {
    const [pid, command, ...rest] = line.trim().split(/\s+/);
    return { pid: Number(pid), command: command!, args: rest.join(' ') };
  });
}

/** The recording a phone's browser would make: 30 s of 720×1280 H.264 + Opus in Matroska, made once. */
function makeRecording(dir: string): string {
  const file = path.join(dir, 'studio-720x1280.mkv');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=720x1280:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-t', '30', '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
    '-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '2500k', '-g', '50', '-c:a', 'libopus', '-b:a', '64k', file,
  ]);
  return file;
}

type Studio = { sessionId: string; socket: WebSocket; source: ChildProcess | null; sentStartAt: number | null; errors: string[] };
type Viewer = { request: http.ClientRequest; bytes: number; latencies: number[]; firstTagAt: number | null };

/** Reads an HTTP-FLV stream and records, for each video tag, arrival − (studio start + tag timestamp). */
function watch(url: string, studio: Studio, steadyFrom: () => number): Viewer {
  const viewer: Viewer = { request: null as never, bytes: 0, latencies: [], firstTagAt: null };
  let buffer = Buffer.alloc(0);
  let offset = 13; // FLV header (9) + first PreviousTagSize (4)
  viewer.request = http.get(url, (response) => {
    response.on('data', (chunk: Buffer) => {
      viewer.bytes += chunk.length;
      buffer = Buffer.concat([buffer, chunk]);
      const now = Date.now();
      while (buffer.length >= offset + 11) {
        const type = buffer[offset]!;
        const size = buffer.readUIntBE(offset + 1, 3);
        const timestamp = buffer.readUIntBE(offset + 4, 3) | (buffer[offset + 7]! << 24);
        if (buffer.length < offset + 11 + size + 4) break;
        if (type === 9 && studio.sentStartAt !== null && now >= steadyFrom()) viewer.latencies.push(now - studio.sentStartAt - timestamp);
        if (type === 9) viewer.firstTagAt ??= now;
        offset += 11 + size + 4;
      }
      // Keep only the partial tag: the next chunk is appended to a few KB, not to everything read so far.
      const consumed = Math.min(offset, buffer.length);
      buffer = buffer.subarray(consumed);
      offset -= consumed;
    });
  });
  viewer.request.on('error', () => undefined);
  return viewer;
}

const percentile = (values: number[], share: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
};

async function main() {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status !== 0) throw new Error('ffmpeg is required (apt-get install -y ffmpeg)');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-studio-bench-'));
  const recording = makeRecording(dataDir);
  const db = await openPglite(undefined);
  const config = loadConfig({
    LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', RTMP_PORT: '0', MEDIA_HTTP_PORT: '0', MEDIA_BIND: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1:3999', JOBCAST_DATA_DIR: dataDir, MEDIA_HLS: 'off', THUMBNAILS: 'off',
  });
  const context = await createContext(config, { db });
  const app = await createApp(context);
  const runtime = await startLiveRuntime(app, context, { withMedia: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const rows: Array<Record<string, string | number>> = [];
  console.log(`studio bench: ${STEPS.join(', ')} studios at once, ${SECONDS} s steady state each; 720×1280 H.264 2.5 Mbit/s + Opus; ${os.cpus().length} cores; load average ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`);
  try {
    const host = await context.auth.createUser({ role: 'host', email: 'studio-bench@example.cn', password: 'bench-password-1', displayName: '压测主播' });
    for (const count of STEPS) {
      const studios: Studio[] = [];
      const viewers: Viewer[] = [];
      for (let index = 0; index < count; index += 1) {
        const session = await context.live.scheduleSession(host, { title: `网页开播压测 ${count}-${index + 1}`, startsAt: new Date(Date.now() + 60_000).toISOString(), jobIds: [], coverText: '' });
        const { ingestPath } = await context.live.openStudio(host, session.id);
        const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}${ingestPath}`);
        const studio: Studio = { sessionId: session.id, socket, source: null, sentStartAt: null, errors: [] };
        studios.push(studio);
        await new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        });
        socket.on('message', (data, isBinary) => {
          if (isBinary) return;
          const message = JSON.parse(String(data)) as { type: string; code?: string };
          if (message.type === 'error') studio.errors.push(message.code ?? 'error');
          if (message.type !== 'ready') return;
          const source = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', recording, '-c', 'copy', '-f', 'matroska', 'pipe:1'], { stdio: ['ignore', 'pipe', 'ignore'] });
          studio.source = source;
          source.stdout!.on('data', (chunk: Buffer) => {
            studio.sentStartAt ??= Date.now();
            if (socket.readyState === socket.OPEN) socket.send(chunk);
          });
        });
        socket.send(JSON.stringify({ type: 'start', mimeType: 'video/webm;codecs=h264,opus' }));
      }
      await waitFor(async () => (await context.live.listLiveSessionIds()).length >= count, `${count} studios live`, 60_000, 250);
      const steadyAt = Date.now() + 5_000; // the GOP cache burst and the players' start are left out
      for (const studio of studios) viewers.push(watch(context.mediaLinks.flvUrl(studio.sessionId, 'internal')!, studio, () => steadyAt));
      await new Promise((resolve) => setTimeout(resolve, steadyAt - Date.now()));

      const serverFfmpeg = () => childPids().filter((child) => child.command === 'ffmpeg' && child.args.includes('pipe:0'));
      const mediaWorker = () => childPids().filter((child) => child.command === 'node' || child.args.includes('media-worker'));
      const before = {
        node: process.cpuUsage(),
        ffmpeg: serverFfmpeg().map((child) => ({ pid: child.pid, cpu: processCpuSeconds(child.pid) })),
        media: mediaWorker().map((child) => ({ pid: child.pid, cpu: processCpuSeconds(child.pid) })),
        at: performance.now(),
      };
      await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
      const wallSeconds = (performance.now() - before.at) / 1000;
      // The bench's own client work (the -re sources are other processes; the viewers' parsing and the WebSocket
      // sends are in this process) is counted with the Node process: an upper bound for the server's part.
      const nodeUsage = process.cpuUsage(before.node);
      const nodeCpu = (nodeUsage.user + nodeUsage.system) / 1e6;
      const ffmpegCpu = before.ffmpeg.reduce((sum, item) => sum + processCpuSeconds(item.pid) - item.cpu, 0);
      const mediaCpu = before.media.reduce((sum, item) => sum + processCpuSeconds(item.pid) - item.cpu, 0);
      const latencies = viewers.flatMap((viewer) => viewer.latencies);
      const percent = (seconds: number) => Math.round((seconds / wallSeconds) * 100);
      rows.push({
        studios: count,
        liveAtEnd: (await context.live.listLiveSessionIds()).length,
        serverFfmpegProcesses: before.ffmpeg.length,
        'ffmpeg % of a core (all)': percent(ffmpegCpu),
        'ffmpeg % per studio': Math.round(percent(ffmpegCpu) / count * 10) / 10,
        'media server %': percent(mediaCpu),
        'node % (server + bench client)': percent(nodeCpu),
        'latency p50 ms': Math.round(percentile(latencies, 0.5)),
        'latency p95 ms': Math.round(percentile(latencies, 0.95)),
        'latency max ms': Math.round(Math.max(...latencies)),
        'kbit/s per viewer': Math.round(viewers.reduce((sum, viewer) => sum + viewer.bytes, 0) * 8 / 1000 / count / (wallSeconds + 5)),
        errors: studios.flatMap((studio) => studio.errors).join(',') || 0,
        loadAverage: os.loadavg()[0]!.toFixed(1),
      });
      console.log(JSON.stringify(rows.at(-1)));
      for (const viewer of viewers) viewer.request.destroy();
      for (const studio of studios) {
        studio.source?.kill('SIGKILL');
        studio.socket.close();
        await context.live.endSession(host, studio.sessionId).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    console.table(rows);
    console.log(JSON.stringify({ bench: 'studio', date: new Date().toISOString(), cores: os.cpus().length, rows }));
  } finally {
    await runtime.stop();
    await app.close();
    await context.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
