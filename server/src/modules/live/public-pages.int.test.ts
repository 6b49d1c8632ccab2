// The public company and host pages' endpoints: what anyone may read (no email, no phone, no credit code),
// who is hidden (pending or suspended companies, seekers, banned or deleted hosts), their jobs and sessions,
// and trust figures that appear only from the configured minimum sample.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession, sessionCookie } from '../../test/pipeline-factories.js';
import { addDays, chinaDate } from '../pipeline/pipeline-state.js';

type Harness = Awaited<ReturnType<typeof createTestApp>>;
const DAY = 86_400_000;
const MIN_SAMPLE = 3;
const PERSONAL = /@|1[3-9]\d{9}|creditCode|password|email|phone/i;

describe('public company and host pages', () => {
  let harness: Harness;
  let verified: Awaited<ReturnType<typeof buildCompany>>;
  let suspended: Awaited<ReturnType<typeof buildCompany>>;
  let pending: Awaited<ReturnType<typeof buildCompany>>;
  let host: Awaited<ReturnType<typeof buildUser>>;
  let openJobId: string;
  let sessions: Record<'live' | 'scheduled' | 'ended' | 'other', string>;
  const cookies: Record<string, Record<string, string>> = {};

  const get = (url: string, cookie?: Record<string, string>) => harness.app.inject({ method: 'GET', url, cookies: cookie });

  beforeAll(async () => {
    harness = await createTestApp({ TRUST_SIGNAL_MIN_SAMPLE: String(MIN_SAMPLE) });
    const { context } = harness;
    verified = await buildCompany(context, { name: '苏州众信人力资源有限公司' });
    await context.db.query(`update companies set account_type = 'agency', hr_licence_number = '320500202100123' where id = $1`, [verified.company.id]);
    suspended = await buildCompany(context, { name: '黑心劳务派遣', status: 'suspended' });
    pending = await buildCompany(context, { name: '待审核电子厂', status: 'pending' });
    openJobId = (await buildJob(context, verified.employer, { title: '电子厂普工' })).id;
    const closedJob = await buildJob(context, verified.employer, { title: '已招满的质检员' });
    await context.db.query(`update jobs set status = 'closed' where id = $1`, [closedJob.id]);
    const otherCompany = await buildCompany(context, { name: '昆山仓储物流' });
    const otherJob = await buildJob(context, otherCompany.employer, { title: '仓库分拣员', categoryCode: 'express_warehouse' });
    host = await buildUser(context, { role: 'host', displayName: '小李带岗', phone: '13912340000' });
    const otherHost = await buildUser(context, { role: 'host', displayName: '老王' });
    sessions = {
      live: (await buildSession(context, host, { title: '众信专场·直播中', jobIds: [openJobId], status: 'live' })).id,
      scheduled: (await buildSession(context, host, { title: '众信专场·明晚', jobIds: [openJobId], status: 'scheduled', startsAt: new Date(Date.now() + DAY) })).id,
      ended: (await buildSession(context, host, { title: '众信专场·回放', jobIds: [openJobId], status: 'ended', startsAt: new Date(Date.now() - DAY) })).id,
      other: (await buildSession(context, otherHost, { title: '物流专场', jobIds: [otherJob.id], status: 'scheduled', startsAt: new Date(Date.now() + DAY) })).id,
    };
    cookies.admin = await sessionCookie(context, (await buildUser(context, { role: 'admin' })).id);
    cookies.suspendedEmployer = await sessionCookie(context, suspended.employer.id);
    cookies.employer = await sessionCookie(context, verified.employer.id);
  });
  afterAll(async () => harness.close());

  it('shows a verified company: name, account type with the agency licence, city, industry, and nothing personal', async () => {
    const response = await get(`/api/companies/${verified.company.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: verified.company.id, name: '苏州众信人力资源有限公司', accountType: 'agency', hrLicenceNumber: '320500202100123',
      status: 'verified', cityName: expect.stringContaining('苏州'), industryName: expect.any(String),
    });
    expect(response.body).not.toMatch(PERSONAL);
    expect(response.body).not.toContain(verified.employer.id);
    expect(response.body).not.toContain(verified.company.creditCode);
  });

  it('answers 404 to the public for suspended and pending companies, and for everything hung off them', async () => {
    for (const company of [suspended.company, pending.company]) {
      expect((await get(`/api/companies/${company.id}`)).statusCode).toBe(404);
      expect((await get(`/api/companies/${company.id}/sessions`)).statusCode).toBe(404);
      expect((await get(`/api/companies/${company.id}/trust-signals`)).statusCode).toBe(404);
    }
    expect((await get(`/api/companies/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await get(`/api/companies/not-a-uuid`)).statusCode).toBe(400);
    // Its own members and admins still see it, with its status.
    expect((await get(`/api/companies/${suspended.company.id}`, cookies.suspendedEmployer)).json().status).toBe('suspended');
    expect((await get(`/api/companies/${suspended.company.id}`, cookies.admin)).statusCode).toBe(200);
    // Another company's member is the public.
    expect((await get(`/api/companies/${suspended.company.id}`, cookies.employer)).statusCode).toBe(404);
  });

  it("lists the company's open jobs only", async () => {
    const response = await get(`/api/jobs?companyId=${verified.company.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, jobs: [{ id: openJobId, title: '电子厂普工', companyId: verified.company.id }] });
    expect((await get(`/api/jobs?companyId=nope`)).json().error.fields[0].path).toBe('querystring.companyId');
  });

  it("lists the sessions presenting the company's jobs: live and upcoming, or replays", async () => {
    const current = (await get(`/api/companies/${verified.company.id}/sessions`)).json().sessions;
    expect(current.map((session: { id: string }) => session.id)).toEqual([sessions.live, sessions.scheduled]);
    expect(current[1]).toMatchObject({ hostUserId: host.id, hostName: '小李带岗', employers: [{ companyId: verified.company.id, name: '苏州众信人力资源有限公司' }] });
    expect(current[1].secondsUntilStart).toBeGreaterThan(80_000);
    const replays = (await get(`/api/companies/${verified.company.id}/sessions?status=ended`)).json().sessions;
    expect(replays.map((session: { id: string }) => session.id)).toEqual([sessions.ended]);
    expect(JSON.stringify([current, replays])).not.toMatch(PERSONAL);
  });

  it("shows a host's page: display name, role, counts; never the email or phone", async () => {
    const response = await get(`/api/hosts/${host.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: host.id, displayName: '小李带岗', role: 'host', company: null, sessionCounts: { live: 1, scheduled: 1, ended: 1 }, isSynthetic: false });
    expect(response.body).not.toMatch(PERSONAL);
    const upcoming = (await get(`/api/hosts/${host.id}/sessions`)).json().sessions;
    expect(upcoming.map((session: { id: string }) => session.id)).toEqual([sessions.live, sessions.scheduled]);
    const replays = (await get(`/api/hosts/${host.id}/sessions?status=ended`)).json().sessions;
    expect(replays.map((session: { id: string }) => session.id)).toEqual([sessions.ended]);
  });

  it('has no host page for seekers, banned or deleted accounts; an employer hosting its own session has one', async () => {
    const { context } = harness;
    const seeker = await buildSeeker(context);
    expect((await get(`/api/hosts/${seeker.id}`)).statusCode).toBe(404);
    expect((await get(`/api/hosts/${seeker.id}/sessions`)).statusCode).toBe(404);
    expect((await get(`/api/hosts/${seeker.id}/trust-signals`)).statusCode).toBe(404);
    const banned = await buildUser(context, { role: 'host' });
    await context.db.query('update users set banned_at = now() where id = $1', [banned.id]);
    const deleted = await buildUser(context, { role: 'host' });
    await context.db.query('update users set deleted_at = now() where id = $1', [deleted.id]);
    for (const user of [banned, deleted]) {
      expect((await get(`/api/hosts/${user.id}`)).statusCode).toBe(404);
      expect((await get(`/api/hosts/${user.id}/trust-signals`)).statusCode).toBe(404);
    }
    // A direct employer presenting its own jobs is the host of that session.
    const direct = await buildCompany(context, { name: '常熟纺织' });
    expect((await get(`/api/hosts/${direct.employer.id}`)).statusCode).toBe(404);
    await buildSession(context, direct.employer, { status: 'scheduled', startsAt: new Date(Date.now() + DAY) });
    expect((await get(`/api/hosts/${direct.employer.id}`)).json()).toMatchObject({ role: 'employer', company: { id: direct.company.id, name: '常熟纺织' } });
    expect((await get(`/api/hosts/${direct.employer.id}/trust-signals`)).statusCode).toBe(200);
  });

  it(`shows trust figures only from ${MIN_SAMPLE} cases (TRUST_SIGNAL_MIN_SAMPLE)`, async () => {
    const { context } = harness;
    const employer = (url: string, payload: object) => harness.app.inject({ method: 'POST', url, cookies: cookies.employer, payload });
    const trust = async () => ({
      company: (await get(`/api/companies/${verified.company.id}/trust-signals`)).json(),
      host: (await get(`/api/hosts/${host.id}/trust-signals`)).json(),
    });
    // Applications through the host's session, contacted; hired ones onboarded 9 days ago and their 7-day outcome recorded.
    const addCase = async (outcome: 'stay' | 'left' | null) => {
      const seeker = await buildSeeker(context);
      const id = await buildApplication(context, { jobId: openJobId, seekerUserId: seeker.id, sessionId: sessions.ended, appliedAt: new Date(Date.now() - 12 * DAY) });
      expect((await employer(`/api/employer/applications/${id}/transitions`, { action: 'contact' })).statusCode).toBe(200);
      if (!outcome) return;
      await employer(`/api/employer/applications/${id}/transitions`, { action: 'hire' });
      await employer(`/api/employer/applications/${id}/transitions`, { action: 'onboard', startDate: addDays(chinaDate(new Date()), -9) });
      const change = outcome === 'stay' ? { action: 'confirm_stay' } : { action: 'record_left', reason: '嫌累' };
      expect((await employer(`/api/employer/applications/${id}/transitions`, change)).statusCode).toBe(200);
    };

    await addCase('stay');
    await addCase('left');
    let figures = await trust();
    for (const subject of [figures.company, figures.host]) {
      // Counts on a public page follow the public figures' rule: withheld (null) below PUBLIC_MIN_COUNT (10).
      expect(subject).toMatchObject({ minimumSample: MIN_SAMPLE, applications: null, sevenDayOutcomes: null, medianHoursToFirstContact: null, contactedShare: null, sevenDayStayRate: null, hasEnoughData: false });
    }

    await addCase('stay');
    figures = await trust();
    for (const subject of [figures.company, figures.host]) {
      expect(subject).toMatchObject({ applications: null, sevenDayOutcomes: null, contactedShare: 1, hasEnoughData: true });
      expect(subject.sevenDayStayRate).toBeCloseTo(2 / 3, 10);
      expect(subject.medianHoursToFirstContact).toBeGreaterThan(12 * 24 - 1);
    }
    expect(figures.host).toMatchObject({ hostUserId: host.id, hostName: '小李带岗' });
    expect(JSON.stringify(figures)).not.toMatch(PERSONAL);

    // From 10 applications the count is shown; 3 recorded outcomes stay withheld.
    for (let index = 0; index < 6; index += 1) await addCase(null);
    expect((await trust()).company).toMatchObject({ applications: null });
    await addCase(null);
    figures = await trust();
    for (const subject of [figures.company, figures.host]) expect(subject).toMatchObject({ applications: 10, sevenDayOutcomes: null, contactedShare: 1 });
  });
});
