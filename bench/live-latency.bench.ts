/**
 * Glass-to-glass-ish latency of the embedded media server: ffmpeg encodes a test pattern in real time (-re,
 * x264 zerolatency, 1 s GOP) and publishes over RTMP; a viewer already waiting on HTTP-FLV parses every video
 * tag (it asks every 20 ms until the stream is live: before that the media server answers 404). ffmpeg connects and publishes before it reads its first input frame, and -re paces reading by the wall
 * clock, so the frame with timestamp t was captured no earlier than connect + t: `arrival − connect − t` is an
 * upper bound on capture → viewer delivery (the connect moment is taken by a pass-through TCP proxy in front of
 * the RTMP port). Also reported: time from spawning the encoder to the first frame at the viewer (ffmpeg's own
 * start-up included), and how far HLS (ffmpeg, 2 s segments) trails the live edge. The
 * browser's player buffer comes on top (mpegts.js with latency chasing keeps about 0.3–1 s).
 *
 *   npx tsx bench/live-latency.bench.ts   # BENCH_SECONDS=20
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp, createContext, startLiveRuntime } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite } from '../server/src/platform/db.js';
import { pushTestPattern } from '../server/src/test/tools.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Reads FLV tags from a live HTTP-FLV response and reports each video tag's timestamp with its arrival time. */
async function watchFlv(url: string, signal: AbortSignal, onVideoTag: (timestampMs: number, arrivedAt: number) => void) {
  // A stream that is not publishing yet is answered 404 at once: ask again every 20 ms, like a waiting player.
  let response = await fetch(url, { signal });
  while (response.status === 404 && !signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    response = await fetch(url, { signal });
  }
  const reader = response.body!.getReader();
  let buffer = Buffer.alloc(0);
  let offset = 13; // FLV header (9) + first PreviousTagSize (4)
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done || !value) return;
    const arrivedAt = Date.now();
    buffer = Buffer.concat([buffer, Buffer.from(value)]);
    while (buffer.length >= offset + 11) {
      const type = buffer[offset] & 0x1f;
      const size = buffer.readUIntBE(offset + 1, 3);
      if (buffer.length < offset + 11 + size + 4) break;
      const timestamp = buffer.readUIntBE(offset + 4, 3) | (buffer[offset + 7] << 24);
      if (type === 9) onVideoTag(timestamp, arrivedAt);
      offset += 11 + size + 4;
    }
    if (offset > 1 << 20) {
      buffer = buffer.subarray(offset);
      offset = 0;
    }
  }
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-latency-'));
  const db = await openPglite(undefined);
  const context = await createContext(
    loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', RTMP_PORT: '0', MEDIA_HTTP_PORT: '0', MEDIA_BIND: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1:3999', JOBCAST_DATA_DIR: dataDir, LIVE_END_GRACE_SECONDS: '1' }),
    { db },
  );
  const app = await createApp(context);
  const runtime = await startLiveRuntime(app, context, { withMedia: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const host = await context.auth.createUser({ role: 'host', email: 'latency-host@example.test', password: 'bench-password', displayName: '主播' });
    const session = await context.live.scheduleSession(host, { title: '延迟测量', startsAt: new Date().toISOString(), jobIds: [], coverText: '' });
    const key = await context.live.getStreamKey(host, session.id);
    const flvUrl = context.mediaLinks.flvUrl(session.id)!;

    const controller = new AbortController();
    const samples: Array<{ timestamp: number; arrivedAt: number }> = [];
    const watching = watchFlv(flvUrl, controller.signal, (timestamp, arrivedAt) => samples.push({ timestamp, arrivedAt })).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));

    let connectedAt = 0;
    const proxy = net.createServer((client) => {
      if (!connectedAt) connectedAt = Date.now();
      const upstream = net.connect(runtime.media!.rtmpPort, '127.0.0.1');
      upstream.setNoDelay(true);
      client.setNoDelay(true);
      client.pipe(upstream).on('error', () => undefined);
      upstream.pipe(client).on('error', () => undefined);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    const proxyPort = (proxy.address() as net.AddressInfo).port;
    const spawnedAt = Date.now();
    const encoder = pushTestPattern(key.publishUrl.replace(`:${runtime.media!.rtmpPort}/`, `:${proxyPort}/`), SECONDS).exited;
    // HLS: when does each segment appear, relative to the encoder's clock?
    const hlsLags: number[] = [];
    const hlsUrl = context.mediaLinks.hlsUrl(session.id);
    const seenSegments = new Set<string>();
    const hlsPoller = setInterval(async () => {
      if (!hlsUrl) return;
      const response = await app.inject({ method: 'GET', url: hlsUrl }).catch(() => null);
      if (!response || response.statusCode !== 200) return;
      let mediaTime = 0;
      let duration = 0;
      for (const line of response.body.split('\n')) {
        if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) mediaTime = Number(line.split(':')[1]) * 2;
        if (line.startsWith('#EXTINF:')) duration = Number(line.slice(8).split(',')[0]);
        if (line.endsWith('.ts')) {
          mediaTime += duration;
          if (!seenSegments.has(line)) {
            seenSegments.add(line);
            // The segment's last frame was captured at spawn + mediaTime (at the latest); it is playable now.
            if (seenSegments.size > 1 && connectedAt) hlsLags.push(Date.now() - connectedAt - mediaTime * 1000);
          }
        }
      }
    }, 100);
    const { code } = await encoder;
    clearInterval(hlsPoller);
    proxy.close();
    controller.abort();
    await watching;

    const first = samples[0];
    const steady = samples.filter((sample) => sample.timestamp > 2000).map((sample) => sample.arrivedAt - connectedAt - sample.timestamp).sort((a, b) => a - b);
    const hlsSorted = [...hlsLags].sort((a, b) => a - b);
    const result = {
      encoderExit: code,
      videoTagsReceived: samples.length,
      encoderStartUpMs: connectedAt - spawnedAt,
      firstFrameAfterSpawnMs: first ? first.arrivedAt - spawnedAt : null,
      flvDeliveryUpperBoundP50Ms: percentile(steady, 50),
      flvDeliveryUpperBoundP95Ms: percentile(steady, 95),
      flvDeliveryUpperBoundMaxMs: steady.at(-1),
      hlsSegmentsSeen: seenSegments.size,
      hlsLiveEdgeLagP50Ms: hlsSorted.length ? percentile(hlsSorted, 50) : null,
      loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
    };
    console.log(`live-latency: ffmpeg testsrc 640x360@25, x264 zerolatency, GOP 2 s, ${SECONDS} s, embedded node-media-server, loopback`);
    console.table([result]);
    console.log(JSON.stringify({ bench: 'live-latency', result }));
  } finally {
    await runtime.stop();
    await app.close();
    context.live.stopTimers();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
