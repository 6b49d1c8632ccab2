import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildJobInput, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signIn } from '../../test/http-helpers.js';
import { buildLiveSession, buildSeeker } from '../../test/live-helpers.js';

describe('jobs: publishing, browsing, authorization', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => harness.close());

  const countJobs = async () => (await harness.context.db.query<{ count: number }>('select count(*) as count from jobs'))[0].count;

  it('a verified employer publishes a job and a seeker finds it with filters', async () => {
    const { employer } = await buildCompany(harness.context, { cityCode: '320500' });
    const cookies = await signIn(harness.app, employer.email!);
    const created = await harness.app.inject({ method: 'POST', url: '/api/employer/jobs', cookies, payload: buildJobInput({ title: '苏州电子厂普工', cityCode: '320500', housing: 'couple_room' }) });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ title: '苏州电子厂普工', cityName: '苏州', provinceName: '江苏', categoryName: '普工', housing: 'couple_room' });

    const found = await harness.app.inject({ method: 'GET', url: '/api/jobs?cityCode=320500&categoryCode=general_worker&housing=dormitory&minMonthlyPay=6000' });
    expect(found.json().jobs.map((job: { id: string }) => job.id)).toContain(created.json().id);
    const otherCity = await harness.app.inject({ method: 'GET', url: '/api/jobs?cityCode=110000' });
    expect(otherCity.json().jobs.map((job: { id: string }) => job.id)).not.toContain(created.json().id);
    const detail = await harness.app.inject({ method: 'GET', url: `/api/jobs/${created.json().id}` });
    expect(detail.json().payHourly).toBe(22);
  });

  it('an unverified company cannot publish', async () => {
    const { employer } = await buildCompany(harness.context, { status: 'pending' });
    const cookies = await signIn(harness.app, employer.email!);
    const before = await countJobs();
    const response = await harness.app.inject({ method: 'POST', url: '/api/employer/jobs', cookies, payload: buildJobInput() });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/verified/);
    expect(await countJobs()).toBe(before);
  });

  it('refuses a posting that asks for a deposit or limits age, naming the words and writing nothing', async () => {
    const { employer } = await buildCompany(harness.context);
    const cookies = await signIn(harness.app, employer.email!);
    const before = await countJobs();
    const response = await harness.app.inject({
      method: 'POST', url: '/api/employer/jobs', cookies,
      payload: buildJobInput({ requirements: '年龄18-45岁，入职交押金200元', benefits: '包吃住' }),
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error.code).toBe('posting_rejected');
    expect(body.error.message).toContain('押金');
    expect(body.error.message).toContain('18-45岁');
    expect(body.error.fields.map((field: { path: string }) => field.path)).toEqual(['body.requirements', 'body.requirements']);
    expect(await countJobs()).toBe(before);
  });

  it('refuses 婚育, 民族 and 户籍 conditions and the English forms of the rules, and publishes the honest negations', async () => {
    const { employer } = await buildCompany(harness.context);
    const cookies = await signIn(harness.app, employer.email!);
    const before = await countJobs();
    const refused = await harness.app.inject({
      method: 'POST', url: '/api/employer/jobs', cookies,
      payload: buildJobInput({ requirements: '要求已婚已育，仅限汉族，仅限苏州本地人', benefits: 'Male only, age 18-35, deposit required' }),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('posting_rejected');
    for (const word of ['要求已婚已育', '仅限汉族', '仅限苏州本地人', 'Male only', 'age 18-35', 'deposit']) expect(refused.json().error.message).toContain(word);
    expect(await countJobs()).toBe(before);
    const honest = await harness.app.inject({
      method: 'POST', url: '/api/employer/jobs', cookies,
      payload: buildJobInput({ requirements: '婚育不限，民族不限，户籍不限', benefits: 'No deposit, no fees; no age limit' }),
    });
    expect(honest.statusCode).toBe(201);
  });

  it('names invalid fields: no pay, reversed validity, unknown category', async () => {
    const { employer } = await buildCompany(harness.context);
    const cookies = await signIn(harness.app, employer.email!);
    const missingPay = await harness.app.inject({
      method: 'POST', url: '/api/employer/jobs', cookies,
      payload: { ...buildJobInput({ validFrom: '2026-12-01', validUntil: '2026-11-01' }), payMonthlyMin: undefined, payMonthlyMax: undefined, payHourly: undefined },
    });
    expect(missingPay.statusCode).toBe(400);
    expect(missingPay.json().error.fields.map((field: { path: string }) => field.path)).toEqual(['body.payMonthlyMin', 'body.validUntil']);
    const unknownCategory = await harness.app.inject({ method: 'POST', url: '/api/employer/jobs', cookies, payload: buildJobInput({ categoryCode: 'astronaut' }) });
    expect(unknownCategory.statusCode).toBe(400);
    expect(unknownCategory.json().error.fields[0].path).toBe('body.categoryCode');
  });

  it('one company cannot edit or close another company’s job', async () => {
    const first = await buildCompany(harness.context);
    const second = await buildCompany(harness.context);
    const job = await buildJob(harness.context, first.employer);
    const cookies = await signIn(harness.app, second.employer.email!);
    const edit = await harness.app.inject({ method: 'PUT', url: `/api/employer/jobs/${job.id}`, cookies, payload: buildJobInput({ title: '被篡改' }) });
    expect(edit.statusCode).toBe(403);
    const close = await harness.app.inject({ method: 'POST', url: `/api/employer/jobs/${job.id}/status`, cookies, payload: { status: 'closed' } });
    expect(close.statusCode).toBe(403);
    const [row] = await harness.context.db.query<{ title: string; status: string }>('select title, status from jobs where id = $1', [job.id]);
    expect(row).toEqual({ title: job.title, status: 'open' });
    const own = await harness.app.inject({ method: 'POST', url: `/api/employer/jobs/${job.id}/status`, cookies: await signIn(harness.app, first.employer.email!), payload: { status: 'closed' } });
    expect(own.json().status).toBe('closed');
  });

  it('a seeker, a host and an anonymous visitor cannot reach employer routes', async () => {
    const seeker = await buildUser(harness.context, { role: 'seeker' });
    const host = await buildUser(harness.context, { role: 'host' });
    expect((await harness.app.inject({ method: 'POST', url: '/api/employer/jobs', payload: buildJobInput() })).statusCode).toBe(401);
    for (const user of [seeker, host]) {
      const cookies = await signIn(harness.app, user.email!);
      expect((await harness.app.inject({ method: 'GET', url: '/api/employer/jobs', cookies })).statusCode).toBe(403);
      expect((await harness.app.inject({ method: 'POST', url: '/api/employer/jobs', cookies, payload: buildJobInput() })).statusCode).toBe(403);
    }
  });

  it('suspending a company hides its jobs from seekers', async () => {
    const { company, employer } = await buildCompany(harness.context);
    const job = await buildJob(harness.context, employer, { title: '即将下架的岗位' });
    const admin = await buildUser(harness.context, { role: 'admin' });
    expect((await harness.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode).toBe(200);
    const cookies = await signIn(harness.app, admin.email!);
    const suspended = await harness.app.inject({ method: 'POST', url: `/api/admin/companies/${company.id}/review`, cookies, payload: { decision: 'suspend', reason: '收取求职者费用' } });
    expect(suspended.json().status).toBe('suspended');
    expect((await harness.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode).toBe(404);
    const list = await harness.app.inject({ method: 'GET', url: '/api/jobs?pageSize=100' });
    expect(list.json().jobs.map((item: { id: string }) => item.id)).not.toContain(job.id);
  });

  it("suspending a company takes its jobs out of live sessions' job lists, and nobody applies to them from a session", async () => {
    const { company, jobA, session } = await buildLiveSession(harness.context);
    const admin = await buildUser(harness.context, { role: 'admin' });
    const seeker = await buildSeeker(harness.context);
    const seekerCookies = await signIn(harness.app, seeker.email!);
    const listed = async () => (await harness.app.inject({ method: 'GET', url: `/api/sessions/${session.id}`, cookies: seekerCookies })).json().jobs.map((job: { jobId: string }) => job.jobId);
    expect(await listed()).toContain(jobA.id);
    await harness.app.inject({ method: 'POST', url: `/api/admin/companies/${company.id}/review`, cookies: await signIn(harness.app, admin.email!), payload: { decision: 'suspend', reason: '虚假招聘' } });
    expect(await listed()).toEqual([]);
    const detail = (await harness.app.inject({ method: 'GET', url: `/api/sessions/${session.id}` })).json();
    expect(detail).toMatchObject({ jobCount: 0, employerNames: [], employers: [] });
    const apply = await harness.app.inject({ method: 'POST', url: '/api/applications', cookies: seekerCookies, payload: { jobId: jobA.id, sessionId: session.id } });
    // The seeker is told why (the company is suspended), not just "not found".
    expect(apply.statusCode).toBe(409);
    expect(apply.json().error.reason).toBe('company_suspended');
    const [{ count }] = await harness.context.db.query<{ count: number }>('select count(*)::int as count from applications where job_id = $1', [jobA.id]);
    expect(count).toBe(0);
  });

  it('an expired posting disappears from the list', async () => {
    const { employer } = await buildCompany(harness.context);
    const job = await buildJob(harness.context, employer, { validFrom: '2020-01-01', validUntil: '2020-06-30', title: '过期岗位' });
    const list = await harness.app.inject({ method: 'GET', url: '/api/jobs?q=过期岗位' });
    expect(list.json().jobs.map((item: { id: string }) => item.id)).not.toContain(job.id);
  });
});
