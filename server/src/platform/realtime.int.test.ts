import net from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createContext, startLiveRuntime } from '../app.js';
import { buildLiveSession, buildSeeker, nextEvent, startLiveTestServer, type LiveClient } from '../test/live-helpers.js';
import { requireRedis } from '../test/tools.js';
import { loadConfig } from './config.js';

const { url: REDIS_URL, isReachable: isRedisReachable } = await requireRedis();

describe.skipIf(!isRedisReachable)('Socket.IO across two server nodes with the Redis adapter', () => {
  let nodeA: Awaited<ReturnType<typeof startLiveTestServer>>;
  let nodeB: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    nodeA = await startLiveTestServer({ env: { REDIS_URL } });
    // Node B: its own HTTP + Socket.IO server over the same database and Redis.
    const context = await createContext(loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', REDIS_URL }), { db: nodeA.context.db });
    const app = await createApp(context);
    const runtime = await startLiveRuntime(app, context, { withMedia: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as net.AddressInfo;
    nodeB = {
      url: `http://127.0.0.1:${address.port}`,
      async close() {
        await runtime.stop();
        await app.close();
        context.live.stopTimers();
      },
    };
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
  });

  it('delivers chat sent on one node to a viewer on the other, and a ban applies on both', async () => {
    const { host, session } = await buildLiveSession(nodeA.context);
    const seeker = await buildSeeker(nodeA.context, '郑一');
    const seekerCookie = await nodeA.signInCookie(seeker.email!);
    const sender = await nodeA.connect(seekerCookie);
    const hostCookie = await nodeA.signInCookie(host.email!);
    const viewerOnB: LiveClient = connect(nodeB.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const hostOnB: LiveClient = connect(nodeB.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: hostCookie } });
    try {
      await Promise.all([viewerOnB, hostOnB].map((socket) => new Promise((resolve) => (socket.connected ? resolve(null) : socket.once('connect', () => resolve(null))))));
      await sender.emitWithAck('session:join', { sessionId: session.id });
      await viewerOnB.emitWithAck('session:join', { sessionId: session.id });
      await hostOnB.emitWithAck('session:join', { sessionId: session.id });

      const received = nextEvent(viewerOnB, 'chat:batch', (batch) => batch.messages.some((message) => message.text === '跨节点你好'));
      expect((await sender.emitWithAck('chat:send', { sessionId: session.id, text: '跨节点你好' })).ok).toBe(true);
      await received;

      // The host on node B bans the seeker whose socket is on node A: node A's cache learns it.
      const notice = nextEvent(sender, 'moderation:you', (payload) => payload.kind === 'banned');
      expect(await hostOnB.emitWithAck('host:ban', { sessionId: session.id, userId: seeker.id })).toEqual({ ok: true, data: null });
      await notice;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await sender.emitWithAck('session:join', { sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      viewerOnB.disconnect();
      hostOnB.disconnect();
    }
  });
});
