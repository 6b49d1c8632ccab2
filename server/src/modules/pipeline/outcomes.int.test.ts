import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../platform/http.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession } from '../../test/pipeline-factories.js';
import { createOutcomesService, createPipelineService, type PipelineAction } from './index.js';

/**
 * Hand-computed cases. Eight applications with a scripted history (times are China time, UTC+8); the
 * figures each test expects are worked out in the comments, not by the code under test.
 *
 *  id  company/job (category)  session  applied (CST)    history (hours after applying unless a date)
 *  a1  A / A1 (普工)            S1       01-05 10:00      contact +2, interview +3, seeker accepts, hire +48, onboard 01-08, stayed (01-15)
 *  a2  A / A1 (普工)            S1       01-05 12:00      contact +4, hire +24, onboard 01-07, left (01-10)
 *  a3  A / A1 (普工)            S1       01-06 09:00      view +1, reject
 *  a4  A / A2 (保安)            S2       01-06 10:00      interview +10 (first contact), seeker declines, withdraws
 *  a5  B / B1 (普工)            S1       01-07 08:00      contact +1, hire +3, UNDO hire, reject
 *  a6  B / B1 (普工)            —        01-07 09:00      contact +6, hire +30, onboard 01-09 (check pending)
 *  a7  A / A2 (保安)            S2       02-20 10:00      contact +1  (outside the January window)
 *  a8  A / A1 (普工)            S1       01-08 10:00      contact +12, hire +84, onboard 01-12, UNDO onboard
 */
