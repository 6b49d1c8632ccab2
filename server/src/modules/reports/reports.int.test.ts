import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signUpWithCode } from '../../test/http-helpers.js';
import { buildSeeker, buildSession, nextPhone, sessionCookie, signIn } from '../../test/pipeline-factories.js';

type Harness = Awaited<ReturnType<typeof createTestApp>>;

describe('reports, the admin queue, suspensions and bans', () => {
  let harness: Harness;
  let seekerCookies: Record<string, string>;
  let otherSeekerCookies: Record<string, string>;
  let adminCookies: Record<string, string>;
  let seekerId: string;
  let jobId: string;
  let companyId: string;
  let sessionId: string;
  let hostId: string;
  let hostPhone: string;

  const inject = (method: 'GET' | 'POST', url: string, cookies: Record<string, string> | undefined, payload?: unknown) =>
    harness.app.inject({ method, url, cookies, payload: payload as never });

  beforeAll(async () => {
    harness = await createTestApp();
    const { company, employer } = await buildCompany(harness.context);
    companyId = company.id;
    jobId = (await buildJob(harness.context, employer)).id;
    hostPhone = nextPhone();
    const host = await buildUser(harness.context, { role: 'host', phone: hostPhone });
    hostId = host.id;
    sessionId = (await buildSession(harness.context, host, { jobIds: [jobId] })).id;
    const seeker = await buildSeeker(harness.context);
    seekerId = seeker.id;
    seekerCookies = await sessionCookie(harness.context, seeker.id);
    otherSeekerCookies = await signIn(harness.app, (await buildSeeker(harness.context)).phone);
    const admin = await buildUser(harness.context, { role: 'admin' });
    adminCookies = await sessionCookie(harness.context, admin.id);
  });
  afterAll(async () => harness.close());

  it('files a report once however often it is sent, and names a missing field', async () => {
    const body = { targetKind: 'job', targetId: jobId, reason: 'fee_request', details: '面试要交300元服装费' };
    const first = await inject('POST', '/api/reports', seekerCookies, body);
    expect(first.statusCode).toBe(201);
    const again = await inject('POST', '/api/reports', seekerCookies, body);
    expect(again.json().id).toBe(first.json().id);
    await inject('POST', '/api/reports', otherSeekerCookies, { ...body, reason: 'fake_job', details: '' });
    const other = await inject('POST', '/api/reports', seekerCookies, { targetKind: 'session', targetId: sessionId, reason: 'other', details: '' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0].path).toBe('body.details');
    const unknown = await inject('POST', '/api/reports', seekerCookies, { targetKind: 'job', targetId: sessionId, reason: 'fake_job' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.targetId');
    expect((await inject('POST', '/api/reports', undefined, body)).statusCode).toBe(401);
  });

  it('shows admins the queue with how many open reports each target has; nobody else', async () => {
    expect((await inject('GET', '/api/admin/reports', seekerCookies)).statusCode).toBe(403);
    const queue = await inject('GET', '/api/admin/reports', adminCookies);
    expect(queue.statusCode).toBe(200);
    expect(queue.json().reports).toHaveLength(2);
    expect(queue.json().reports[0]).toMatchObject({ targetKind: 'job', jobId, companyId, reason: 'fee_request', openReportsOnTarget: 2, status: 'open' });
  });

  it('resolves a job report by suspending the company: its job disappears and the reporter is told', async () => {
    const [report] = (await inject('GET', '/api/admin/reports', adminCookies)).json().reports;
    const resolved = await inject('POST', `/api/admin/reports/${report.id}/resolve`, adminCookies, { decision: 'resolve', note: '核实收费属实，暂停企业', suspendCompany: true });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', companyStatus: 'suspended' });
    expect((await inject('GET', `/api/jobs/${jobId}`, seekerCookies)).statusCode).toBe(404);
    const mine = await inject('GET', '/api/reports/mine', seekerCookies);
    expect(mine.json().reports[0]).toMatchObject({ status: 'resolved', resolution: '核实收费属实，暂停企业' });
    const [notice] = await harness.context.db.query<{ kind: string }>(`select kind from notifications where user_id = $1 and kind = 'report.closed'`, [seekerId]);
    expect(notice).toBeDefined();
    const actions = await harness.context.db.query<{ action: string }>('select action from moderation_actions where report_id = $1 order by id', [report.id]);
    expect(actions.map((row) => row.action)).toEqual(['resolve_report', 'suspend_company']);
    const twice = await inject('POST', `/api/admin/reports/${report.id}/resolve`, adminCookies, { decision: 'dismiss', note: '重复' });
    expect(twice.statusCode).toBe(409);
  });

  it('bans a reported host: sessions end, sign-in is refused and the phone cannot register again', async () => {
    const hostCookies = await signIn(harness.app, hostPhone);
    const filed = await inject('POST', '/api/reports', seekerCookies, { targetKind: 'session', targetId: sessionId, reason: 'harassment', details: '主播私信骚扰' });
    expect(filed.json()).toMatchObject({ targetKind: 'session' });
    const wrongAction = await inject('POST', `/api/admin/reports/${filed.json().id}/resolve`, adminCookies, { decision: 'resolve', note: '处理', suspendCompany: true });
    expect(wrongAction.statusCode).toBe(400);
    expect(wrongAction.json().error.fields[0].path).toBe('body.suspendCompany');
    const banned = await inject('POST', `/api/admin/reports/${filed.json().id}/resolve`, adminCookies, { decision: 'resolve', note: '骚扰属实，封禁主播', banHost: true });
    expect(banned.json()).toMatchObject({ status: 'resolved', isHostBanned: true });

    expect((await inject('GET', '/api/auth/me', hostCookies)).json().user).toBeNull();
    const signInAgain = await inject('POST', '/api/auth/sign-in', undefined, { login: hostPhone, password: 'test-password-1' });
    expect(signInAgain.statusCode).toBe(403);
    // Since 4c46d3b the ban shows only to whoever proves the phone with its SMS code (a wrong code is a plain 400).
    const reRegister = await signUpWithCode(harness.app, harness.context, { role: 'host', phone: hostPhone, email: 'new-name@example.test', password: 'another-pass-1', displayName: '换个马甲' });
    expect(reRegister.statusCode).toBe(403);
    expect(reRegister.json().error.fields[0]).toEqual({ path: 'body.phone', message: 'This phone number is blocked / 该手机号已被封禁' });
    const [row] = await harness.context.db.query<{ user_id: string }>('select user_id from banned_phones where phone = $1', [hostPhone]);
    expect(row.user_id).toBe(hostId);
  });

  it('bans and unbans a user directly; admins cannot be banned', async () => {
    const seeker = await buildSeeker(harness.context);
    const ban = await inject('POST', `/api/admin/users/${seeker.id}/ban`, adminCookies, { reason: '多次发布诈骗信息' });
    expect(ban.json()).toEqual({ userId: seeker.id, bannedPhones: 1 });
    expect((await signUpWithCode(harness.app, harness.context, { role: 'seeker', phone: seeker.phone, password: 'another-pass-1', displayName: 'x' })).statusCode).toBe(403);
    await inject('POST', `/api/admin/users/${seeker.id}/unban`, adminCookies, { reason: '误封' });
    // The code above was sent a moment ago: a new one may be asked for after 60 s.
    await harness.context.db.query(`update phone_codes set sent_at = sent_at - interval '2 minutes' where phone = $1`, [seeker.phone]);
    // Unbanned: the number is no longer blocked; its holder signing up again is signed in to the account it has.
    const again = await signUpWithCode(harness.app, harness.context, { role: 'seeker', phone: seeker.phone, password: 'another-pass-1', displayName: 'x' });
    expect(again.statusCode).toBe(201);
    expect(again.json().user.id).toBe(seeker.id);
    expect((await inject('POST', '/api/auth/sign-in', undefined, { login: seeker.phone, password: 'test-password-1' })).statusCode).toBe(200);
    const [admin] = await harness.context.db.query<{ id: string }>(`select id from users where role = 'admin' limit 1`);
    expect((await inject('POST', `/api/admin/users/${admin.id}/ban`, adminCookies, { reason: 'test' })).statusCode).toBe(403);
  });
  it('takes reports on a session and on a company (its public page); suspending a reported company hides its page', async () => {
    const { company, employer } = await buildCompany(harness.context, { name: '苏州某人力中介' });
    const job = await buildJob(harness.context, employer);
    const host = await buildUser(harness.context, { role: 'host', displayName: '带岗阿强' });
    const session = await buildSession(harness.context, host, { jobIds: [job.id], status: 'live' });
    const onSession = await inject('POST', '/api/reports', seekerCookies, { targetKind: 'session', targetId: session.id, reason: 'fee_request', details: '直播里让先交200元体检费' });
    expect(onSession.statusCode).toBe(201);
    const body = { targetKind: 'company', targetId: company.id, reason: 'fee_request', details: '入职前收500元押金' };
    const first = await inject('POST', '/api/reports', seekerCookies, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ targetKind: 'company', companyName: '苏州某人力中介', jobTitle: null, sessionTitle: null });
    expect((await inject('POST', '/api/reports', seekerCookies, body)).json().id).toBe(first.json().id);
    await inject('POST', '/api/reports', otherSeekerCookies, { ...body, details: '' });
    // A job report on the same company is a different target.
    await inject('POST', '/api/reports', otherSeekerCookies, { targetKind: 'job', targetId: job.id, reason: 'fake_job' });
    const wrong = await inject('POST', '/api/reports', seekerCookies, { ...body, targetId: session.id });
    expect(wrong.json().error.fields[0].path).toBe('body.targetId');

    const queue = (await inject('GET', '/api/admin/reports', adminCookies)).json().reports;
    expect(queue.find((report: { id: number }) => report.id === onSession.json().id)).toMatchObject({
      targetKind: 'session', sessionId: session.id, hostUserId: host.id, hostName: '带岗阿强', openReportsOnTarget: 1,
    });
    expect(queue.find((report: { id: number }) => report.id === first.json().id)).toMatchObject({
      targetKind: 'company', companyId: company.id, companyName: '苏州某人力中介', jobId: null, sessionId: null, openReportsOnTarget: 2,
    });
    const resolved = await inject('POST', `/api/admin/reports/${first.json().id}/resolve`, adminCookies, { decision: 'resolve', note: '核实收取押金，暂停企业', suspendCompany: true });
    expect(resolved.json()).toMatchObject({ status: 'resolved', companyStatus: 'suspended' });
    expect((await inject('GET', `/api/companies/${company.id}`, seekerCookies)).statusCode).toBe(404);
  });
});
