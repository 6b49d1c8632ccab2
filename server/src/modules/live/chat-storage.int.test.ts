import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../../contracts/live.js';
import { buildLiveSession, buildSeeker, startLiveTestServer } from '../../test/live-helpers.js';

describe('chat storage under hostile text', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;

  beforeAll(async () => {
    server = await startLiveTestServer();
  }, 120_000);
  afterAll(async () => server?.close());

  it('refuses a chat message holding NUL or a control character with the field named; nothing is broadcast or stored', async () => {
    const { session } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context);
    const socket = await server.connect(await server.signInCookie(seeker.email!));
    await socket.emitWithAck('session:join', { sessionId: session.id });
    for (const text of ['有押金吗\u0000', '\u0007叮', 'line\nbreak']) {
      const ack = await socket.emitWithAck('chat:send', { sessionId: session.id, text });
      expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed', field: 'text', fields: [{ path: 'text' }] } });
    }
    expect(await socket.emitWithAck('chat:send', { sessionId: session.id, text: '包住吗' })).toMatchObject({ ok: true });
    server.runtime.liveRealtime.close();
    await expect.poll(async () => (await server.context.db.query<{ text: string }>('select text from live_chat_messages where session_id = $1', [session.id])).map((row) => row.text)).toEqual(['包住吗']);
  });

  it('stores every other message of a batch when one of them cannot be stored', async () => {
    const { session } = await buildLiveSession(server.context);
    const seekers = await Promise.all(['甲', '乙', '丙'].map((name) => buildSeeker(server.context, name)));
    const message = (userId: string, text: string): ChatMessage => ({
      id: randomUUID(), sessionId: session.id, userId, displayName: 'x', text, isHost: false, createdAt: new Date().toISOString(),
    });
    // A NUL that got past validation (older client contract, a bug): PostgreSQL refuses the whole insert.
    const batch = [message(seekers[0]!.id, '第一条'), message(seekers[1]!.id, '坏\u0000消息'), message(seekers[2]!.id, '第三条')];
    const result = await server.context.live.persistChatMessages(batch);
    expect(result.refused.map((item) => item.id)).toEqual([batch[1]!.id]);
    expect(result.retry).toEqual([]);
    const stored = await server.context.db.query<{ text: string }>('select text from live_chat_messages where session_id = $1 order by created_at, text', [session.id]);
    expect(stored.map((row) => row.text).sort()).toEqual(['第一条', '第三条']);
  });

  it('stores every acknowledged message before a graceful stop returns (shutdown closes the database next)', async () => {
    // Messages wait up to 5 s for their flush: the stop, a moment after the acks, has to store them.
    const stopping = await startLiveTestServer({ env: { CHAT_FLUSH_MS: '5000' } });
    try {
      const { session } = await buildLiveSession(stopping.context);
      const seekers = await Promise.all(['甲', '乙', '丙'].map((name) => buildSeeker(stopping.context, name)));
      for (const seeker of seekers) {
        const socket = await stopping.connect(await stopping.signInCookie(seeker.email!));
        await socket.emitWithAck('session:join', { sessionId: session.id });
        expect(await socket.emitWithAck('chat:send', { sessionId: session.id, text: `我是${seeker.displayName}` })).toMatchObject({ ok: true });
      }
      await stopping.runtime.stop();
      const stored = await stopping.context.db.query<{ count: number }>('select count(*)::int as count from live_chat_messages where session_id = $1', [session.id]);
      expect(stored[0]!.count).toBe(3);
    } finally {
      await stopping.close();
    }
  }, 120_000);
});
