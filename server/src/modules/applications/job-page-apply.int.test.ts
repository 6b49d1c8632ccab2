import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signIn } from '../../test/http-helpers.js';
import { buildLiveSession, buildSeeker } from '../../test/live-helpers.js';

// Applying from a job page (no session): the same one-tap, idempotent apply as the live room, source job_page.
describe('apply from the job page', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const cookieOf = async (login: string) => `jobcast_session=${(await signIn(testApp.app, login)).jobcast_session}`;
  const apply = (cookie: string, payload: Record<string, unknown>) => testApp.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload });
  const appliedJobIds = async (cookie: string) =>
    (await testApp.app.inject({ method: 'GET', url: '/api/applications/mine/job-ids', headers: { cookie } })).json().jobIds as string[];

  it('is one job_page application however often it is tapped, and lists the job as applied', async () => {
    const { employer } = await buildCompany(testApp.context);
    const job = await buildJob(testApp.context, employer);
    const other = await buildJob(testApp.context, employer, { title: '仓库分拣员' });
    const seeker = await buildSeeker(testApp.context, '钱一');
    const cookie = await cookieOf(seeker.email!);
    expect(await appliedJobIds(cookie)).toEqual([]);
    const taps = await Promise.all(Array.from({ length: 4 }, () => apply(cookie, { jobId: job.id })));
    expect(taps.map((tap) => tap.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(taps.map((tap) => tap.json().id)).size).toBe(1);
    expect(taps[0].json()).toMatchObject({ jobId: job.id, sessionId: null, source: 'job_page', status: 'submitted' });
    const [row] = await testApp.context.db.query<{ count: number; source: string }>(
      'select count(*)::int as count, min(source) as source from applications where seeker_user_id = $1', [seeker.id]);
    expect(row).toEqual({ count: 1, source: 'job_page' });
    expect(await appliedJobIds(cookie)).toEqual([job.id]);
    expect(await appliedJobIds(cookie)).not.toContain(other.id);
    // Someone else's applications are not this seeker's.
    const stranger = await buildSeeker(testApp.context);
    expect(await appliedJobIds(await cookieOf(stranger.email!))).toEqual([]);
  });

  it('asks a new seeker for the quick profile first, then applies with it', async () => {
    const { employer } = await buildCompany(testApp.context);
    const job = await buildJob(testApp.context, employer);
    const seeker = await buildUser(testApp.context, { role: 'seeker' });
    const cookie = await cookieOf(seeker.email!);
    const missing = await apply(cookie, { jobId: job.id });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('body.profile');
    const applied = await apply(cookie, { jobId: job.id, profile: { name: '孙二', phone: '13912340001', homeCityCode: '411600' } });
    expect(applied.statusCode).toBe(201);
    expect(applied.json().source).toBe('job_page');
  });

  it('refuses a closed job and a suspended company with a message a seeker can read, writing nothing', async () => {
    const { company, employer } = await buildCompany(testApp.context);
    const closed = await buildJob(testApp.context, employer);
    const open = await buildJob(testApp.context, employer, { title: '包装工' });
    await testApp.context.jobs.setJobStatus(employer as never, closed.id, 'closed');
    const seeker = await buildSeeker(testApp.context);
    const cookie = await cookieOf(seeker.email!);
    const toClosed = await apply(cookie, { jobId: closed.id });
    expect(toClosed.statusCode).toBe(409);
    expect(toClosed.json().error).toMatchObject({ code: 'conflict', reason: 'job_closed' });
    expect(toClosed.json().error.message).toContain('该岗位已停止招聘');
    // Its page says why it cannot be seen any more.
    const closedPage = await testApp.app.inject({ method: 'GET', url: `/api/jobs/${closed.id}` });
    expect(closedPage.statusCode).toBe(404);
    expect(closedPage.json().error.reason).toBe('job_closed');

    await testApp.context.db.query("update companies set status = 'suspended' where id = $1", [company.id]);
    const toSuspended = await apply(cookie, { jobId: open.id });
    expect(toSuspended.statusCode).toBe(409);
    expect(toSuspended.json().error).toMatchObject({ reason: 'company_suspended' });
    expect(toSuspended.json().error.message).toContain('该企业已被暂停招聘');
    expect(toSuspended.json().error.message).toContain('suspended');
    expect((await testApp.app.inject({ method: 'GET', url: `/api/jobs/${open.id}` })).json().error.reason).toBe('company_suspended');

    const pending = await buildCompany(testApp.context, { status: 'pending' });
    await testApp.context.db.query("update companies set status = 'verified' where id = $1", [pending.company.id]);
    const neverPublic = await buildJob(testApp.context, pending.employer);
    await testApp.context.db.query("update companies set status = 'pending' where id = $1", [pending.company.id]);
    expect((await apply(cookie, { jobId: neverPublic.id })).statusCode).toBe(404);
    expect((await testApp.app.inject({ method: 'GET', url: `/api/jobs/${neverPublic.id}` })).json().error.reason).toBeUndefined();

    const [row] = await testApp.context.db.query<{ count: number }>('select count(*)::int as count from applications where seeker_user_id = $1', [seeker.id]);
    expect(row.count).toBe(0);
  });

  it('refuses a banned seeker: the old session no longer applies, signing in says the account is banned', async () => {
    const { employer } = await buildCompany(testApp.context);
    const job = await buildJob(testApp.context, employer);
    const seeker = await buildSeeker(testApp.context);
    const cookie = await cookieOf(seeker.email!);
    await testApp.context.db.query('update users set banned_at = now() where id = $1', [seeker.id]);
    expect((await apply(cookie, { jobId: job.id })).statusCode).toBe(401);
    const signInAgain = await testApp.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: seeker.email, password: TEST_PASSWORD } });
    expect(signInAgain.statusCode).toBe(403);
    expect(signInAgain.json().error.message).toContain('账号已被封禁');
    // A request already past the cookie check when the ban lands is refused by the service itself.
    await expect(testApp.context.applications.apply(seeker, { jobId: job.id })).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'account_banned' } });
    const [row] = await testApp.context.db.query<{ count: number }>('select count(*)::int as count from applications where seeker_user_id = $1', [seeker.id]);
    expect(row.count).toBe(0);
  });

  it("lists the sessions presenting a job (live and upcoming, then replays) and hides a suspended company's job", async () => {
    const { host, company, jobA, jobB, session } = await buildLiveSession(testApp.context);
    const later = await testApp.context.live.scheduleSession(host, { title: '只讲分拣员的专场', startsAt: new Date(Date.now() + 7200_000).toISOString(), jobIds: [jobB.id], coverText: '' });
    const list = async (jobId: string, status?: string) =>
      testApp.app.inject({ method: 'GET', url: `/api/jobs/${jobId}/sessions${status ? `?status=${status}` : ''}` });
    const forA = await list(jobA.id);
    expect(forA.statusCode).toBe(200);
    expect(forA.json().sessions.map((item: { id: string }) => item.id)).toEqual([session.id]);
    const forB = await list(jobB.id);
    expect(forB.json().sessions.map((item: { id: string }) => item.id)).toEqual([session.id, later.id]);
    expect((await list(jobA.id, 'ended')).json().sessions).toEqual([]);

    await testApp.context.live.handlePublishStarted(session.id);
    expect((await list(jobA.id)).json().sessions[0]).toMatchObject({ id: session.id, status: 'live' });
    await testApp.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/end`, headers: { cookie: await cookieOf(host.email!) } });
    expect((await list(jobA.id)).json().sessions).toEqual([]);
    expect((await list(jobA.id, 'ended')).json().sessions.map((item: { id: string }) => item.id)).toEqual([session.id]);

    // The host's page lists the jobs its sessions present.
    const hostJobs = await testApp.app.inject({ method: 'GET', url: `/api/jobs?hostUserId=${host.id}` });
    expect(hostJobs.json().jobs.map((job: { id: string }) => job.id).sort()).toEqual([jobA.id, jobB.id].sort());

    await testApp.context.db.query("update companies set status = 'suspended' where id = $1", [company.id]);
    expect((await list(jobA.id)).statusCode).toBe(404);
    expect((await testApp.app.inject({ method: 'GET', url: `/api/jobs?hostUserId=${host.id}` })).json().jobs).toEqual([]);
  });
});
