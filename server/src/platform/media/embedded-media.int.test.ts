import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { buildLiveSession, buildSeeker, nextEvent, startLiveTestServer } from '../../test/live-helpers.js';
import { pushTestPattern, readBytes, requireTool, waitFor } from '../../test/tools.js';

const hasFfmpeg = requireTool('ffmpeg');

describe.skipIf(!hasFfmpeg)('embedded media server (node-media-server child process) with a real ffmpeg encoder', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-media-'));
    server = await startLiveTestServer({ withMedia: true, env: { JOBCAST_DATA_DIR: dataDir, LIVE_END_GRACE_SECONDS: '1' } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const statusOf = async (sessionId: string) => (await server.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();

  it('refuses a publish with a wrong key or to an unknown session (ffmpeg exits non-zero)', async () => {
    const { session } = await buildLiveSession(server.context);
    const rtmpPort = server.runtime.media!.rtmpPort;
    const wrongKey = pushTestPattern(`rtmp://127.0.0.1:${rtmpPort}/live/${session.id}?key=not-the-key-at-all-000000`, 3);
    expect((await wrongKey.exited).code).not.toBe(0);
    const noKey = pushTestPattern(`rtmp://127.0.0.1:${rtmpPort}/live/${session.id}`, 3);
    expect((await noKey.exited).code).not.toBe(0);
    const unknown = pushTestPattern(`rtmp://127.0.0.1:${rtmpPort}/live/00000000-0000-4000-8000-000000000000?key=whatever-whatever-whatever`, 3);
    expect((await unknown.exited).code).not.toBe(0);
    expect((await statusOf(session.id)).status).toBe('scheduled');
  });

  it('goes live on publish, serves HTTP-FLV (and HLS), ends after the encoder stops, then plays the replay', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const hostCookie = await server.signInCookie(host.email!);
    const { rtmpUrl, streamKey } = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: hostCookie } })).json();
    const viewer = await buildSeeker(server.context);
    const viewerSocket = await server.connect(await server.signInCookie(viewer.email!));
    await viewerSocket.emitWithAck('session:join', { sessionId: session.id });
    const wentLive = nextEvent(viewerSocket, 'session:status', (payload) => payload.status === 'live', 20_000);

    // OBS's two fields joined by "/" are the publish address.
    const encoder = pushTestPattern(`${rtmpUrl}/${streamKey}`, 8);
    await wentLive;
    const live = await statusOf(session.id);
    expect(live.status).toBe('live');
    expect(live.playback.flvUrl).toMatch(new RegExp(`^http://127.0.0.1:${server.runtime.media!.httpPort}/live/${session.id}\\.flv\\?token=guest\\.`));

    const flv = await readBytes(live.playback.flvUrl, 64 * 1024);
    expect(flv.subarray(0, 3).toString('latin1')).toBe('FLV');
    expect(flv.length).toBeGreaterThanOrEqual(64 * 1024);
    // The first tag after the 9-byte header and 4-byte size is a script, audio or video tag.
    expect([8, 9, 18]).toContain(flv[13]);

    if (server.runtime.media!.isHlsEnabled) {
      expect(live.playback.hlsUrl).toBe(`/media/hls/${session.id}/index.m3u8`);
      const playlist = await waitFor(async () => {
        const response = await server.app.inject({ method: 'GET', url: live.playback.hlsUrl });
        return response.statusCode === 200 && response.body.includes('.ts') ? response.body : null;
      }, 'the HLS playlist', 15_000, 250);
      expect(playlist).toContain('#EXTM3U');
    }

    const ended = nextEvent(viewerSocket, 'session:status', (payload) => payload.status === 'ended', 30_000);
    expect((await encoder.exited).code).toBe(0);
    await ended;
    const after = await statusOf(session.id);
    expect(after.status).toBe('ended');
    expect(after.playback.flvUrl).toBeNull();

    // A publish after the end is refused: the key no longer works.
    const late = pushTestPattern(`${rtmpUrl}/${streamKey}`, 2);
    expect((await late.exited).code).not.toBe(0);

    const replay = await waitFor(async () => {
      const detail = await statusOf(session.id);
      return detail.playback.replay.length > 0 && detail.playback.replay[0].bytes > 0 ? detail.playback.replay : null;
    }, 'the replay', 20_000, 250);
    const file = await server.app.inject({ method: 'GET', url: replay[0].url });
    expect(file.statusCode).toBe(200);
    const bytes = file.rawPayload;
    if (replay[0].format === 'mp4') expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    else expect(bytes.subarray(0, 3).toString('latin1')).toBe('FLV');
    expect(bytes.length).toBeGreaterThan(50_000);
  });

  it('keeps a session live across an encoder reconnect within the grace period', { timeout: 120_000 }, async () => {
    const { host, session } = await buildLiveSession(server.context);
    // Long enough for a second ffmpeg to start on a busy machine.
    server.context.config.media.endGraceMs = 15_000;
    try {
      const { publishUrl } = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: await server.signInCookie(host.email!) } })).json();
      const first = pushTestPattern(publishUrl, 2);
      await first.exited;
      await waitFor(async () => (await statusOf(session.id)).status === 'live', 'live');
      const second = pushTestPattern(publishUrl, 2);
      expect((await second.exited).code).toBe(0);
      expect((await statusOf(session.id)).status).toBe('live');
      await waitFor(async () => (await statusOf(session.id)).status === 'ended', 'ended after the grace period', 40_000, 250);
    } finally {
      server.context.config.media.endGraceMs = 1000;
    }
  });
  it('a banned host’s publisher is dropped and its key refused; the session ends', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { rtmpUrl, streamKey } = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: await server.signInCookie(host.email!) } })).json();
    const encoder = pushTestPattern(`${rtmpUrl}/${streamKey}`, 60);
    await waitFor(async () => (await statusOf(session.id)).status === 'live', 'live', 20_000, 200);
    const admin = await buildUser(server.context, { role: 'admin' });
    await server.context.reports.banUser(admin, host.id, '违规直播（测试）');
    const banned = Date.now();
    await encoder.exited;
    expect(Date.now() - banned).toBeLessThan(15_000);
    expect((await pushTestPattern(`${rtmpUrl}/${streamKey}`, 3).exited).code).not.toBe(0);
    await waitFor(async () => (await statusOf(session.id)).status === 'ended', 'ended', 15_000, 200);
  });
});