describe('outcome figures: SQL over the recorded history, against hand-computed cases', () => {
  let context: TestContext;
  let clock = new Date();
  let pipeline: ReturnType<typeof createPipelineService>;
  let employerA: AuthUser;
  let employerB: AuthUser;
  let host1: AuthUser;
  let admin: AuthUser;
  let companyA: string;
  let companyB: string;
  let session1: string;
  let session2: string;
  const ids: Record<string, number> = {};
  const seekersByApplication: Record<string, AuthUser> = {};
  const january = { from: '2026-01-01', to: '2026-01-31' };

  const cst = (text: string) => new Date(`2026-${text}:00+08:00`);
  const HOUR = 3_600_000;

  async function act(key: string, who: 'employer' | 'seeker', at: Date, action: PipelineAction | 'undo') {
    clock = at;
    const user = who === 'seeker' ? seekersByApplication[key] : ids[key] && ['a5', 'a6'].includes(key) ? employerB : employerA;
    if (action === 'undo') await pipeline.undo(user, ids[key]);
    else await pipeline.transition(user, ids[key], action);
  }

  beforeAll(async () => {
    context = await createTestContext();
    pipeline = createPipelineService({ db: context.db, events: context.events, notifications: context.notifications, now: () => clock });
    const a = await buildCompany(context, { name: '甲电子厂' });
    const b = await buildCompany(context, { name: '乙物流' });
    employerA = a.employer;
    employerB = b.employer;
    companyA = a.company.id;
    companyB = b.company.id;
    const jobA1 = await buildJob(context, employerA, { categoryCode: 'general_worker' });
    const jobA2 = await buildJob(context, employerA, { categoryCode: 'security_guard', title: '厂区保安' });
    const jobB1 = await buildJob(context, employerB, { categoryCode: 'general_worker', title: '仓库分拣员' });
    host1 = await buildUser(context, { role: 'host', displayName: '主播一' });
    const host2 = await buildUser(context, { role: 'host', displayName: '主播二' });
    admin = await buildUser(context, { role: 'admin' });
    session1 = (await buildSession(context, host1, { title: 'S1', startsAt: cst('01-05T09:00'), jobIds: [jobA1.id, jobB1.id] })).id;
    session2 = (await buildSession(context, host2, { title: 'S2', startsAt: cst('01-06T09:00'), jobIds: [jobA2.id] })).id;
    // Scheduled, not yet held: no funnel to compare.
    await buildSession(context, host1, { title: 'S3', startsAt: cst('01-20T09:00'), jobIds: [jobA1.id], status: 'scheduled' });

    const plan: Array<[string, string, string | null, string]> = [
      ['a1', jobA1.id, session1, '01-05T10:00'],
      ['a2', jobA1.id, session1, '01-05T12:00'],
      ['a3', jobA1.id, session1, '01-06T09:00'],
      ['a4', jobA2.id, session2, '01-06T10:00'],
      ['a5', jobB1.id, session1, '01-07T08:00'],
      ['a6', jobB1.id, null, '01-07T09:00'],
      ['a7', jobA2.id, session2, '02-20T10:00'],
      ['a8', jobA1.id, session1, '01-08T10:00'],
    ];
    const applied: Record<string, Date> = {};
    for (const [key, jobId, sessionId, when] of plan) {
      const seeker = await buildSeeker(context);
      seekersByApplication[key] = seeker;
      applied[key] = cst(when);
      ids[key] = await buildApplication(context, { jobId, seekerUserId: seeker.id, sessionId, appliedAt: applied[key] });
    }
    const plus = (key: string, hours: number) => new Date(applied[key].getTime() + hours * HOUR);

    await act('a1', 'employer', plus('a1', 2), { type: 'contact' });
    await act('a1', 'employer', plus('a1', 3), { type: 'schedule_interview', interviewAt: plus('a1', 30).toISOString(), place: '人事部' });
    await act('a1', 'seeker', plus('a1', 4), { type: 'accept_interview' });
    await act('a1', 'employer', plus('a1', 48), { type: 'hire' });
    await act('a1', 'employer', cst('01-08T12:00'), { type: 'onboard', startDate: '2026-01-08' });
    await act('a1', 'employer', cst('01-15T10:00'), { type: 'confirm_stay' });

    await act('a2', 'employer', plus('a2', 4), { type: 'contact' });
    await act('a2', 'employer', plus('a2', 24), { type: 'hire' });
    await act('a2', 'employer', cst('01-07T12:00'), { type: 'onboard', startDate: '2026-01-07' });
    await act('a2', 'employer', cst('01-10T12:00'), { type: 'record_left', reason: '嫌夜班多' });

    await act('a3', 'employer', plus('a3', 1), { type: 'view' });
    await act('a3', 'employer', plus('a3', 2), { type: 'reject', reason: '不符合要求' });

    await act('a4', 'employer', plus('a4', 10), { type: 'schedule_interview', interviewAt: plus('a4', 40).toISOString(), videoUrl: 'https://meet.example/a4' });
    await act('a4', 'seeker', plus('a4', 11), { type: 'decline_interview', reason: '太远' });
    await act('a4', 'seeker', plus('a4', 12), { type: 'withdraw' });

    await act('a5', 'employer', plus('a5', 1), { type: 'contact' });
    await act('a5', 'employer', plus('a5', 3), { type: 'hire' });
    await act('a5', 'employer', plus('a5', 4), 'undo');
    await act('a5', 'employer', plus('a5', 5), { type: 'reject', reason: '名额已满' });

    await act('a6', 'employer', plus('a6', 6), { type: 'contact' });
    await act('a6', 'employer', plus('a6', 30), { type: 'hire' });
    await act('a6', 'employer', cst('01-09T12:00'), { type: 'onboard', startDate: '2026-01-09' });

    await act('a7', 'employer', plus('a7', 1), { type: 'contact' });

    await act('a8', 'employer', plus('a8', 12), { type: 'contact' });
    await act('a8', 'employer', plus('a8', 84), { type: 'hire' });
    await act('a8', 'employer', cst('01-12T12:00'), { type: 'onboard', startDate: '2026-01-12' });
    await act('a8', 'employer', cst('01-12T13:00'), 'undo');

    // The live module's funnel tables: 20 unique viewers in S1; card opens 6 × A1 and 2 × B1.
    for (let viewer = 0; viewer < 20; viewer += 1) {
      await context.db.query('insert into live_session_viewers (session_id, viewer_key) values ($1, $2)', [session1, `guest-${viewer}`]);
    }
    for (let viewer = 0; viewer < 8; viewer += 1) {
      await context.db.query('insert into live_job_card_opens (session_id, job_id, viewer_key) values ($1, $2, $3)', [session1, viewer < 6 ? jobA1.id : jobB1.id, `guest-${viewer}`]);
    }
  });
  afterAll(async () => context.drop());

  const outcomes = (minimumSample = 5) => createOutcomesService({ db: context.db, trustSignalMinSample: minimumSample, now: () => cst('02-25T12:00') });

  it('keeps applications.status and hired_at consistent with the history', async () => {
    const rows = await context.db.query<{ id: number; status: string; hired: boolean }>('select id, status, hired_at is not null as hired from applications order by id');
    const byKey = Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, rows.find((row) => row.id === id)]));
    expect(byKey.a1).toMatchObject({ status: 'stayed_7_days', hired: true });
    expect(byKey.a2).toMatchObject({ status: 'left_within_7_days', hired: true });
    expect(byKey.a4).toMatchObject({ status: 'withdrawn', hired: false });
    expect(byKey.a5).toMatchObject({ status: 'rejected', hired: false });
    expect(byKey.a6).toMatchObject({ status: 'onboarded', hired: true });
    expect(byKey.a8).toMatchObject({ status: 'hired', hired: true });
    const [a1Hire] = await context.db.query<{ hired_at: Date }>('select hired_at from applications where id = $1', [ids.a1]);
    expect(a1Hire.hired_at.toISOString()).toBe(new Date(cst('01-05T10:00').getTime() + 48 * HOUR).toISOString());
  });

  it('per company', async () => {
    const { rows } = await outcomes().listOutcomes(admin, 'company', january.from, january.to);
    const a = rows.find((row) => row.key === companyA)!;
    const b = rows.find((row) => row.key === companyB)!;
    // A: a1 a2 a3 a4 a8. Interviews a1 a4. Hires a1 a2 a8. Onboarded a1 a2 (a8 undone). Stayed a1, left a2.
    // First contact 2, 4, 10, 12 h → median 7, mean 7. Hire 48, 24, 84 h → median 48, mean 52.
    expect(a).toEqual({
      key: companyA, label: '甲电子厂', applications: 5, interviews: 2, hires: 3, onboarded: 2, stayed7Days: 1, leftWithin7Days: 1,
      pendingChecks: 0, sevenDayAttrition: 0.5, contacted: 4, medianHoursToHire: 48, meanHoursToHire: 52, medianHoursToFirstContact: 7, meanHoursToFirstContact: 7,
    });
    // B: a5 a6. Hire a6 only (a5's was undone). Onboarded a6, check pending. Contact 1, 6 h.
    expect(b).toEqual({
      key: companyB, label: '乙物流', applications: 2, interviews: 0, hires: 1, onboarded: 1, stayed7Days: 0, leftWithin7Days: 0,
      pendingChecks: 1, sevenDayAttrition: 0, contacted: 2, medianHoursToHire: 30, meanHoursToHire: 30, medianHoursToFirstContact: 3.5, meanHoursToFirstContact: 3.5,
    });
  });

  it('per session and per host', async () => {
    const { rows } = await outcomes().listOutcomes(admin, 'session', january.from, january.to);
    // S1: a1 a2 a3 a5 a8. Contact 2, 4, 1, 12 h → median 3, mean 4.75. Hires a1 a2 a8: 48, 24, 84.
    expect(rows.find((row) => row.key === session1)).toMatchObject({
      label: 'S1', applications: 5, interviews: 1, hires: 3, onboarded: 2, stayed7Days: 1, leftWithin7Days: 1, sevenDayAttrition: 0.5,
      contacted: 4, medianHoursToFirstContact: 3, meanHoursToFirstContact: 4.75, medianHoursToHire: 48, meanHoursToHire: 52,
    });
    // S2 in January: a4 only (a7 is February).
    expect(rows.find((row) => row.key === session2)).toMatchObject({ applications: 1, interviews: 1, hires: 0, onboarded: 0, sevenDayAttrition: null, contacted: 1, medianHoursToFirstContact: 10, medianHoursToHire: null });
    expect(rows).toHaveLength(2);
    const hosts = (await outcomes().listOutcomes(admin, 'host', january.from, january.to)).rows;
    expect(hosts.find((row) => row.key === host1.id)).toMatchObject({ label: '主播一', applications: 5, hires: 3, sevenDayAttrition: 0.5 });
  });

  it('per job category', async () => {
    const { rows } = await outcomes().listOutcomes(admin, 'category', january.from, january.to);
    // 普工: a1 a2 a3 a5 a6 a8. Hires a1 a2 a6 a8 (48, 24, 30, 84 → median 39, mean 46.5). Onboarded a1 a2 a6: left 1 → 1/3.
    // Contact 2, 4, 1, 6, 12 → median 4, mean 5.
    expect(rows.find((row) => row.key === 'general_worker')).toMatchObject({
      label: '普工', applications: 6, interviews: 1, hires: 4, onboarded: 3, stayed7Days: 1, leftWithin7Days: 1, pendingChecks: 1,
      contacted: 5, medianHoursToFirstContact: 4, meanHoursToFirstContact: 5, medianHoursToHire: 39, meanHoursToHire: 46.5,
    });
    expect(rows.find((row) => row.key === 'general_worker')!.sevenDayAttrition).toBeCloseTo(1 / 3, 10);
    expect(rows.find((row) => row.key === 'security_guard')).toMatchObject({ applications: 1, interviews: 1 });
  });

  it('scopes figures to the employer and the host', async () => {
    const own = await outcomes().listOutcomes(employerA, 'session', january.from, january.to);
    // Company A through S1: a1 a2 a3 a8 (a5 is B's).
    expect(own.rows.find((row) => row.key === session1)).toMatchObject({ applications: 4, hires: 3 });
    expect((await outcomes().listOutcomes(employerB, 'company', january.from, january.to)).rows.map((row) => row.key)).toEqual([companyB]);
    expect((await outcomes().listOutcomes(host1, 'session', january.from, january.to)).rows.map((row) => row.key)).toEqual([session1]);
    // The whole of January and February for A: a7 joins.
    expect((await outcomes().listOutcomes(employerA, 'company', '2026-01-01', '2026-02-28')).rows[0].applications).toBe(6);
  });

  it('builds the session funnel, whole room for the host, own jobs for each employer', async () => {
    const whole = await outcomes().getSessionFunnel(host1, session1);
    expect(whole.funnel.steps.map((step) => step.value)).toEqual([20, 8, 5, 1, 3, 1]);
    expect(whole.funnel.rates.applicationsPerViewer).toBe(0.25);
    const forA = await outcomes().getSessionFunnel(employerA, session1);
    expect(forA.funnel.steps.map((step) => step.value)).toEqual([20, 6, 4, 1, 3, 1]);
    const forB = await outcomes().getSessionFunnel(employerB, session1);
    expect(forB.funnel.steps.map((step) => step.value)).toEqual([20, 2, 1, 0, 0, 0]);
    await expect(outcomes().getSessionFunnel(employerB, session2)).rejects.toMatchObject({ code: 'not_found' });
    const compared = await outcomes().compareSessionFunnels(admin, january.from, january.to);
    expect(compared.sessions.map((session) => session.title)).toEqual(['S2', 'S1']);
  });

  it('shows trust signals only with enough cases (threshold from config)', async () => {
    // Last 180 days before 02-25, company A: a1 a2 a3 a4 a7 a8; contacted a1 a2 a4 a7 a8 (2, 4, 10, 1, 12 h → median 4).
    const strict = await outcomes(5).getCompanyTrustSignals(companyA);
    // The counts (6 applications, 2 outcomes) are withheld on the public page: below PUBLIC_MIN_COUNT.
    expect(strict).toMatchObject({ applications: null, medianHoursToFirstContact: 4, sevenDayOutcomes: null, sevenDayStayRate: null, minimumSample: 5 });
    expect(strict.contactedShare).toBeCloseTo(5 / 6, 10);
    const lenient = await outcomes(2).getCompanyTrustSignals(companyA);
    expect(lenient.sevenDayStayRate).toBe(0.5);
    // Host 1's leads (S1): contacted a1 a2 a5 a8 = 4 < 5 → hidden; with 2 → median 3.
    expect((await outcomes(5).getHostTrustSignals(host1.id)).medianHoursToFirstContact).toBeNull();
    expect((await outcomes(2).getHostTrustSignals(host1.id)).medianHoursToFirstContact).toBe(3);
  });
});
