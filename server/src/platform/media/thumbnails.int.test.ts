import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiveSession, nextEvent, startLiveTestServer } from '../../test/live-helpers.js';
import { pushTestPattern, requireTool, waitFor } from '../../test/tools.js';

const hasFfmpeg = requireTool('ffmpeg');

/** Width and height from a baseline or progressive JPEG's start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    if (marker === 0xc0 || marker === 0xc2) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return null;
}

describe.skipIf(!hasFfmpeg)('thumbnails of live streams (real ffmpeg push, real frame capture)', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-thumbs-'));
    server = await startLiveTestServer({
      withMedia: true,
      env: { JOBCAST_DATA_DIR: dataDir, LIVE_END_GRACE_SECONDS: '1', MEDIA_HLS: 'off', THUMBNAIL_INTERVAL_SECONDS: '1', THUMBNAIL_WIDTH: '180', THUMBNAIL_NICE: '0', REALTIME_FLUSH_MS: '10000' },
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cardOf = async (sessionId: string) =>
    (await server.app.inject({ method: 'GET', url: '/api/sessions?status=live,scheduled,ended' })).json().sessions.find((item: { id: string }) => item.id === sessionId);

  it('a card of a live portrait stream gets a JPEG frame that is refreshed, with a cache-busting URL, and the viewer count', async () => {
    const { host, session } = await buildLiveSession(server.context);
    expect((await cardOf(session.id)).thumbnailUrl).toBeNull();
    const { publishUrl } = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: await server.signInCookie(host.email!) } })).json();
    const viewer = await server.connect();
    await viewer.emitWithAck('session:join', { sessionId: session.id });
    const wentLive = nextEvent(viewer, 'session:status', (payload) => payload.status === 'live', 20_000);
    // 640×360 turned a quarter: a 360×640 portrait stream, as a phone films.
    const encoder = pushTestPattern(publishUrl, 14, 'transpose=1');
    await wentLive;

    const first = await waitFor(async () => (await cardOf(session.id)).thumbnailUrl as string | null, 'a thumbnail URL', 15_000, 250);
    expect(first).toMatch(new RegExp(`^/media/thumbnails/${session.id}\\.jpg\\?v=\\d+$`));
    const image = await server.app.inject({ method: 'GET', url: first });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toContain('max-age=');
    expect(image.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(jpegSize(image.rawPayload)).toEqual({ width: 180, height: 320 });

    // A newer frame a few seconds later: a new URL (the old one stays cacheable).
    const second = await waitFor(async () => {
      const url = (await cardOf(session.id)).thumbnailUrl as string;
      return url !== first ? url : null;
    }, 'a newer thumbnail', 15_000, 250);
    expect(Number(second.split('v=')[1])).toBeGreaterThan(Number(first.split('v=')[1]));
    expect(server.runtime.thumbnailWorker!.stats().captures).toBeGreaterThanOrEqual(2);

    await server.runtime.liveRealtime.flush();
    expect((await cardOf(session.id)).viewerCount).toBe(1);

    // After the end the card keeps the last frame and counts nobody.
    const ended = nextEvent(viewer, 'session:status', (payload) => payload.status === 'ended', 30_000);
    encoder.child.kill('SIGINT');
    await encoder.exited;
    await ended;
    const after = await cardOf(session.id);
    expect(after).toMatchObject({ status: 'ended', viewerCount: 0 });
    expect(after.thumbnailUrl).toMatch(/^\/media\/thumbnails\//);
  });

  it('refuses names that are not a session thumbnail, and 404s a missing one', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/media/thumbnails/..%2Fpg.jpg' })).statusCode).toBe(400);
    expect((await server.app.inject({ method: 'GET', url: '/media/thumbnails/00000000-0000-4000-8000-000000000000.jpg' })).statusCode).toBe(404);
  });
});
