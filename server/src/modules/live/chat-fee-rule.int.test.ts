import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiveSession, buildSeeker, startLiveTestServer } from '../../test/live-helpers.js';

type Server = Awaited<ReturnType<typeof startLiveTestServer>>;

// Issue 10: in the live room's chat the hiring side may not ask seekers for money (the posting rules' fee
// patterns, Chinese and English), and a seeker asking about fees is never blocked but gets the tip.
describe('live chat: fees by role', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startLiveTestServer({ env: { CHAT_RATE_LIMIT_COUNT: '50', REALTIME_FLUSH_MS: '10000' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const storedTexts = async (sessionId: string) => {
    await server.runtime.liveRealtime.flush();
    const rows = await server.context.db.query<{ text: string }>('select text from live_chat_messages where session_id = $1 order by created_at', [sessionId]);
    return rows.map((row) => row.text);
  };

  it("refuses a host's and an employer's request for a fee with the rule's reason, and stores nothing of it", async () => {
    const { host, employer, session } = await buildLiveSession(server.context);
    const hostSocket = await server.connect(await server.signInCookie(host.email!));
    const employerSocket = await server.connect(await server.signInCookie(employer.email!));
    await hostSocket.emitWithAck('session:join', { sessionId: session.id });
    await employerSocket.emitWithAck('session:join', { sessionId: session.id });

    const asks = [
      [hostSocket, '入职先交300元押金'],
      [hostSocket, '需缴纳培训费500元'],
      [employerSocket, '上岗前自费体检费150元'],
      [employerSocket, 'A deposit of 200 yuan is required'],
      [hostSocket, 'Training fee: 500 RMB, paid before you start'],
    ] as const;
    for (const [socket, text] of asks) {
      const answer = await socket.emitWithAck('chat:send', { sessionId: session.id, text });
      expect(answer, text).toMatchObject({ ok: false, error: { code: 'posting_rejected', fields: [{ path: 'text', message: expect.any(String) }] } });
      if (!answer.ok) expect(answer.error.message, text).toMatch(/消息不合规/);
    }
    // What the host and the employer may say about money: pay, and that nothing is charged.
    for (const [socket, text] of [[hostSocket, '月薪6000，包吃住，不收任何费用'], [employerSocket, 'No deposit, no fees']] as const) {
      expect(await socket.emitWithAck('chat:send', { sessionId: session.id, text }), text).toMatchObject({ ok: true, data: { tip: null } });
    }
    await server.runtime.liveRealtime.flush();
    expect(await storedTexts(session.id)).toEqual(['月薪6000，包吃住，不收任何费用', 'No deposit, no fees']);
  });

  it('never blocks a seeker asking about fees (押金 is in the word table) and answers with the platform tip', async () => {
    const { session } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context);
    const socket = await server.connect(await server.signInCookie(seeker.email!));
    await socket.emitWithAck('session:join', { sessionId: session.id });
    const questions = ['有押金吗', '要交钱吗', '体检费谁出？', 'is there a deposit?', '入职要交押 金吗'];
    for (const text of questions) {
      const answer = await socket.emitWithAck('chat:send', { sessionId: session.id, text });
      expect(answer, text).toMatchObject({
        ok: true,
        data: { message: { text }, tip: { zh: expect.stringContaining('正规招聘不收取任何费用'), en: expect.stringContaining('never charge') } },
      });
    }
    // An ordinary question gets no tip; a blocked word that is not about fees stays blocked.
    expect(await socket.emitWithAck('chat:send', { sessionId: session.id, text: '包住吗' })).toMatchObject({ ok: true, data: { tip: null } });
    expect(await socket.emitWithAck('chat:send', { sessionId: session.id, text: '有刷单的活吗' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    await server.runtime.liveRealtime.flush();
    expect(await storedTexts(session.id)).toEqual([...questions, '包住吗']);
  });
});
