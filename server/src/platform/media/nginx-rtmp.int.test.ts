import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { buildLiveSession, buildSeeker, startLiveTestServer } from '../../test/live-helpers.js';
import { pushTestPattern, requireTool, waitFor } from '../../test/tools.js';

const MODULE_PATH = '/usr/lib/nginx/modules/ngx_rtmp_module.so';
const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/nginx-rtmp.conf.example');

function isNginxRtmpPresent() {
  const hasFfmpeg = requireTool('ffmpeg');
  const hasNginx = requireTool('nginx', ['-v']);
  if (hasNginx && !existsSync(MODULE_PATH)) {
    if (process.env.CI === 'true') throw new Error(`${MODULE_PATH} is missing in CI (apt-get install -y libnginx-mod-rtmp)`);
    console.warn('Skipping: libnginx-mod-rtmp is not installed');
    return false;
  }
  return hasFfmpeg && hasNginx;
}

/** An RTMP viewer (ffmpeg reading the stream for up to `seconds`). */
function playRtmp(url: string, seconds: number) {
  const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', url, '-t', String(seconds), '-f', 'null', '-'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});

/** The documented config, pointed at loopback ports and a temp folder, run unprivileged in the foreground. */
function writeNginxConfig(directory: string, ports: { rtmp: number; http: number; app: number }) {
  const example = readFileSync(EXAMPLE, 'utf8');
  const config = [
    'daemon off;',
    'master_process off;',
    `pid ${directory}/nginx.pid;`,
    `error_log ${directory}/error.log warn;`,
    example
      .replace('listen 1935;', `listen 127.0.0.1:${ports.rtmp};`)
      .replace('listen 8080;', `listen 127.0.0.1:${ports.http};`)
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${ports.app}`)
      .replaceAll('/var/lib/jobcast/hls', `${directory}/hls`)
      .replaceAll('/var/lib/jobcast/nginx-recordings', `${directory}/recordings`)
      .replace('http {', ['http {', '  access_log off;', ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${directory}/tmp-${kind};`)].join('\n')),
  ].join('\n');
  const file = path.join(directory, 'nginx.conf');
  writeFileSync(file, config);
  return file;
}

