import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession, sessionCookie } from '../../test/pipeline-factories.js';
import { createRateLimiter, parseLimitRules } from '../../platform/rate-limit.js';
import { createConversationsService } from './index.js';

type Harness = Awaited<ReturnType<typeof createTestApp>>;
type Cookies = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('conversations API: scoping, safety, consent and privacy', () => {
  let harness: Harness;
  const cookies: Record<string, Cookies> = {};
  let jobId: string;
  let otherJobId: string;
  let companyId: string;
  let seekerId: string;
  let applicationId: number;
  let conversationId: number;

  const as = (who: string) => (method: Method, url: string, payload?: unknown) => harness.app.inject({ method, url, payload: payload as never, cookies: cookies[who] });
  const seeker = as('seeker');
  const employer = as('employer');
  const colleague = as('colleague');

  beforeAll(async () => {
    harness = await createTestApp();
    const { context } = harness;
    const { company, employer: member } = await buildCompany(context);
    companyId = company.id;
    const colleagueUser = await context.auth.createUser({ role: 'employer', email: 'colleague@example.test', phone: null, password: TEST_PASSWORD, displayName: '同事小李' });
    await context.db.query('update users set company_id = $2 where id = $1', [colleagueUser.id, company.id]);
    const job = await buildJob(context, member, { title: '电子厂普工' });
    jobId = job.id;
    otherJobId = (await buildJob(context, member, { title: '仓库分拣员', categoryCode: 'express_warehouse' })).id;
    const { employer: stranger } = await buildCompany(context);
    const person = await buildSeeker(context, { name: '王小明', phone: '13812345678' });
    seekerId = person.id;
    const otherSeeker = await buildSeeker(context, { name: '李四' });
    const host = await buildUser(context, { role: 'host', displayName: '主播小张' });
    const otherHost = await buildUser(context, { role: 'host' });
    const session = await buildSession(context, host, { jobIds: [job.id] });
    applicationId = await buildApplication(context, { jobId: job.id, seekerUserId: person.id, sessionId: session.id });
    cookies.seeker = await sessionCookie(context, person.id);
    cookies.employer = await sessionCookie(context, member.id);
    cookies.colleague = await sessionCookie(context, colleagueUser.id);
    cookies.stranger = await sessionCookie(context, stranger.id);
    cookies.otherSeeker = await sessionCookie(context, otherSeeker.id);
    cookies.host = await sessionCookie(context, host.id);
    cookies.otherHost = await sessionCookie(context, otherHost.id);
    const admin = await buildUser(context, { role: 'admin' });
    cookies.admin = await sessionCookie(context, admin.id);
  });
  afterAll(async () => harness.close());

  it('a seeker starts a conversation about a job; starting again returns the same id', async () => {
    const first = await seeker('POST', '/api/conversations', { jobId });
    expect(first.statusCode).toBe(201);
    conversationId = first.json().id;
    expect(first.json()).toMatchObject({ kind: 'company', mySide: 'seeker', job: { id: jobId, title: '电子厂普工' }, applicationId, unread: 0, hasPhoneConsent: false });
    const again = await seeker('POST', '/api/conversations', { jobId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(conversationId);
    // The employer starting from the application reaches the same conversation.
    expect((await employer('POST', '/api/conversations', { applicationId })).json().id).toBe(conversationId);
    expect((await seeker('POST', '/api/conversations', {})).statusCode).toBe(400);
  });

  it('delivers messages both ways, oldest first, with unread counts and read receipts for every company member', async () => {
    const sent = await seeker('POST', `/api/conversations/${conversationId}/messages`, { body: '请问宿舍几个人一间？' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ body: '请问宿舍几个人一间？', senderRole: 'seeker', isRead: false, tip: null });
    expect(typeof sent.json().sentAt).toBe('string');

    const inbox = await colleague('GET', '/api/conversations');
    expect(inbox.json()).toMatchObject({ unread: 1, conversations: [{ id: conversationId, unread: 1, seeker: { name: '王小明', phoneMasked: '138****5678' } }] });
    expect(inbox.body).not.toContain('13812345678');

    const read = await colleague('GET', `/api/conversations/${conversationId}/messages`);
    expect(read.json().messages).toEqual([expect.objectContaining({ body: '请问宿舍几个人一间？', isRead: true })]);
    expect((await employer('GET', '/api/conversations')).json().unread).toBe(0);

    const reply = await employer('POST', `/api/conversations/${conversationId}/messages`, { body: '4人一间，有空调' });
    expect(reply.json()).toMatchObject({ senderRole: 'employer' });
    expect((await seeker('GET', '/api/conversations')).json()).toMatchObject({ unread: 1, conversations: [{ id: conversationId, unread: 1, lastMessage: { body: '4人一间，有空调' } }] });
    const history = (await seeker('GET', `/api/conversations/${conversationId}/messages`)).json().messages;
    expect(history.map((message: { body: string }) => message.body)).toEqual(['请问宿舍几个人一间？', '4人一间，有空调']);
    // The employer sees 已读 on the reply once the seeker opened the conversation.
    expect((await employer('GET', `/api/conversations/${conversationId}/messages`)).json().messages[1]).toMatchObject({ isRead: true });
  });

  it('answers 404 to anyone outside the conversation: another company, another seeker, a host without the lead', async () => {
    for (const who of ['stranger', 'otherSeeker', 'otherHost', 'host']) {
      const call = as(who);
      expect((await call('GET', `/api/conversations/${conversationId}/messages`)).statusCode, who).toBe(404);
      expect((await call('POST', `/api/conversations/${conversationId}/messages`, { body: '你好' })).statusCode, who).toBe(404);
      expect((await call('GET', `/api/conversations/${conversationId}`)).statusCode, who).toBe(404);
      expect((await call('POST', `/api/conversations/${conversationId}/report`, { reason: 'harassment' })).statusCode, who).toBe(404);
    }
    expect((await as('stranger')('POST', '/api/conversations', { applicationId })).statusCode).toBe(404);
    expect((await as('otherHost')('POST', '/api/conversations', { applicationId })).statusCode).toBe(404);
    expect((await as('otherSeeker')('POST', '/api/conversations', { applicationId })).statusCode).toBe(404);
    expect((await as('stranger')('GET', '/api/conversations')).json().conversations).toEqual([]);
  });

  it("lets the host of the lead's session talk to the seeker in a conversation of its own", async () => {
    const started = await as('host')('POST', '/api/conversations', { applicationId });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ kind: 'host', hostName: '主播小张', mySide: 'counterpart' });
    const hostConversation = started.json().id;
    expect(hostConversation).not.toBe(conversationId);
    expect((await as('host')('POST', `/api/conversations/${hostConversation}/messages`, { body: '看到你报名了，有问题随时问我' })).statusCode).toBe(201);
    expect((await seeker('GET', '/api/conversations')).json().conversations.map((item: { id: number }) => item.id)).toContain(hostConversation);
    // The company does not see the host's conversation, the host cannot ask for the number.
    expect((await employer('GET', `/api/conversations/${hostConversation}/messages`)).statusCode).toBe(404);
    expect((await as('host')('POST', `/api/conversations/${hostConversation}/contact-requests`)).statusCode).toBe(403);
  });

  it('refuses an employer message asking for a fee, with the reason, and stores nothing', async () => {
    const refused = await employer('POST', `/api/conversations/${conversationId}/messages`, { body: '入职前需要先交300元押金' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'posting_rejected', fields: [{ path: 'body.body', message: expect.stringContaining('押金') }] });
    expect(refused.json().error.message).toContain('不得向劳动者收取押金');
    const discriminating = await employer('POST', `/api/conversations/${conversationId}/messages`, { body: '我们只招男工' });
    expect(discriminating.statusCode).toBe(422);
    const bodies = (await employer('GET', `/api/conversations/${conversationId}/messages`)).json().messages.map((message: { body: string }) => message.body);
    expect(bodies.some((body: string) => body.includes('押金') || body.includes('男工'))).toBe(false);
  });

  it("delivers a seeker's fee question with the platform's tip", async () => {
    const asked = await seeker('POST', `/api/conversations/${conversationId}/messages`, { body: '有押金吗？要交钱吗' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ body: '有押金吗？要交钱吗', senderRole: 'seeker', tip: { kind: 'tip', senderRole: 'system', body: expect.stringContaining('正规招聘不收取任何费用') } });
    const seen = (await employer('GET', `/api/conversations/${conversationId}/messages`)).json().messages.slice(-2);
    expect(seen).toEqual([expect.objectContaining({ body: '有押金吗？要交钱吗' }), expect.objectContaining({ kind: 'tip' })]);
  });

  it('applies the live word filter and refuses control characters, naming the field', async () => {
    expect((await as('admin')('POST', '/api/live/word-filters', { word: '加微信领红包', action: 'block' })).statusCode).toBe(201);
    const blocked = await seeker('POST', `/api/conversations/${conversationId}/messages`, { body: '加微信领红包' });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.fields[0].path).toBe('body.body');
    const control = await seeker('POST', `/api/conversations/${conversationId}/messages`, { body: 'hi\u0000there' });
    expect(control.statusCode).toBe(400);
    expect(control.json().error.message).toContain('body');
  });

  it('stores a resent message (same clientKey) once', async () => {
    const first = await seeker('POST', `/api/conversations/${conversationId}/messages`, { body: '几点上班？', clientKey: 'resend-key-1' });
    const second = await seeker('POST', `/api/conversations/${conversationId}/messages`, { body: '几点上班？', clientKey: 'resend-key-1' });
    expect(second.json().id).toBe(first.json().id);
    const [row] = await harness.context.db.query<{ count: number }>("select count(*) as count from conversation_messages where client_key = 'resend-key-1'");
    expect(row.count).toBe(1);
  });

  it('keeps the number masked after 已联系; unmask without consent is 403 and says how to ask', async () => {
    expect((await employer('POST', `/api/employer/applications/${applicationId}/transitions`, { action: 'contact' })).json().status).toBe('contacted');
    const refused = await employer('POST', `/api/employer/applications/${applicationId}/unmask`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('交换电话');
    const detail = await employer('GET', `/api/employer/applications/${applicationId}`);
    expect(detail.json()).toMatchObject({ canUnmask: false, hasPhoneConsent: false, seeker: { phone: null, phoneMasked: '138****5678' } });
    expect(detail.body).not.toContain('13812345678');
    expect((await employer('POST', `/api/conversations/${conversationId}/phone`)).statusCode).toBe(403);
    const [log] = await harness.context.db.query<{ count: number }>('select count(*) as count from phone_unmask_log');
    expect(log.count).toBe(0);
  });

  it('unmasks after the seeker accepts a contact request: each look logged and visible to the seeker; the CSV stays masked', async () => {
    expect((await seeker('POST', `/api/conversations/${conversationId}/contact-requests`)).statusCode).toBe(403);
    const asked = await employer('POST', `/api/conversations/${conversationId}/contact-requests`);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'pending' });
    const requestId = asked.json().id;
    expect((await colleague('POST', `/api/conversations/${conversationId}/contact-requests`)).json().id).toBe(requestId);
    expect((await seeker('GET', `/api/conversations/${conversationId}`)).json().pendingContactRequest).toMatchObject({ id: requestId });
    expect((await employer('POST', `/api/conversations/${conversationId}/contact-requests/${requestId}`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await as('otherSeeker')('POST', `/api/conversations/${conversationId}/contact-requests/${requestId}`, { decision: 'accept' })).statusCode).toBe(404);

    const accepted = await seeker('POST', `/api/conversations/${conversationId}/contact-requests/${requestId}`, { decision: 'accept' });
    expect(accepted.json()).toMatchObject({ id: requestId, status: 'accepted' });
    expect((await seeker('POST', `/api/conversations/${conversationId}/contact-requests/${requestId}`, { decision: 'refuse' })).statusCode).toBe(409);

    const detail = await employer('GET', `/api/employer/applications/${applicationId}`);
    expect(detail.json()).toMatchObject({ hasPhoneConsent: true, canUnmask: true, seeker: { phone: '13812345678' } });
    // Re-opening the drawer shows the number again without logging another look (once per viewer and hour).
    const reopened = await employer('GET', `/api/employer/applications/${applicationId}`);
    expect(reopened.json()).toMatchObject({ seeker: { phone: '13812345678' } });
    await employer('GET', `/api/employer/applications/${applicationId}`);
    expect((await employer('POST', `/api/employer/applications/${applicationId}/unmask`)).json().phone).toBe('13812345678');
    expect((await colleague('POST', `/api/conversations/${conversationId}/phone`)).json().phone).toBe('13812345678');
    // Lists and the CSV export never carry the full number.
    expect((await employer('GET', '/api/employer/applications')).body).not.toContain('13812345678');
    const csv = await employer('GET', '/api/employer/applications/export.csv');
    expect(csv.body).toContain('138****5678');
    expect(csv.body).not.toContain('13812345678');

    const mine = (await seeker('GET', '/api/seeker/contact-consents')).json();
    expect(mine.consents).toEqual([expect.objectContaining({ companyId, source: 'conversation', withdrawnAt: null })]);
    expect(mine.looks).toHaveLength(3);
    expect(mine.looks.map((look: { viewerName: string }) => look.viewerName)).toContain('同事小李');
    const notices = await harness.context.db.query<{ kind: string }>("select kind from notifications where user_id = $1 and kind = 'application.phone_viewed'", [seekerId]);
    expect(notices.length).toBeGreaterThanOrEqual(2);
  });

  it('lets the seeker withdraw consent: later looks are refused, earlier ones stay logged; the data download has it all', async () => {
    const { consents } = (await seeker('GET', '/api/seeker/contact-consents')).json();
    const withdrawn = await seeker('POST', `/api/seeker/contact-consents/${consents[0].id}/withdraw`);
    expect(withdrawn.json().consents[0].withdrawnAt).not.toBeNull();
    expect(withdrawn.json().looks).toHaveLength(3);
    expect((await employer('POST', `/api/employer/applications/${applicationId}/unmask`)).statusCode).toBe(403);
    expect((await employer('GET', `/api/employer/applications/${applicationId}`)).json().seeker.phone).toBeNull();
    expect((await as('otherSeeker')('POST', `/api/seeker/contact-consents/${consents[0].id}/withdraw`)).statusCode).toBe(404);

    const download = (await seeker('GET', '/api/me/personal-data')).json();
    expect(download.contactConsents.consents).toHaveLength(1);
    expect(download.contactConsents.phoneLooks).toHaveLength(3);
    const exported = download.conversations.find((item: { id: number }) => item.id === conversationId);
    expect(exported.messages.map((message: { body: string }) => message.body)).toContain('请问宿舍几个人一间？');
    expect(exported.contactRequests).toEqual([expect.objectContaining({ status: 'accepted' })]);
  });

  it('grants consent at apply time only when the seeker ticks 允许企业查看我的手机号', async () => {
    const quiet = await buildSeeker(harness.context, { phone: '13900001111' });
    const sharing = await buildSeeker(harness.context, { phone: '13900002222' });
    const quietCookies = await sessionCookie(harness.context, quiet.id);
    const sharingCookies = await sessionCookie(harness.context, sharing.id);
    const quietApplication = (await harness.app.inject({ method: 'POST', url: '/api/applications', payload: { jobId: otherJobId }, cookies: quietCookies })).json().id;
    const sharingApplication = (await harness.app.inject({ method: 'POST', url: '/api/applications', payload: { jobId: otherJobId, sharePhone: true }, cookies: sharingCookies })).json().id;
    expect((await employer('POST', `/api/employer/applications/${quietApplication}/unmask`)).statusCode).toBe(403);
    const shown = await employer('POST', `/api/employer/applications/${sharingApplication}/unmask`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().phone).toBe('13900002222');
    const list = (await employer('GET', '/api/employer/applications')).json().applications;
    expect(list.find((item: { id: number }) => item.id === sharingApplication)).toMatchObject({ hasPhoneConsent: true, canUnmask: true, seeker: { phone: null } });
    expect(list.find((item: { id: number }) => item.id === quietApplication)).toMatchObject({ hasPhoneConsent: false, canUnmask: false });
  });

  it('sends a job card and an interview invitation that moves the application through the pipeline', async () => {
    const card = await employer('POST', `/api/conversations/${conversationId}/job-cards`, { jobId: otherJobId });
    expect(card.statusCode).toBe(201);
    expect(card.json()).toMatchObject({ kind: 'job_card', payload: { jobId: otherJobId, title: '仓库分拣员' } });
    const { employer: stranger } = await buildCompany(harness.context);
    const foreignJob = await buildJob(harness.context, stranger);
    expect((await employer('POST', `/api/conversations/${conversationId}/job-cards`, { jobId: foreignJob.id })).json().error.fields[0].path).toBe('body.jobId');
    const interviewAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const invited = await employer('POST', `/api/conversations/${conversationId}/interview-invitations`, { interviewAt, place: '苏州工业园区星湖街 328 号' });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ kind: 'interview', payload: { applicationId, place: '苏州工业园区星湖街 328 号' } });
    expect((await seeker('GET', `/api/seeker/applications/${applicationId}`)).json()).toMatchObject({ status: 'interview', interview: { response: 'pending' } });
    expect((await seeker('POST', `/api/conversations/${conversationId}/job-cards`, { jobId })).statusCode).toBe(403);
  });

  it('keeps quick replies per user, editable, and refuses a template that breaks the posting rules', async () => {
    expect((await employer('GET', '/api/conversations/quick-replies')).json().replies.length).toBeGreaterThan(0);
    expect((await employer('PUT', '/api/conversations/quick-replies', { replies: ['明天上午9点面试', '包吃包住'] })).statusCode).toBe(200);
    expect((await employer('GET', '/api/conversations/quick-replies')).json().replies).toEqual(['明天上午9点面试', '包吃包住']);
    expect((await colleague('GET', '/api/conversations/quick-replies')).json().replies).not.toEqual(['明天上午9点面试', '包吃包住']);
    const refused = await employer('PUT', '/api/conversations/quick-replies', { replies: ['面试请带200元体检费'] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].path).toBe('body.replies.0');
    expect((await seeker('GET', '/api/conversations/quick-replies')).statusCode).toBe(403);
  });

  it('blocks either way until lifted', async () => {
    expect((await seeker('POST', `/api/conversations/${conversationId}/block`)).json().blockedBy).toBe('seeker');
    expect((await employer('POST', `/api/conversations/${conversationId}/messages`, { body: '在吗' })).statusCode).toBe(403);
    expect((await seeker('POST', `/api/conversations/${conversationId}/messages`, { body: '在吗' })).statusCode).toBe(403);
    expect((await employer('DELETE', `/api/conversations/${conversationId}/block`)).json().blockedBy).toBe('seeker');
    expect((await seeker('DELETE', `/api/conversations/${conversationId}/block`)).json().blockedBy).toBeNull();
    expect((await employer('POST', `/api/conversations/${conversationId}/messages`, { body: '在吗' })).statusCode).toBe(201);
  });

  it('files a report with the messages into the admin queue (once while open)', async () => {
    const filed = await seeker('POST', `/api/conversations/${conversationId}/report`, { reason: 'fee_request', details: '对方暗示要交钱' });
    expect(filed.statusCode).toBe(201);
    const again = await seeker('POST', `/api/conversations/${conversationId}/report`, { reason: 'fee_request', details: '' });
    expect(again.json().id).toBe(filed.json().id);
    const queue = (await as('admin')('GET', '/api/admin/reports?status=open')).json();
    const report = (queue.reports ?? queue.items ?? queue).find((item: { id: number }) => item.id === filed.json().id);
    expect(report).toMatchObject({ targetKind: 'conversation', conversationId, companyId, reason: 'fee_request' });
    expect(report.evidence.messages.map((message: { body: string }) => message.body)).toContain('请问宿舍几个人一间？');
  });

  it("counts messages with the shared limiter ('conversations', platform/rate-limit.ts) and refuses a flood with 429", async () => {
    const { context } = harness;
    const limiter = createRateLimiter({ rules: parseLimitRules(1, 'conversations=3/60').rules, redisUrl: null });
    const strict = createConversationsService({ db: context.db, events: context.events, notifications: context.notifications, pipeline: context.pipeline, reports: context.reports, seekers: context.seekers, filterText: async (text) => text, limiter });
    const hurried = await buildSeeker(context);
    const user = { id: hurried.id, role: 'seeker' as const, displayName: hurried.displayName, email: null, phone: null, companyId: null, provinceCode: null };
    const { conversation } = await strict.startConversation(user, { jobId });
    for (let index = 0; index < 3; index += 1) await strict.sendMessage(user, conversation.id, { body: `第${index}条` });
    await expect(strict.sendMessage(user, conversation.id, { body: '第4条' })).rejects.toMatchObject({ code: 'rate_limited' });
    await limiter.close();
  });

  it('removes the conversations and consents when the seeker deletes the account', async () => {
    const deleted = await seeker('POST', '/api/me/delete-account', { password: TEST_PASSWORD, confirm: 'DELETE' });
    expect(deleted.statusCode).toBe(200);
    expect((await employer('GET', `/api/conversations/${conversationId}/messages`)).statusCode).toBe(404);
    const [left] = await harness.context.db.query<{ conversations: number; consents: number; looks: number }>(
      `select (select count(*) from conversations where seeker_user_id = $1) as conversations,
              (select count(*) from contact_consents where seeker_user_id = $1) as consents,
              (select count(*) from phone_unmask_log where seeker_user_id = $1) as looks`,
      [seekerId],
    );
    expect(left).toEqual({ conversations: 0, consents: 0, looks: 0 });
    // The report keeps its evidence for the admin.
    const [report] = await harness.context.db.query<{ evidence: { messages: unknown[] } }>("select evidence from reports where target_kind = 'conversation'");
    expect(report.evidence.messages.length).toBeGreaterThan(0);
  });
});
