import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createContext } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { buildCompany, buildJob, TEST_PASSWORD } from '../../test/factories.js';
import { nextEvent, startLiveTestServer, type LiveClient } from '../../test/live-helpers.js';
import { buildSeeker, sessionCookie } from '../../test/pipeline-factories.js';

type Server = Awaited<ReturnType<typeof startLiveTestServer>>;

describe('conversations over Socket.IO: delivery, read receipts, offline notifications, restarts', () => {
  let server: Server;
  let conversationId: number;
  let strangerConversationId: number;
  let seekerId: string;
  let memberIds: string[];
  const cookie = async (userId: string) => `jobcast_session=${(await sessionCookie(server.context, userId)).jobcast_session}`;
  const inject = (cookieHeader: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.app.inject({ method, url, payload: payload as never, headers: { cookie: cookieHeader } });
  const notificationsOf = (userId: string) =>
    server.context.db.query<{ title: string; link: string }>("select title, link from notifications where user_id = $1 and kind = 'conversation.message' order by id", [userId]);
  let seekerCookie: string;
  let employerCookie: string;
  let colleagueCookie: string;
  let strangerCookie: string;

  beforeAll(async () => {
    server = await startLiveTestServer();
    const { context } = server;
    const { company, employer } = await buildCompany(context, { name: '苏州精密电子有限公司' });
    const colleague = await context.auth.createUser({ role: 'employer', email: 'colleague-rt@example.test', phone: null, password: TEST_PASSWORD, displayName: '同事' });
    await context.db.query('update users set company_id = $2 where id = $1', [colleague.id, company.id]);
    memberIds = [employer.id, colleague.id];
    const job = await buildJob(context, employer);
    const { employer: stranger } = await buildCompany(context);
    const strangerJob = await buildJob(context, stranger);
    const seeker = await buildSeeker(context, { name: '赵六' });
    seekerId = seeker.id;
    seekerCookie = await cookie(seeker.id);
    employerCookie = await cookie(employer.id);
    colleagueCookie = await cookie(colleague.id);
    strangerCookie = await cookie(stranger.id);
    conversationId = (await inject(seekerCookie, 'POST', '/api/conversations', { jobId: job.id })).json().id;
    strangerConversationId = (await inject(seekerCookie, 'POST', '/api/conversations', { jobId: strangerJob.id })).json().id;
  });
  afterAll(async () => server.close());

  it('tells an away company by notification (every member, once until read), not while a member is connected', async () => {
    await inject(seekerCookie, 'POST', `/api/conversations/${conversationId}/messages`, { body: '你好，还招人吗？' });
    await inject(seekerCookie, 'POST', `/api/conversations/${conversationId}/messages`, { body: '在吗' });
    for (const memberId of memberIds) expect(await notificationsOf(memberId)).toEqual([expect.objectContaining({ title: expect.stringContaining('赵六'), link: `/inbox?c=${conversationId}` })]);
    // Reading re-arms the notice; with a member connected there is none.
    await inject(employerCookie, 'GET', `/api/conversations/${conversationId}/messages`);
    const online = await server.connect(colleagueCookie);
    const pushed = nextEvent(online, 'conversation:message', (payload) => payload.message.body === '还在吗');
    await inject(seekerCookie, 'POST', `/api/conversations/${conversationId}/messages`, { body: '还在吗' });
    await pushed;
    expect(await notificationsOf(memberIds[0]!)).toHaveLength(1);
    online.disconnect();
  });

  it("delivers a socket message to every member of the company, not to another company; the ack comes after it is stored", async () => {
    const seeker = await server.connect(seekerCookie);
    const employer = await server.connect(employerCookie);
    const colleague = await server.connect(colleagueCookie);
    const stranger = await server.connect(strangerCookie);
    const strangerEvents: string[] = [];
    stranger.on('conversation:message', (payload) => strangerEvents.push(payload.message.body));

    const atEmployer = nextEvent(employer, 'conversation:message', (payload) => payload.message.body === '宿舍有空调吗？');
    const atColleague = nextEvent(colleague, 'conversation:message', (payload) => payload.message.body === '宿舍有空调吗？');
    const ack = await seeker.emitWithAck('conversation:send', { conversationId, body: '宿舍有空调吗？', clientKey: 'socket-key-0001' });
    expect(ack).toMatchObject({ ok: true, data: { body: '宿舍有空调吗？', senderRole: 'seeker' } });
    const [row] = await server.context.db.query<{ count: number }>("select count(*) as count from conversation_messages where client_key = 'socket-key-0001'");
    expect(row.count).toBe(1);
    expect((await atEmployer).message).toMatchObject({ senderRole: 'seeker', senderName: '赵六', isRead: false });
    await atColleague;

    // The stranger's own conversation event arrives after ours would have: it only ever saw its own.
    const own = nextEvent(seeker, 'conversation:message', (payload) => payload.conversationId === strangerConversationId);
    await inject(strangerCookie, 'POST', `/api/conversations/${strangerConversationId}/messages`, { body: '欢迎咨询' });
    await own;
    await nextEvent(stranger, 'conversation:message', (payload) => payload.message.body === '欢迎咨询').catch(() => undefined);
    expect(strangerEvents).toEqual(['欢迎咨询']);

    // Read receipt: the employer reads, the seeker sees 已读.
    const receipt = nextEvent(seeker, 'conversation:read', (payload) => payload.conversationId === conversationId && payload.side === 'counterpart');
    const readAck = await employer.emitWithAck('conversation:read', { conversationId, messageId: (ack as { data: { id: number } }).data.id });
    expect(readAck).toMatchObject({ ok: true });
    expect((await receipt).lastReadId).toBe((ack as { data: { id: number } }).data.id);

    // The reply reaches the seeker's socket; invalid payloads and outsiders get error acks.
    const reply = nextEvent(seeker, 'conversation:message', (payload) => payload.message.body === '有的，4人间');
    expect((await employer.emitWithAck('conversation:send', { conversationId, body: '有的，4人间' })).ok).toBe(true);
    expect((await reply).message.senderRole).toBe('employer');
    expect(await stranger.emitWithAck('conversation:send', { conversationId, body: '你好' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await seeker.emitWithAck('conversation:send', { conversationId, body: '' })).toMatchObject({ ok: false, error: { code: 'validation_failed', field: 'body' } });
    // parsePayload: the same checks and field names as the REST body (a bidi override, a NUL, a bad id).
    expect(await seeker.emitWithAck('conversation:send', { conversationId, body: '工资\u202e0003' })).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: [{ path: 'body' }] } });
    expect(await seeker.emitWithAck('conversation:send', { conversationId, body: 'a\u0000b' })).toMatchObject({ ok: false, error: { code: 'validation_failed', field: 'body' } });
    expect(await seeker.emitWithAck('conversation:read', { conversationId: 'x', messageId: 1 } as never)).toMatchObject({ ok: false, error: { code: 'validation_failed', field: 'conversationId' } });
    expect(await employer.emitWithAck('conversation:send', { conversationId, body: '先交押金500元' })).toMatchObject({ ok: false, error: { code: 'posting_rejected' } });
    for (const socket of [seeker, employer, colleague, stranger] as LiveClient[]) socket.disconnect();
  });

  it('a seeker who is away is notified once; the history survives a restart', async () => {
    await inject(employerCookie, 'POST', `/api/conversations/${conversationId}/messages`, { body: '明天来面试吧' });
    await inject(employerCookie, 'POST', `/api/conversations/${conversationId}/messages`, { body: '上午9点' });
    expect(await notificationsOf(seekerId)).toEqual([expect.objectContaining({ link: `/messages/${conversationId}` })]);

    // A "restart": a new context and app over the same database.
    const context = await createContext(loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0' }), { db: server.context.db });
    const app = await createApp(context);
    try {
      const history = await app.inject({ method: 'GET', url: `/api/conversations/${conversationId}/messages`, headers: { cookie: seekerCookie } });
      expect(history.json().messages.map((message: { body: string }) => message.body)).toEqual(['你好，还招人吗？', '在吗', '还在吗', '宿舍有空调吗？', '有的，4人间', '明天来面试吧', '上午9点']);
    } finally {
      await app.close();
      context.live.stopTimers();
    }
  });
});