describe.skipIf(!isNginxRtmpPresent())('external media mode with nginx-rtmp (Debian libnginx-mod-rtmp)', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;
  let nginx: ChildProcess;
  let directory: string;
  let ports: { rtmp: number; http: number; app: number };

  beforeAll(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'jobcast-nginx-'));
    mkdirSync(path.join(directory, 'hls'));
    mkdirSync(path.join(directory, 'recordings'));
    const [rtmp, http] = [await freePort(), await freePort()];
    server = await startLiveTestServer({
      env: {
        MEDIA_MODE: 'external',
        LIVE_END_GRACE_SECONDS: '1',
        MEDIA_RTMP_URL: `rtmp://127.0.0.1:${rtmp}/live`,
        MEDIA_HLS_URL_TEMPLATE: `http://127.0.0.1:${http}/hls/{sessionId}.m3u8?token={token}`,
        MEDIA_CONTROL_URL: `http://127.0.0.1:${http}/control`,
        MEDIA_RECORD_DIR: path.join(directory, 'recordings'),
        JOBCAST_DATA_DIR: path.join(directory, 'data'),
      },
    });
    ports = { rtmp, http, app: Number(new URL(server.url).port) };
    const configFile = writeNginxConfig(directory, ports);
    nginx = spawn('nginx', ['-c', configFile, '-p', directory], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    await waitFor(() => new Promise<boolean>((resolve) => {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      const socket = net.connect(ports.rtmp, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    }), 'nginx to listen', 10_000);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const detailOf = async (sessionId: string) => (await server.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();
  const keyOf = async (sessionId: string, email: string) =>
    (await server.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/stream-key`, headers: { cookie: await server.signInCookie(email) } })).json();

  it('refuses a wrong key through on_publish (ffmpeg exits non-zero)', async () => {
    const { session } = await buildLiveSession(server.context);
    const refused = pushTestPattern(`rtmp://127.0.0.1:${ports.rtmp}/live/${session.id}?key=wrong-wrong-wrong-wrong-wrong`, 3);
    expect((await refused.exited).code).not.toBe(0);
    expect((await detailOf(session.id)).status).toBe('scheduled');
  });

  it('accepts the right key: live, HLS from nginx at the configured URL, ended after on_publish_done', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { rtmpUrl, streamKey } = await keyOf(session.id, host.email!);
    expect(rtmpUrl).toBe(`rtmp://127.0.0.1:${ports.rtmp}/live`);
    const encoder = pushTestPattern(`${rtmpUrl}/${streamKey}`, 7);
    await waitFor(async () => (await detailOf(session.id)).status === 'live', 'live', 15_000, 200);
    const detail = await detailOf(session.id);
    expect(detail.playback.hlsUrl).toMatch(new RegExp(`^http://127.0.0.1:${ports.http}/hls/${session.id}\\.m3u8\\?token=guest\\.`));
    const playlist = await waitFor(async () => {
      const response = await fetch(detail.playback.hlsUrl).catch(() => null);
      const text = response?.ok ? await response.text() : '';
      return text.includes('.ts') ? text : null;
    }, 'the HLS playlist', 15_000, 250);
    const segment = playlist.split('\n').find((line) => line.endsWith('.ts'))!;
    const bytes = Buffer.from(await (await fetch(new URL(segment, detail.playback.hlsUrl))).arrayBuffer());
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    expect((await encoder.exited).code).toBe(0);
    await waitFor(async () => (await detailOf(session.id)).status === 'ended', 'ended', 15_000, 200);
  });

  it('gates playback through auth_request (playlists) and on_play (RTMP): a token is needed, a banned viewer refused', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { rtmpUrl, streamKey } = await keyOf(session.id, host.email!);
    const viewer = await buildSeeker(server.context, '赵六');
    const viewerCookie = await server.signInCookie(viewer.email!);
    const encoder = pushTestPattern(`${rtmpUrl}/${streamKey}`, 12);
    try {
      await waitFor(async () => (await detailOf(session.id)).status === 'live', 'live', 15_000, 200);
      const viewerUrl = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}`, headers: { cookie: viewerCookie } })).json().playback.hlsUrl as string;
      expect(viewerUrl).toContain(`token=${viewer.id}.`);
      await waitFor(async () => (await fetch(viewerUrl)).status === 200, 'the playlist with the viewer token', 15_000, 250);
      expect((await fetch(viewerUrl.split('?')[0])).status).toBe(403);
      expect((await fetch(`${viewerUrl.split('?')[0]}?token=${encodeURIComponent(server.context.mediaLinks.playTokens.issue(crypto.randomUUID(), viewer.id))}`)).status).toBe(403);
      const onPlay = (token: string) => server.app.inject({
        method: 'POST', url: '/api/media/nginx/on-play', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `call=play&app=live&name=${session.id}&token=${encodeURIComponent(token)}`,
      });
      const token = new URL(viewerUrl).searchParams.get('token')!;
      expect((await onPlay(token)).statusCode).toBe(204);
      expect((await onPlay('guest.1.forged')).statusCode).toBe(403);

      await server.context.live.restrictUser(host, { sessionId: session.id, userId: viewer.id, kind: 'ban' });
      expect((await fetch(viewerUrl)).status).toBe(403);
      expect((await onPlay(token)).statusCode).toBe(403);
      const afterBan = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}`, headers: { cookie: viewerCookie } })).json();
      expect(afterBan.playback.hlsUrl).toBeNull();
      // Guests still play.
      expect((await fetch((await detailOf(session.id)).playback.hlsUrl)).status).toBe(200);
    } finally {
      await encoder.exited;
    }
    await waitFor(async () => (await detailOf(session.id)).status === 'ended', 'ended', 15_000, 200);
    const { session: notLive } = await buildLiveSession(server.context);
    const notLiveToken = server.context.mediaLinks.playTokens.issue(notLive.id, 'guest');
    const refused = await server.app.inject({ method: 'POST', url: '/api/media/nginx/on-play', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `name=${notLive.id}&token=${encodeURIComponent(notLiveToken)}` });
    expect(refused.statusCode).toBe(404);
  });

  it('结束直播 drops the publisher on nginx-rtmp through its control module; its reconnect is refused', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { rtmpUrl, streamKey } = await keyOf(session.id, host.email!);
    const encoder = pushTestPattern(`${rtmpUrl}/${streamKey}`, 60);
    await waitFor(async () => (await detailOf(session.id)).status === 'live', 'live', 15_000, 200);
    const ended = await server.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/end`, headers: { cookie: await server.signInCookie(host.email!) } });
    expect(ended.statusCode).toBe(200);
    // The 60 s encoder is cut off at once (it would run on otherwise), and publishing again is refused.
    const startedWaiting = Date.now();
    await encoder.exited;
    expect(Date.now() - startedWaiting).toBeLessThan(15_000);
    const again = pushTestPattern(`${rtmpUrl}/${streamKey}`, 3);
    expect((await again.exited).code).not.toBe(0);
    expect((await detailOf(session.id)).status).toBe('ended');
  });

  it('refuses a second publisher while one is live, and its refusal does not end the session', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { rtmpUrl, streamKey } = await keyOf(session.id, host.email!);
    const first = pushTestPattern(`${rtmpUrl}/${streamKey}`, 10);
    await waitFor(async () => (await detailOf(session.id)).status === 'live', 'live', 15_000, 200);
    // The same key again (an encoder started twice, a leaked key): nginx refuses it ("already publishing")
    // after on_publish accepted it, then posts on_publish_done for that connection.
    const second = pushTestPattern(`${rtmpUrl}/${streamKey}`, 2);
    expect((await second.exited).stderr).toMatch(/already publishing/i);
    // Longer than the grace period (1 s): the first encoder is still publishing, the session stays live.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(first.child.exitCode).toBeNull();
    expect((await detailOf(session.id)).status).toBe('live');
    expect((await first.exited).code).toBe(0);
    await waitFor(async () => (await detailOf(session.id)).status === 'ended', 'ended', 15_000, 200);
  });

  it('ignores an on_publish_done that does not carry the session key', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { streamKey } = await keyOf(session.id, host.email!);
    const encoder = pushTestPattern(`rtmp://127.0.0.1:${ports.rtmp}/live/${streamKey}`, 5);
    await waitFor(async () => (await detailOf(session.id)).status === 'live', 'live', 15_000, 200);
    const spoof = await server.app.inject({
      method: 'POST',
      url: '/api/media/nginx/on-publish-done',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `call=publish_done&app=live&name=${session.id}&key=guess`,
    });
    expect(spoof.statusCode).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await detailOf(session.id)).status).toBe('live');
    await encoder.exited;
    await waitFor(async () => (await detailOf(session.id)).status === 'ended', 'ended', 15_000, 200);
  });
  it('a ban cuts the viewer’s running RTMP play through the control module; a banned host’s publisher is dropped and refused', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { rtmpUrl, streamKey } = await keyOf(session.id, host.email!);
    const viewer = await buildSeeker(server.context, '钱七');
    const encoder = pushTestPattern(`${rtmpUrl}/${streamKey}`, 60);
    await waitFor(async () => (await detailOf(session.id)).status === 'live', 'live', 15_000, 200);
    const hlsUrl = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}`, headers: { cookie: await server.signInCookie(viewer.email!) } })).json().playback.hlsUrl as string;
    const player = playRtmp(`rtmp://127.0.0.1:${ports.rtmp}/live/${session.id}?token=${encodeURIComponent(new URL(hlsUrl).searchParams.get('token')!)}`, 60);
    // Playing (on_play let it in): still reading a few seconds later.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(player.child.exitCode).toBeNull();

    await server.context.live.restrictUser(host, { sessionId: session.id, userId: viewer.id, kind: 'ban' });
    const banned = Date.now();
    await player.exited;
    expect(Date.now() - banned).toBeLessThan(15_000);
    // The viewer only: the host still publishes.
    expect(encoder.child.exitCode).toBeNull();
    expect((await detailOf(session.id)).status).toBe('live');

    const admin = await buildUser(server.context, { role: 'admin' });
    await server.context.reports.banUser(admin, host.id, '违规直播（测试）');
    const hostBanned = Date.now();
    await encoder.exited;
    expect(Date.now() - hostBanned).toBeLessThan(15_000);
    // Its key is refused from now on; the session ends after the grace period.
    expect((await pushTestPattern(`${rtmpUrl}/${streamKey}`, 3).exited).code).not.toBe(0);
    await waitFor(async () => (await detailOf(session.id)).status === 'ended', 'ended', 15_000, 200);
  });

  it('recordings become replays: on_record_done moves the FLV in, remuxes it to MP4, and the card gets the replay’s frame', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { rtmpUrl, streamKey } = await keyOf(session.id, host.email!);
    const encoder = pushTestPattern(`${rtmpUrl}/${streamKey}`, 5);
    await waitFor(async () => (await detailOf(session.id)).status === 'live', 'live', 15_000, 200);
    expect((await encoder.exited).code).toBe(0);
    const detail = await waitFor(async () => {
      const found = await detailOf(session.id);
      return found.replayState === 'ready' ? found : null;
    }, 'the replay', 30_000, 250);
    // The MP4 remux is what viewers get (the FLV original is kept beside it).
    expect(detail.playback.replay).toHaveLength(1);
    expect(detail.playback.replay[0]).toMatchObject({ format: 'mp4', url: expect.stringMatching(new RegExp(`^/media/replay/${session.id}/\\d+\\.mp4$`)) });
    const video = await server.app.inject({ method: 'GET', url: detail.playback.replay[0].url });
    expect(video.statusCode).toBe(200);
    expect(video.rawPayload.subarray(4, 8).toString()).toBe('ftyp');
    expect(readdirSync(path.join(directory, 'recordings'))).toEqual([]);
    expect(readdirSync(path.join(directory, 'data', 'media', 'recordings', 'live', session.id)).sort()).toEqual([
      expect.stringMatching(/\.flv$/), expect.stringMatching(/\.mp4$/),
    ]);
    const card = async () => (await server.app.inject({ method: 'GET', url: '/api/sessions?status=ended' })).json().sessions.find((item: { id: string }) => item.id === session.id);
    await waitFor(async () => (await card())?.thumbnailUrl, 'the replay’s frame on the card', 20_000, 250);

    // Anyone can post to the callback: a path outside MEDIA_RECORD_DIR or without the session's key is ignored.
    const postRecordDone = (payload: string) => server.app.inject({ method: 'POST', url: '/api/media/nginx/on-record-done', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    const outside = path.join(directory, `${session.id}-1.flv`);
    writeFileSync(outside, 'not a video');
    expect((await postRecordDone(`name=${session.id}&key=${streamKey.split('key=')[1]}&path=${encodeURIComponent(outside)}`)).statusCode).toBe(204);
    const wrongKey = path.join(directory, 'recordings', `${session.id}-2.flv`);
    writeFileSync(wrongKey, 'not a video');
    expect((await postRecordDone(`name=${session.id}&key=guess&path=${encodeURIComponent(wrongKey)}`)).statusCode).toBe(204);
    expect(existsSync(outside) && existsSync(wrongKey)).toBe(true);
    expect((await detailOf(session.id)).playback.replay).toHaveLength(1);
  });
});
