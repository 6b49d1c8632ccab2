import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiveSession, buildSeeker, nextEvent, startLiveTestServer } from '../../test/live-helpers.js';
import { openPlayer, pushTestPattern, readBytes, requireTool, waitFor } from '../../test/tools.js';

const hasFfmpeg = requireTool('ffmpeg');

/** The raw answer to a WebSocket upgrade (WS-FLV) on the media port: its status line. */
function upgradeStatus(port: number, pathAndQuery: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${pathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) {
        socket.destroy();
        resolve(text.split('\r\n')[0]);
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error('no answer to the upgrade')), 10_000);
  });
}

describe.skipIf(!hasFfmpeg)('embedded media server: playback gate (404 when not live, signed tokens, bans, idle players) with a real ffmpeg', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-media-gate-'));
    server = await startLiveTestServer({ withMedia: true, env: { JOBCAST_DATA_DIR: dataDir, LIVE_END_GRACE_SECONDS: '20', MEDIA_IDLE_PLAYER_SECONDS: '2' } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const media = () => `http://127.0.0.1:${server.runtime.media!.httpPort}`;
  const detail = async (sessionId: string, cookie?: string) =>
    (await server.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}`, headers: cookie ? { cookie } : {} })).json();

  it('answers 200 requests for made-up streams 404 at once (HTTP-FLV and WS-FLV), and a scheduled session too', async () => {
    const { session } = await buildLiveSession(server.context);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => {
      const name = index % 2 ? `made-up-${index}` : crypto.randomUUID();
      return fetch(`${media()}/live/${name}.flv`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.status, () => 0);
    }));
    const elapsed = Date.now() - started;
    expect(answers.filter((status) => status === 404)).toHaveLength(200);
    expect(elapsed).toBeLessThan(5_000);
    // Not publishing yet: even with a valid token the answer is 404, not a request held open.
    const guestUrl = (await detail(session.id)).playback.flvUrl as string;
    expect((await fetch(guestUrl, { signal: AbortSignal.timeout(5_000) })).status).toBe(404);
    expect(await upgradeStatus(server.runtime.media!.httpPort, `/live/${crypto.randomUUID()}.flv`)).toMatch(/^HTTP\/1\.1 404/);
    // Anything else on the media port is 404 too; publishing over HTTP (POST) is never allowed.
    expect((await fetch(`${media()}/api/v1/streams`)).status).toBe(404);
    expect((await fetch(guestUrl, { method: 'POST', body: 'FLV' })).status).toBe(404);
    console.log(`media gate: 200 made-up HTTP-FLV requests answered 404 in ${elapsed} ms`);
  });

  it('plays only with the viewer\'s signed token; a ban closes the viewer\'s playback at once and refuses it from then on', { timeout: 120_000 }, async () => {
    const { host, session } = await buildLiveSession(server.context);
    const hostCookie = await server.signInCookie(host.email!);
    const { publishUrl } = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: hostCookie } })).json();
    const banned = await buildSeeker(server.context, '李四');
    const other = await buildSeeker(server.context, '王五');
    const bannedCookie = await server.signInCookie(banned.email!);
    const otherCookie = await server.signInCookie(other.email!);
    const encoder = pushTestPattern(publishUrl, 40);
    try {
      await waitFor(async () => (await detail(session.id)).status === 'live', 'live', 30_000, 200);
      const bannedUrl = (await detail(session.id, bannedCookie)).playback.flvUrl as string;
      const otherUrl = (await detail(session.id, otherCookie)).playback.flvUrl as string;
      expect(bannedUrl).toContain(`token=${banned.id}.`);
      // The same URL on every read (the expiry is rounded), so re-reading the details does not restart players.
      expect((await detail(session.id, bannedCookie)).playback.flvUrl).toBe(bannedUrl);

      const bare = bannedUrl.split('?')[0];
      expect((await fetch(bare)).status).toBe(403);
      expect((await fetch(`${bare}?token=${encodeURIComponent(server.context.mediaLinks.playTokens.issue(crypto.randomUUID(), banned.id))}`)).status).toBe(403);
      expect((await fetch(bannedUrl.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')))).status).toBe(403);
      const expired = server.context.mediaLinks.playTokens.issue(session.id, banned.id, Date.now() - 8 * 86400_000);
      expect((await fetch(`${bare}?token=${encodeURIComponent(expired)}`)).status).toBe(403);
      // RTMP play without a token is refused too (the port is the encoders'; players use HTTP-FLV).
      const rtmpPort = server.runtime.media!.rtmpPort;
      const rtmpPlay = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-rw_timeout', '5000000', '-i', `rtmp://127.0.0.1:${rtmpPort}/live/${session.id}`, '-t', '1', '-f', 'null', '-'], { stdio: 'ignore' });
      expect(await new Promise((resolve) => rtmpPlay.on('exit', resolve))).not.toBe(0);

      const flv = await readBytes(bannedUrl, 32 * 1024);
      expect(flv.subarray(0, 3).toString('latin1')).toBe('FLV');
      const bannedPlayer = openPlayer(bannedUrl);
      const otherPlayer = openPlayer(otherUrl);
      await waitFor(async () => bannedPlayer.state.bytes > 16 * 1024 && otherPlayer.state.bytes > 16 * 1024, 'both players receiving', 15_000, 100);

      const hostSocket = await server.connect(hostCookie);
      await hostSocket.emitWithAck('session:join', { sessionId: session.id });
      const bannedAt = Date.now();
      expect(await hostSocket.emitWithAck('host:ban', { sessionId: session.id, userId: banned.id })).toEqual({ ok: true, data: null });
      await Promise.race([bannedPlayer.done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      expect(bannedPlayer.state.closedAt).toBeGreaterThan(0);
      console.log(`media gate: the banned viewer's open HTTP-FLV closed ${bannedPlayer.state.closedAt - bannedAt} ms after host:ban`);
      // The other viewer keeps playing.
      const otherBytes = otherPlayer.state.bytes;
      await waitFor(async () => otherPlayer.state.bytes > otherBytes + 8 * 1024, 'the other viewer still receiving', 10_000, 100);
      expect(otherPlayer.state.closedAt).toBe(0);

      // From the ban on: the old URL is refused, the details carry no playback, HLS refuses the cookie.
      expect((await fetch(bannedUrl)).status).toBe(403);
      const afterBan = await detail(session.id, bannedCookie);
      expect(afterBan.playback.flvUrl).toBeNull();
      expect(afterBan.playback.hlsUrl).toBeNull();
      const hls = await server.app.inject({ method: 'GET', url: `/media/hls/${session.id}/index.m3u8`, headers: { cookie: bannedCookie } });
      expect(hls.statusCode).toBe(403);

      // Lifted: the viewer may watch again.
      expect(await hostSocket.emitWithAck('host:lift', { sessionId: session.id, userId: banned.id, kind: 'ban' })).toEqual({ ok: true, data: null });
      const again = (await detail(session.id, bannedCookie)).playback.flvUrl as string;
      expect((await readBytes(again, 16 * 1024)).subarray(0, 3).toString('latin1')).toBe('FLV');
      otherPlayer.stop();
      await otherPlayer.done;
    } finally {
      encoder.child.kill('SIGKILL');
      await encoder.exited;
    }
  });

  it('closes a player that receives nothing for MEDIA_IDLE_PLAYER_SECONDS (the encoder stopped)', { timeout: 90_000 }, async () => {
    const { host, session } = await buildLiveSession(server.context);
    const { publishUrl } = (await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: await server.signInCookie(host.email!) } })).json();
    const viewerSocket = await server.connect();
    await viewerSocket.emitWithAck('session:join', { sessionId: session.id });
    const wentLive = nextEvent(viewerSocket, 'session:status', (payload) => payload.status === 'live', 30_000);
    const encoder = pushTestPattern(publishUrl, 30);
    try {
      await wentLive;
      const player = openPlayer((await detail(session.id)).playback.flvUrl);
      await waitFor(async () => player.state.bytes > 16 * 1024, 'the player receiving', 15_000, 100);
      const stoppedAt = Date.now();
      encoder.child.kill('SIGKILL');
      await Promise.race([player.done, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      expect(player.state.closedAt).toBeGreaterThan(0);
      const idleClose = player.state.closedAt - stoppedAt;
      console.log(`media gate: an idle player (encoder gone) closed after ${idleClose} ms (limit 2 s)`);
      expect(idleClose).toBeLessThan(10_000);
    } finally {
      encoder.child.kill('SIGKILL');
      await encoder.exited;
    }
  });
});
