// 交换微信 (issue 8): the seeker's WeChat ID in the profile, the employer's request in the conversation, the
// seeker's answer, the logged look after acceptance only, withdrawal, the data download and account deletion.
// PGlite by default, PostgreSQL with TEST_DATABASE_URL (as CI runs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession, sessionCookie } from '../../test/pipeline-factories.js';

type Harness = Awaited<ReturnType<typeof createTestApp>>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const WECHAT_ID = 'wxid_xiaoming88';

describe('交换微信: WeChat ID exchange by consent', () => {
  let harness: Harness;
  const cookies: Record<string, Record<string, string>> = {};
  let seekerId: string;
  let companyId: string;
  let applicationId: number;
  let conversationId: number;
  let profile: { name: string; phone: string; homeCityCode: string; desiredCategories: string[] };

  const as = (who: string) => (method: Method, url: string, payload?: unknown) => harness.app.inject({ method, url, payload: payload as never, cookies: cookies[who] });
  const seeker = as('seeker');
  const employer = as('employer');

  beforeAll(async () => {
    harness = await createTestApp();
    const { context } = harness;
    const { company, employer: member } = await buildCompany(context);
    companyId = company.id;
    const job = await buildJob(context, member, { title: '物流分拣员' });
    const { employer: stranger } = await buildCompany(context);
    const person = await buildSeeker(context, { name: '王小明', phone: '13812345678' });
    seekerId = person.id;
    profile = { name: '王小明', phone: '13812345678', homeCityCode: '341200', desiredCategories: [] };
    const otherSeeker = await buildSeeker(context);
    const host = await buildUser(context, { role: 'host' });
    const session = await buildSession(context, host, { jobIds: [job.id] });
    applicationId = await buildApplication(context, { jobId: job.id, seekerUserId: person.id, sessionId: session.id });
    cookies.seeker = await sessionCookie(context, person.id);
    cookies.employer = await sessionCookie(context, member.id);
    cookies.stranger = await sessionCookie(context, stranger.id);
    cookies.otherSeeker = await sessionCookie(context, otherSeeker.id);
    cookies.host = await sessionCookie(context, host.id);
    conversationId = (await seeker('POST', '/api/conversations', { jobId: job.id })).json().id;
  });
  afterAll(async () => harness.close());

  it('validates the WeChat ID in the profile: 6–20 letters, digits, _ or -, starting with a letter, or a mobile number', async () => {
    for (const wrong of ['1abcdef', 'abc', 'a'.repeat(21), '微信号abcdef', 'abc def12', '12345678901']) {
      const refused = await seeker('PUT', '/api/seeker/profile', { ...profile, wechatId: wrong });
      expect(refused.statusCode, wrong).toBe(400);
    }
    for (const right of ['abc_de-f', 'Wx123456789012345678', '13912345678']) {
      const saved = await seeker('PUT', '/api/seeker/profile', { ...profile, wechatId: right });
      expect(saved.statusCode, right).toBe(200);
      expect(saved.json().wechatId).toBe(right);
    }
    // An older client leaves it out: the stored one stays; '' clears it.
    expect((await seeker('PUT', '/api/seeker/profile', profile)).json().wechatId).toBe('13912345678');
    expect((await seeker('PUT', '/api/seeker/profile', { ...profile, wechatId: '' })).json().wechatId).toBeNull();
    expect((await seeker('GET', '/api/seeker/profile')).json().profile.wechatId).toBeNull();
  });

  it('only the conversation\'s employer asks; another company\'s employer, another seeker and a host get 404 or 403', async () => {
    expect((await as('stranger')('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'wechat' })).statusCode).toBe(404);
    expect((await as('otherSeeker')('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'wechat' })).statusCode).toBe(403);
    expect((await as('host')('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'wechat' })).statusCode).toBe(403);
    expect((await seeker('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'wechat' })).statusCode).toBe(403);
    expect((await employer('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'qq' })).statusCode).toBe(400);
    expect((await as('stranger')('POST', `/api/conversations/${conversationId}/wechat`)).statusCode).toBe(404);
  });

  it('asks for WeChat beside a pending phone request; before acceptance the ID is nowhere and the reveal is 403 with how to ask', async () => {
    const phone = await employer('POST', `/api/conversations/${conversationId}/contact-requests`);
    expect(phone.json()).toMatchObject({ kind: 'phone', status: 'pending' });
    const asked = await employer('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'wechat' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ kind: 'wechat', status: 'pending' });
    // Asking again returns the pending one of that kind.
    expect((await employer('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'wechat' })).json().id).toBe(asked.json().id);
    const seen = (await seeker('GET', `/api/conversations/${conversationId}`)).json();
    expect(seen.pendingContactRequests.map((request: { kind: string }) => request.kind)).toEqual(['phone', 'wechat']);
    expect(seen.hasWechatConsent).toBe(false);
    const messages = (await seeker('GET', `/api/conversations/${conversationId}/messages`)).json().messages;
    expect(messages.at(-1)).toMatchObject({ kind: 'contact_request', body: expect.stringContaining('交换微信'), payload: { contactKind: 'wechat', requestId: asked.json().id } });

    await seeker('PUT', '/api/seeker/profile', { ...profile, wechatId: WECHAT_ID });
    const refused = await employer('POST', `/api/conversations/${conversationId}/wechat`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('交换微信');
    for (const url of [`/api/conversations/${conversationId}`, `/api/conversations/${conversationId}/messages`, '/api/conversations', `/api/employer/applications/${applicationId}`]) {
      expect((await employer('GET', url)).body, url).not.toContain(WECHAT_ID);
    }
    const [log] = await harness.context.db.query<{ count: number }>('select count(*) as count from phone_unmask_log');
    expect(log.count).toBe(0);
  });

  it('accepting without a WeChat ID asks for one; given, it is saved to the profile and the employer sees it, logged as a look', async () => {
    await seeker('PUT', '/api/seeker/profile', { ...profile, wechatId: '' });
    const { pendingContactRequests } = (await seeker('GET', `/api/conversations/${conversationId}`)).json();
    const wechatRequest = pendingContactRequests.find((request: { kind: string }) => request.kind === 'wechat');
    const url = `/api/conversations/${conversationId}/contact-requests/${wechatRequest.id}`;
    expect((await employer('POST', url, { decision: 'accept' })).statusCode).toBe(403);
    expect((await as('otherSeeker')('POST', url, { decision: 'accept', wechatId: WECHAT_ID })).statusCode).toBe(404);
    const missing = await seeker('POST', url, { decision: 'accept' });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error).toMatchObject({ reason: 'wechat_id_missing' });
    expect((await seeker('POST', url, { decision: 'accept', wechatId: '1bad' })).statusCode).toBe(400);

    const accepted = await seeker('POST', url, { decision: 'accept', wechatId: WECHAT_ID });
    expect(accepted.json()).toMatchObject({ id: wechatRequest.id, kind: 'wechat', status: 'accepted' });
    expect((await seeker('GET', '/api/seeker/profile')).json().profile.wechatId).toBe(WECHAT_ID);
    const conversation = (await employer('GET', `/api/conversations/${conversationId}`)).json();
    expect(conversation).toMatchObject({ hasWechatConsent: true, hasPhoneConsent: false });
    expect(conversation.pendingContactRequests.map((request: { kind: string }) => request.kind)).toEqual(['phone']);
    // The WeChat consent is not a phone consent.
    expect((await employer('POST', `/api/conversations/${conversationId}/phone`)).statusCode).toBe(403);
    expect((await employer('POST', `/api/employer/applications/${applicationId}/unmask`)).statusCode).toBe(403);

    const shown = await employer('POST', `/api/conversations/${conversationId}/wechat`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ wechatId: WECHAT_ID });
    expect((await as('stranger')('POST', `/api/conversations/${conversationId}/wechat`)).statusCode).toBe(404);
    expect((await seeker('POST', `/api/conversations/${conversationId}/wechat`)).statusCode).toBe(403);

    const mine = (await seeker('GET', '/api/seeker/contact-consents')).json();
    expect(mine.consents).toEqual([expect.objectContaining({ kind: 'wechat', companyId, source: 'conversation', withdrawnAt: null })]);
    expect(mine.looks).toEqual([expect.objectContaining({ kind: 'wechat', conversationId, jobTitle: '物流分拣员' })]);
    // The application's 查看记录 lists looks at the number only.
    expect((await employer('GET', `/api/employer/applications/${applicationId}`)).json().phoneViews).toEqual([]);
    const notices = (await seeker('GET', '/api/notifications')).json();
    expect(JSON.stringify(notices)).toContain('查看了你的微信号');
  });

  it('withdrawing stops later looks at the WeChat ID (earlier ones stay logged)', async () => {
    const { consents } = (await seeker('GET', '/api/seeker/contact-consents')).json();
    const withdrawn = await seeker('POST', `/api/seeker/contact-consents/${consents[0].id}/withdraw`);
    expect(withdrawn.json().consents[0].withdrawnAt).not.toBeNull();
    expect(withdrawn.json().looks).toHaveLength(1);
    expect((await employer('POST', `/api/conversations/${conversationId}/wechat`)).statusCode).toBe(403);
    expect((await employer('GET', `/api/conversations/${conversationId}`)).json().hasWechatConsent).toBe(false);
    // Asking again is possible; the seeker may refuse.
    const again = (await employer('POST', `/api/conversations/${conversationId}/contact-requests`, { kind: 'wechat' })).json();
    const refused = await seeker('POST', `/api/conversations/${conversationId}/contact-requests/${again.id}`, { decision: 'refuse' });
    expect(refused.json()).toMatchObject({ kind: 'wechat', status: 'refused' });
    expect((await employer('POST', `/api/conversations/${conversationId}/wechat`)).statusCode).toBe(403);
  });

  it('puts the WeChat ID, the consents and the looks in the data download and removes the ID with the account', async () => {
    const data = (await seeker('GET', '/api/me/personal-data')).json();
    expect(data.seekerProfile.wechatId).toBe(WECHAT_ID);
    expect(data.contactConsents.consents[0]).toMatchObject({ kind: 'wechat' });
    expect(data.contactConsents.phoneLooks[0]).toMatchObject({ kind: 'wechat' });
    const requests = data.conversations[0].contactRequests.map((request: { kind: string; status: string }) => `${request.kind}:${request.status}`);
    expect(requests).toEqual(['phone:pending', 'wechat:accepted', 'wechat:refused']);

    expect((await seeker('POST', '/api/me/delete-account', { password: TEST_PASSWORD, confirm: 'DELETE' })).statusCode).toBe(200);
    const [left] = await harness.context.db.query<{ profiles: number; withId: number; consents: number; looks: number }>(
      `select (select count(*) from seeker_profiles where user_id = $1) as profiles,
              (select count(*) from seeker_profiles where wechat_id = $2) as "withId",
              (select count(*) from contact_consents where seeker_user_id = $1) as consents,
              (select count(*) from phone_unmask_log where seeker_user_id = $1) as looks`,
      [seekerId, WECHAT_ID],
    );
    expect(left).toEqual({ profiles: 0, withId: 0, consents: 0, looks: 0 });
  });
});
