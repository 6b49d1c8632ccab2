import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildUser } from '../../test/factories.js';
import { buildLiveSession, startLiveTestServer } from '../../test/live-helpers.js';
import { readBytes, requireTool, waitFor } from '../../test/tools.js';
import { studioFfmpegArgs } from './studio-ingest.js';

const hasFfmpeg = requireTool('ffmpeg');

/**
 * What a browser's MediaRecorder sends, made by ffmpeg in real time: WebM/Matroska with H.264 (Chromium's
 * `video/webm;codecs=h264,opus`) or VP8 (browsers without H.264 recording), cut into chunks as they come.
 */
function fakeRecorder(codec: 'h264' | 'vp8', seconds: number) {
  const video = codec === 'h264'
    ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '25', '-f', 'matroska']
    : ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '500k', '-g', '25', '-f', 'webm'];
  const child = spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', 'testsrc=size=360x640:rate=25', '-f', 'lavfi', '-i', 'sine',
    '-t', String(seconds), ...video.slice(0, -2), '-c:a', 'libopus', '-b:a', '48k', video.at(-2)!, video.at(-1)!, 'pipe:1',
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  return child;
}

function openStudio(url: string, ingestPath: string, headers: Record<string, string> = {}) {
  return new WebSocket(`${url.replace('http', 'ws')}${ingestPath}`, { headers });
}

/** The HTTP status the server answered an upgrade with (a refused WebSocket). */
function refusedStatus(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('error', () => undefined);
  });
}

function nextMessage(socket: WebSocket, type: string, timeoutMs = 15_000): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) return;
      const message = JSON.parse(String(data)) as Record<string, string>;
      if (message.type !== type) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

