import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createContext, startLiveRuntime } from '../../app.js';
import { buildUser } from '../../test/factories.js';
import { buildLiveSession, buildSeeker, startLiveTestServer, type LiveClient } from '../../test/live-helpers.js';
import { openPlayer, pushTestPattern, readBytes, requireRedis, requireTool, waitFor } from '../../test/tools.js';
import { loadConfig } from '../config.js';

const { url: REDIS_URL, isReachable: isRedisReachable } = await requireRedis();
const hasFfmpeg = requireTool('ffmpeg');

/**
 * Issue 10, media: a ban covers the video on every node. Node A runs the embedded media server the viewers play
 * from; node B (same database, same Redis) is where the host and the admin act. Without the bans crossing nodes
 * (events.ts CLUSTER_EVENTS through the Socket.IO Redis adapter), node A's media server never hears of them.
 */
describe.skipIf(!isRedisReachable || !hasFfmpeg)('bans close playback served by another node (embedded media, Redis)', () => {
  let nodeA: Awaited<ReturnType<typeof startLiveTestServer>>;
  let nodeB: { url: string; app: Awaited<ReturnType<typeof createApp>>; close(): Promise<void> };
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-media-ban-'));
    nodeA = await startLiveTestServer({ withMedia: true, env: { REDIS_URL, JOBCAST_DATA_DIR: dataDir, LIVE_END_GRACE_SECONDS: '20' } });
    const context = await createContext(loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', REDIS_URL, PUBLIC_URL: 'http://127.0.0.1:3999' }), { db: nodeA.context.db });
    const app = await createApp(context);
    const runtime = await startLiveRuntime(app, context, { withMedia: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    nodeB = {
      url: `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`,
      app,
      async close() {
        await runtime.stop();
        await app.close();
        context.live.stopTimers();
      },
    };
  }, 120_000);
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const detail = async (sessionId: string, cookie?: string) =>
    (await nodeA.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}`, headers: cookie ? { cookie } : {} })).json();

  it("a host's ban and an admin's account ban on node B close the viewers' playback on node A; guests still watch", { timeout: 180_000 }, async () => {
    const { host, session } = await buildLiveSession(nodeA.context);
    const hostCookie = await nodeA.signInCookie(host.email!);
    const admin = await buildUser(nodeA.context, { role: 'admin' });
    const adminCookie = await nodeA.signInCookie(admin.email!);
    const { publishUrl } = (await nodeA.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: hostCookie } })).json();
    const [sessionBanned, accountBanned, other] = [await buildSeeker(nodeA.context, '李四'), await buildSeeker(nodeA.context, '赵六'), await buildSeeker(nodeA.context, '王五')];
    const cookies = { sessionBanned: await nodeA.signInCookie(sessionBanned.email!), accountBanned: await nodeA.signInCookie(accountBanned.email!), other: await nodeA.signInCookie(other.email!) };
    const encoder = pushTestPattern(publishUrl, 60);
    const hostOnB: LiveClient = connect(nodeB.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: hostCookie } });
    try {
      await waitFor(async () => (await detail(session.id)).status === 'live', 'live', 30_000, 200);
      const urls = {
        sessionBanned: (await detail(session.id, cookies.sessionBanned)).playback.flvUrl as string,
        accountBanned: (await detail(session.id, cookies.accountBanned)).playback.flvUrl as string,
        other: (await detail(session.id, cookies.other)).playback.flvUrl as string,
      };
      expect(urls.sessionBanned).toContain(`:${nodeA.runtime.media!.httpPort}/`);
      const players = { sessionBanned: openPlayer(urls.sessionBanned), accountBanned: openPlayer(urls.accountBanned), other: openPlayer(urls.other) };
      await waitFor(async () => Object.values(players).every((player) => player.state.bytes > 16 * 1024), 'all three players receiving', 20_000, 100);
      const accountSocket = await nodeA.connect(cookies.accountBanned);
      const accountSocketClosed = new Promise<void>((resolve) => accountSocket.once('disconnect', () => resolve()));

      // The host, on node B, bans one viewer from the session.
      await new Promise((resolve) => (hostOnB.connected ? resolve(null) : hostOnB.once('connect', () => resolve(null))));
      await hostOnB.emitWithAck('session:join', { sessionId: session.id });
      const bannedAt = Date.now();
      expect(await hostOnB.emitWithAck('host:ban', { sessionId: session.id, userId: sessionBanned.id })).toEqual({ ok: true, data: null });
      await Promise.race([players.sessionBanned.done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      expect(players.sessionBanned.state.closedAt).toBeGreaterThan(0);
      console.log(`ban across nodes: node A's player closed ${players.sessionBanned.state.closedAt - bannedAt} ms after host:ban on node B`);
      expect((await fetch(urls.sessionBanned)).status).toBe(403);

      // An admin, on node B, bans another viewer's whole account: the player and the socket on node A close.
      const accountBannedAt = Date.now();
      const ban = await nodeB.app.inject({ method: 'POST', url: `/api/admin/users/${accountBanned.id}/ban`, headers: { cookie: adminCookie }, payload: { reason: '发布违规内容' } });
      expect(ban.statusCode).toBe(200);
      await Promise.race([players.accountBanned.done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      expect(players.accountBanned.state.closedAt).toBeGreaterThan(0);
      console.log(`account ban across nodes: node A's player closed ${players.accountBanned.state.closedAt - accountBannedAt} ms after the ban on node B`);
      await Promise.race([accountSocketClosed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      expect(accountSocket.connected).toBe(false);
      // Its signed playback token is refused from now on, and its sign-in is gone.
      expect((await fetch(urls.accountBanned)).status).toBe(403);
      expect((await nodeA.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookies.accountBanned } })).json().user).toBeNull();

      // The other viewer keeps playing.
      const otherBytes = players.other.state.bytes;
      await waitFor(async () => players.other.state.bytes > otherBytes + 8 * 1024, 'the other viewer still receiving', 10_000, 100);
      expect(players.other.state.closedAt).toBe(0);

      // The decision (docs/SECURITY.md): a live room is public to people without an account, and a guest cannot be
      // told apart from another (no address or device bans: a dormitory or factory shares one address). So a banned
      // person who signs out watches as any guest does — without chat, applying or their account.
      const guestUrl = (await detail(session.id)).playback.flvUrl as string;
      expect(guestUrl).toContain('token=guest.');
      expect((await readBytes(guestUrl, 16 * 1024)).subarray(0, 3).toString('latin1')).toBe('FLV');

      players.other.stop();
      await players.other.done;
    } finally {
      hostOnB.disconnect();
      encoder.child.kill('SIGKILL');
      await encoder.exited;
    }
  });
});
