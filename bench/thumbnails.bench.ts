/**
 * Thumbnails of many simultaneous live rooms: BENCH_ROOMS (50) ffmpeg encoders push small test patterns
 * (180×320, 15 fps, ~150 kbit/s, no audio) to the embedded media server on loopback, and the thumbnail worker
 * (the production one, with its production settings: a frame every 5 s per room, at most 2 ffmpeg at once,
 * niceness 10, 360 px wide) takes frames from their HTTP-FLV for BENCH_SECONDS (60).
 *
 * CPU of the captures only: the worker's ffmpeg processes are this process's children, reaped when they exit,
 * so their user+system time is the growth of this process's cutime+cstime over the window (the encoders and the
 * media server are children too, but they are reaped only after the window). Printed: CPU per room (% of one
 * core), captures per room per minute, the capture's wall time, and the load average (the machine is shared).
 *
 *   npm run bench -- thumbnails   # BENCH_ROOMS=50 BENCH_SECONDS=60
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, createContext, startLiveRuntime } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite } from '../server/src/platform/db.js';
import { findFfmpeg } from '../server/src/platform/media/embedded-media-server.js';
import { startThumbnailWorker } from '../server/src/platform/media/thumbnails.js';
import { waitFor } from '../server/src/test/tools.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const TICKS_PER_SECOND = 100;

/** This process's own and its reaped children's CPU seconds (Linux /proc). */
function cpuSeconds() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14.
  const value = (index: number) => Number(fields[index]) / TICKS_PER_SECOND;
  return { self: value(11) + value(12), children: value(13) + value(14) };
}

function pushSmallPattern(publishUrl: string): ChildProcess {
  return spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=180x320:rate=15',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '30', '-b:v', '150k', '-an',
    '-f', 'flv', publishUrl,
  ], { stdio: 'ignore' });
}

async function main() {
  const ffmpegPath = findFfmpeg('ffmpeg');
  if (!ffmpegPath) throw new Error('ffmpeg is required (apt-get install -y ffmpeg)');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-thumbs-bench-'));
  const db = await openPglite(undefined);
  // The runtime's own worker is off: the benchmark runs the same worker itself, to count its CPU.
  const config = loadConfig({
    LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', RTMP_PORT: '0', MEDIA_HTTP_PORT: '0', MEDIA_BIND: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1:3999', JOBCAST_DATA_DIR: dataDir, MEDIA_HLS: 'off', THUMBNAILS: 'off',
  });
  const context = await createContext(config, { db });
  const app = await createApp(context);
  const runtime = await startLiveRuntime(app, context, { withMedia: true });
  const encoders: ChildProcess[] = [];
  try {
    const host = await context.auth.createUser({ role: 'host', email: 'bench-host@example.cn', password: 'bench-password-1', displayName: '压测主播' });
    const sessionIds: string[] = [];
    for (let index = 0; index < ROOMS; index += 1) {
      const session = await context.live.scheduleSession(host, { title: `压测直播 ${index + 1}`, startsAt: new Date(Date.now() + 60_000).toISOString(), jobIds: [], coverText: '' });
      const { publishUrl } = await context.live.getStreamKey(host, session.id);
      encoders.push(pushSmallPattern(publishUrl));
      sessionIds.push(session.id);
    }
    const startedPushing = Date.now();
    await waitFor(async () => (await context.live.listLiveSessionIds()).length === ROOMS, `${ROOMS} rooms live`, 120_000, 500);
    console.log(`${ROOMS} rooms live after ${((Date.now() - startedPushing) / 1000).toFixed(1)} s; load average ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`);

    const settings = config.media.thumbnails;
    const httpPort = runtime.media!.httpPort;
    const captureTimes: number[] = [];
    const worker = startThumbnailWorker({
      ffmpegPath,
      store: context.thumbnails,
      intervalMs: settings.intervalMs,
      concurrency: settings.concurrency,
      width: settings.width,
      nice: settings.nice,
      listLiveSources: async () => (await context.live.listLiveSessionIds()).map((sessionId) => ({ sessionId, input: `http://127.0.0.1:${httpPort}/live/${sessionId}.flv?token=${context.mediaLinks.playTokens.issue(sessionId, 'internal')}`, isLive: true })),
    });
    const before = cpuSeconds();
    const loadBefore = os.loadavg()[0]!;
    const windowStarted = Date.now();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const after = cpuSeconds();
    const elapsed = (Date.now() - windowStarted) / 1000;
    const stats = worker.stats();
    await worker.stop();
    const withFrame = sessionIds.filter((sessionId) => context.thumbnails.urlFor(sessionId)).length;
    captureTimes.push(stats.busyMs / Math.max(1, stats.captures + stats.failures));

    const captureCpu = after.children - before.children;
    const perRoomPercent = (captureCpu / elapsed / ROOMS) * 100;
    console.log(`window ${elapsed.toFixed(0)} s, worker: interval ${settings.intervalMs / 1000} s, concurrency ${settings.concurrency}, nice ${settings.nice}, width ${settings.width}`);
    console.log(`captures ${stats.captures} (failed ${stats.failures}); rooms with a frame ${withFrame}/${ROOMS}; ${(stats.captures / ROOMS / (elapsed / 60)).toFixed(1)} frames per room per minute (newest frame every ~${(elapsed / Math.max(1, stats.captures / ROOMS)).toFixed(0)} s)`);
    console.log(`capture wall time ${captureTimes[0]!.toFixed(0)} ms on average (ffmpeg start, HTTP-FLV connect, first keyframe decode, JPEG)`);
    console.log(`ffmpeg CPU for thumbnails: ${captureCpu.toFixed(1)} s in ${elapsed.toFixed(0)} s = ${(captureCpu / elapsed * 100).toFixed(1)} % of one core in all, ${perRoomPercent.toFixed(2)} % of one core per room, ${(captureCpu / Math.max(1, stats.captures) * 1000).toFixed(0)} ms CPU per frame`);
    console.log(`app process (event loop, IPC, queries) ${(after.self - before.self).toFixed(1)} s CPU; load average (1 min) ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  } finally {
    for (const encoder of encoders) encoder.kill('SIGKILL');
    await runtime.stop();
    await app.close();
    await context.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