/** Connects a studio, starts it with the recorder's MIME type and streams the recorder's output into it. */
async function goLive(url: string, ingestPath: string, codec: 'h264' | 'vp8', seconds: number) {
  const socket = openStudio(url, ingestPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const ready = nextMessage(socket, 'ready');
  socket.send(JSON.stringify({ type: 'start', mimeType: codec === 'h264' ? 'video/webm;codecs=h264,opus' : 'video/webm;codecs=vp8,opus' }));
  await ready;
  const recorder = fakeRecorder(codec, seconds);
  recorder.stdout.on('data', (chunk: Buffer) => {
    if (socket.readyState === socket.OPEN) socket.send(chunk);
  });
  const finished = new Promise<void>((resolve) => recorder.once('exit', () => resolve()));
  return { socket, recorder, finished };
}

describe('studioFfmpegArgs', () => {
  it('passes H.264 through and transcodes anything else; audio always becomes AAC', () => {
    const h264 = studioFfmpegArgs('video/webm;codecs=h264,opus', 'rtmp://127.0.0.1/live/x?key=k');
    expect(h264.join(' ')).toContain('-c:v copy');
    expect(h264.join(' ')).toContain('-c:a aac');
    expect(h264.at(-1)).toBe('rtmp://127.0.0.1/live/x?key=k');
    const vp8 = studioFfmpegArgs('video/webm;codecs=vp8,opus', 'rtmp://127.0.0.1/live/x?key=k');
    expect(vp8.join(' ')).toContain('-c:v libx264');
    expect(studioFfmpegArgs('video/mp4', 'rtmp://h/live/x').join(' ')).toContain('-f mp4 -i pipe:0');
  });
});

describe.skipIf(!hasFfmpeg)('网页开播: the browser studio publishes through ffmpeg to the embedded RTMP ingest', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-studio-'));
    server = await startLiveTestServer({ withMedia: true, env: { JOBCAST_DATA_DIR: dataDir, LIVE_END_GRACE_SECONDS: '4', THUMBNAILS: 'off' } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const detailOf = async (sessionId: string) => (await server.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();
  const studioFor = async (sessionId: string, cookie: string) =>
    server.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/studio`, headers: { cookie } });

  it('only the session\'s host gets a studio address; a bad token, another session\'s token and a foreign page are refused', async () => {
    const { host, employer, session } = await buildLiveSession(server.context);
    const other = await buildLiveSession(server.context);
    const admin = await buildUser(server.context, { role: 'admin' });
    const seeker = await buildUser(server.context, { role: 'seeker' });
    for (const user of [employer, admin, seeker]) {
      const response = await studioFor(session.id, await server.signInCookie(user.email!));
      expect(response.statusCode, `${user.role} opening the studio`).toBe(403);
    }
    expect((await server.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/studio` })).statusCode).toBe(401);

    const opened = await studioFor(session.id, await server.signInCookie(host.email!));
    expect(opened.statusCode).toBe(200);
    const { ingestPath, mediaMode } = opened.json();
    expect(mediaMode).toBe('embedded');
    expect(ingestPath).toMatch(new RegExp(`^/api/studio/ingest\\?sessionId=${session.id}&token=`));

    const token = new URL(ingestPath, server.url).searchParams.get('token')!;
    expect(await refusedStatus(openStudio(server.url, `/api/studio/ingest?sessionId=${session.id}&token=${token.slice(0, -2)}xx`))).toBe(403);
    expect(await refusedStatus(openStudio(server.url, `/api/studio/ingest?sessionId=${other.session.id}&token=${token}`))).toBe(403);
    expect(await refusedStatus(openStudio(server.url, `/api/studio/ingest?sessionId=nope&token=${token}`))).toBe(400);
    expect(await refusedStatus(openStudio(server.url, ingestPath, { origin: 'http://evil.example' }))).toBe(403);
    expect(await refusedStatus(openStudio(server.url, '/api/somewhere-else'))).toBe(404);

    // A start message that is not one is answered with an error and the socket closes; nothing went live.
    const socket = openStudio(server.url, ingestPath);
    await new Promise((resolve) => socket.once('open', resolve));
    const error = nextMessage(socket, 'error');
    socket.send('{"type":"start","mimeType":"text/html"}');
    expect((await error).code).toBe('bad_start');
    await new Promise((resolve) => socket.once('close', resolve));
    expect((await detailOf(session.id)).status).toBe('scheduled');
  });

  it('goes live from the studio (H.264 passed through), survives a dropped connection within the grace period, ends with 结束直播 and leaves a replay', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const cookie = await server.signInCookie(host.email!);
    const { ingestPath } = (await studioFor(session.id, cookie)).json();

    const first = await goLive(server.url, ingestPath, 'h264', 30);
    const live = await waitFor(async () => {
      const detail = await detailOf(session.id);
      return detail.status === 'live' ? detail : null;
    }, 'the session to go live from the studio', 20_000, 200);
    const flv = await readBytes(live.playback.flvUrl, 32 * 1024);
    expect(flv.subarray(0, 3).toString('latin1')).toBe('FLV');

    // The network drops: the studio reconnects with a new address and a new recording; the session stays live.
    first.recorder.kill('SIGKILL');
    first.socket.terminate();
    const reopened = (await studioFor(session.id, cookie)).json();
    const second = await goLive(server.url, reopened.ingestPath, 'h264', 30);
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // longer than the 4 s end grace: the session must survive it
    expect((await detailOf(session.id)).status).toBe('live');
    const again = await readBytes((await detailOf(session.id)).playback.flvUrl, 32 * 1024);
    expect(again.subarray(0, 3).toString('latin1')).toBe('FLV');

    // 结束直播 in the console: the studio is told and disconnected, the session ends, a replay is stored.
    const closed = new Promise<number>((resolve) => second.socket.once('close', (code) => resolve(code)));
    const ended = nextMessage(second.socket, 'error');
    expect((await server.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/end`, headers: { cookie } })).statusCode).toBe(200);
    expect((await ended).code).toBe('ended');
    expect(await closed).toBe(1000);
    second.recorder.kill('SIGKILL');
    const replay = await waitFor(async () => {
      const detail = await detailOf(session.id);
      return detail.playback.replay.length > 0 && detail.playback.replay[0].bytes > 0 ? detail.playback.replay : null;
    }, 'the replay of the studio session', 30_000, 250);
    expect(replay[0].bytes).toBeGreaterThan(20_000);
    // An ended session has no studio any more.
    expect((await studioFor(session.id, cookie)).statusCode).toBe(409);
  }, 90_000);

  it('transcodes a VP8 recording (browsers that cannot record H.264) and the stream plays as FLV', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { ingestPath } = (await studioFor(session.id, await server.signInCookie(host.email!))).json();
    const studio = await goLive(server.url, ingestPath, 'vp8', 20);
    const live = await waitFor(async () => {
      const detail = await detailOf(session.id);
      return detail.status === 'live' ? detail : null;
    }, 'the VP8 studio session to go live', 25_000, 200);
    const flv = await readBytes(live.playback.flvUrl, 16 * 1024);
    expect(flv.subarray(0, 3).toString('latin1')).toBe('FLV');
    studio.recorder.kill('SIGKILL');
    studio.socket.close();
  }, 60_000);
});
