import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession, sessionCookie } from '../../test/pipeline-factories.js';
import { createPipelineService } from './index.js';
import { addDays, chinaDate } from './pipeline-state.js';

type Harness = Awaited<ReturnType<typeof createTestApp>>;
type Cookies = Record<string, string>;

const DAY = 86_400_000;

describe('pipeline API: the whole journey of one application', () => {
  let harness: Harness;
  let employerCookies: Cookies;
  let seekerCookies: Cookies;
  let seeker: Awaited<ReturnType<typeof buildSeeker>>;
  let applicationId: number;
  let companyId: string;

  const employer = (method: 'GET' | 'POST', url: string, payload?: unknown) => harness.app.inject({ method, url, payload: payload as never, cookies: employerCookies });
  const asSeeker = (method: 'GET' | 'POST', url: string, payload?: unknown) => harness.app.inject({ method, url, payload: payload as never, cookies: seekerCookies });
  const move = (payload: Record<string, unknown>) => employer('POST', `/api/employer/applications/${applicationId}/transitions`, payload);
  const seekerNotifications = async () =>
    harness.context.db.query<{ kind: string; title: string; payload: { action?: string } }>('select kind, title, payload from notifications where user_id = $1 order by id', [seeker.id]);

  beforeAll(async () => {
    harness = await createTestApp();
    const { company, employer: member } = await buildCompany(harness.context);
    companyId = company.id;
    const job = await buildJob(harness.context, member);
    seeker = await buildSeeker(harness.context, { name: '王小明', phone: '13812345678' });
    // Applied ten days ago, so a start date eight days ago is possible and its 7-day check is due.
    applicationId = await buildApplication(harness.context, { jobId: job.id, seekerUserId: seeker.id, appliedAt: new Date(Date.now() - 10 * DAY) });
    employerCookies = await sessionCookie(harness.context, member.id);
    seekerCookies = await sessionCookie(harness.context, seeker.id);
  });
  afterAll(async () => harness.close());

  it('lists the application with a masked phone and marks it viewed when opened', async () => {
    const list = await employer('GET', '/api/employer/applications');
    expect(list.statusCode).toBe(200);
    const [item] = list.json().applications;
    expect(item).toMatchObject({ id: applicationId, status: 'submitted', seeker: { name: '王小明', phoneMasked: '138****5678' }, canUnmask: false });
    expect(list.body).not.toContain('13812345678');
    const opened = await employer('GET', `/api/employer/applications/${applicationId}`);
    expect(opened.json()).toMatchObject({ status: 'viewed', events: [{ action: 'view', fromStatus: 'submitted', toStatus: 'viewed', actorRole: 'employer' }] });
    // Opening again changes nothing.
    const again = await employer('GET', `/api/employer/applications/${applicationId}`);
    expect(again.json().events).toHaveLength(1);
  });

  it('refuses to unmask without the seeker\'s consent even once contacted (403 says how to ask), then logs the unmask and shows it to the seeker', async () => {
    const early = await employer('POST', `/api/employer/applications/${applicationId}/unmask`);
    expect(early.statusCode).toBe(403);
    // Marking 已联系 is not consent: the number stays masked.
    expect((await move({ action: 'contact' })).json()).toMatchObject({ status: 'contacted', canUnmask: false, seeker: { phone: null } });
    const contacted = await employer('POST', `/api/employer/applications/${applicationId}/unmask`);
    expect(contacted.statusCode).toBe(403);
    expect(contacted.json().error.message).toContain('交换电话');
    // The seeker's apply-time choice (允许企业查看我的手机号) is consent.
    await harness.context.pipeline.phoneAccess.grantAtApply(seeker.id, applicationId);
    const unmasked = await employer('POST', `/api/employer/applications/${applicationId}/unmask`);
    expect(unmasked.statusCode).toBe(200);
    expect(unmasked.json().phone).toBe('13812345678');
    const log = await harness.context.db.query<{ viewer_company_id: string }>('select viewer_company_id from phone_unmask_log where application_id = $1', [applicationId]);
    expect(log).toEqual([{ viewer_company_id: companyId }]);
    const mine = await asSeeker('GET', `/api/seeker/applications/${applicationId}`);
    expect(mine.json().phoneViews).toHaveLength(1);
    expect(mine.json().phoneViews[0].companyName).toMatch(/测试制造/);
    expect((await seekerNotifications()).map((item) => item.kind)).toContain('application.phone_viewed');
    // Lists stay masked after an unmask.
    expect((await employer('GET', '/api/employer/applications')).body).not.toContain('13812345678');
  });

  it('invites to an interview; the seeker sees it as the next step and accepts', async () => {
    const interviewAt = new Date(Date.now() + 2 * DAY).toISOString();
    const invited = await move({ action: 'schedule_interview', interviewAt, place: '苏州工业园区星湖街 328 号' });
    expect(invited.json()).toMatchObject({ status: 'interview', interview: { place: '苏州工业园区星湖街 328 号', response: 'pending' } });
    const notifications = await seekerNotifications();
    expect(notifications.at(-1)).toMatchObject({ title: expect.stringContaining('面试邀请'), payload: { action: 'schedule_interview' } });
    const mine = await asSeeker('GET', '/api/seeker/applications');
    expect(mine.json().applications[0]).toMatchObject({ status: 'interview', nextStep: { code: 'answer_interview' }, availableActions: ['accept_interview', 'decline_interview', 'withdraw'] });
    const accepted = await asSeeker('POST', `/api/seeker/applications/${applicationId}/interview/accept`);
    expect(accepted.json()).toMatchObject({ interview: { response: 'accepted' }, nextStep: { code: 'attend_interview' } });
    const twice = await asSeeker('POST', `/api/seeker/applications/${applicationId}/interview/accept`);
    expect(twice.statusCode).toBe(409);
    const employerNotes = await harness.context.db.query<{ kind: string }>(`select n.kind from notifications n join users u on u.id = n.user_id where u.company_id = $1`, [companyId]);
    expect(employerNotes.map((item) => item.kind)).toContain('application.interview_answered');
  });

  it('refuses onboarding before a hire and names the field of a bad start date', async () => {
    const early = await move({ action: 'onboard', startDate: addDays(chinaDate(new Date()), -8) });
    expect(early.statusCode).toBe(409);
    const hired = await move({ action: 'hire' });
    expect(hired.json().status).toBe('hired');
    const [row] = await harness.context.db.query<{ hired_at: Date | null; status: string }>('select hired_at, status from applications where id = $1', [applicationId]);
    expect(row.status).toBe('hired');
    expect(row.hired_at).toBeInstanceOf(Date);
    const future = await move({ action: 'onboard', startDate: addDays(chinaDate(new Date()), 3) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('body.startDate');
  });

  it('undoes the hire (recorded, hired_at cleared), and hires again', async () => {
    const undone = await employer('POST', `/api/employer/applications/${applicationId}/undo`);
    expect(undone.json()).toMatchObject({ status: 'interview', hiredAt: null, interview: { response: 'accepted' } });
    const undoEvent = undone.json().events.at(-1);
    const hireEvent = undone.json().events.find((event: { action: string }) => event.action === 'hire');
    expect(undoEvent).toMatchObject({ action: 'undo', fromStatus: 'hired', toStatus: 'interview', undoesEventId: hireEvent.id });
    expect(hireEvent.isUndone).toBe(true);
    const [row] = await harness.context.db.query<{ hired_at: Date | null }>('select hired_at from applications where id = $1', [applicationId]);
    expect(row.hired_at).toBeNull();
    expect((await move({ action: 'hire' })).json().status).toBe('hired');
  });

  it('onboards, schedules the 7-day check as a durable task, and completes it when the stay is confirmed', async () => {
    const startDate = addDays(chinaDate(new Date()), -8);
    expect((await move({ action: 'onboard', startDate })).json()).toMatchObject({ status: 'onboarded', startDate });
    const [task] = await harness.context.db.query<{ due_on: string; company_id: string }>('select due_on, company_id from pipeline_tasks where application_id = $1', [applicationId]);
    expect(task).toEqual({ due_on: addDays(startDate, 7), company_id: companyId });

    // A "restart": a new service over the same database finds the due task and announces it once.
    const restarted = createPipelineService({ db: harness.context.db, events: harness.context.events, notifications: harness.context.notifications });
    expect(await restarted.announceDueTasks()).toBe(1);
    expect(await restarted.announceDueTasks()).toBe(0);
    const due = await employer('GET', '/api/employer/tasks?due=true');
    expect(due.json().tasks).toMatchObject([{ applicationId, kind: 'seven_day_check', isDue: true, seekerName: '王小明' }]);

    expect((await move({ action: 'confirm_stay' })).json().status).toBe('stayed_7_days');
    expect((await employer('GET', '/api/employer/tasks')).json().tasks).toEqual([]);
    // Undoing the confirmation reopens the check; confirming again closes it.
    await employer('POST', `/api/employer/applications/${applicationId}/undo`);
    expect((await employer('GET', '/api/employer/tasks')).json().tasks).toHaveLength(1);
    expect((await move({ action: 'confirm_stay' })).json().status).toBe('stayed_7_days');
    expect((await employer('GET', '/api/employer/tasks')).json().tasks).toHaveLength(0);
  });

  it('notified the seeker of every change, and kept the whole history', async () => {
    const actions = (await seekerNotifications()).filter((item) => item.kind === 'application.status_changed').map((item) => item.payload.action);
    expect(actions).toEqual(['view', 'contact', 'schedule_interview', 'hire', 'undo', 'hire', 'onboard', 'confirm_stay', 'undo', 'confirm_stay']);
    const mine = await asSeeker('GET', `/api/seeker/applications/${applicationId}`);
    expect(mine.json().events.map((event: { action: string }) => event.action)).toEqual([
      'view', 'contact', 'schedule_interview', 'accept_interview', 'hire', 'undo', 'hire', 'onboard', 'confirm_stay', 'undo', 'confirm_stay',
    ]);
  });

  it('keeps notes for the company', async () => {
    const added = await employer('POST', `/api/employer/applications/${applicationId}/notes`, { body: '能吃苦，下周一到岗' });
    expect(added.statusCode).toBe(201);
    expect(added.json().notes).toMatchObject([{ body: '能吃苦，下周一到岗' }]);
    const empty = await employer('POST', `/api/employer/applications/${applicationId}/notes`, { body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('body.body');
  });
});

describe('pipeline API: bulk, refusals, withdrawal, CSV, handoff consent', () => {
  let harness: Harness;
  let employerCookies: Cookies;
  let agencyCookies: Cookies;
  let hostCookies: Cookies;
  let clientCookies: Cookies;
  let jobId: string;
  let agencyJobId: string;
  let clientCompanyId: string;
  let sessionId: string;
  const seekers: Array<Awaited<ReturnType<typeof buildSeeker>>> = [];
  const applicationIds: number[] = [];

  beforeAll(async () => {
    harness = await createTestApp();
    const { employer } = await buildCompany(harness.context);
    const job = await buildJob(harness.context, employer);
    jobId = job.id;
    const host = await buildUser(harness.context, { role: 'host' });
    const session = await buildSession(harness.context, host, { jobIds: [job.id] });
    sessionId = session.id;
    for (let index = 0; index < 4; index += 1) {
      const seeker = await buildSeeker(harness.context, { name: `李${index}` });
      seekers.push(seeker);
      applicationIds.push(await buildApplication(harness.context, { jobId: job.id, seekerUserId: seeker.id, sessionId }));
    }
    employerCookies = await sessionCookie(harness.context, employer.id);
    hostCookies = await sessionCookie(harness.context, host.id);

    // An agency (中介代招) with its own job, and a client company it may pass leads to.
    const agency = await buildCompany(harness.context);
    await harness.context.db.query(`update companies set account_type = 'agency', hr_licence_number = 'HR-320500-0001' where id = $1`, [agency.company.id]);
    agencyJobId = (await buildJob(harness.context, agency.employer)).id;
    agencyCookies = await sessionCookie(harness.context, agency.employer.id);
    const client = await buildCompany(harness.context);
    clientCompanyId = client.company.id;
    clientCookies = await sessionCookie(harness.context, client.employer.id);
  });
  afterAll(async () => harness.close());

  it('applies one change to many applications and reports each result', async () => {
    const seekerCookies = await sessionCookie(harness.context, seekers[3].id);
    await harness.app.inject({ method: 'POST', url: `/api/seeker/applications/${applicationIds[3]}/withdraw`, payload: { reason: '找到别的工作了' }, cookies: seekerCookies });
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/employer/applications/bulk',
      cookies: employerCookies,
      payload: { applicationIds: [applicationIds[0], applicationIds[1], applicationIds[3]], change: { action: 'reject', reason: '岗位已招满' } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      succeeded: 2,
      failed: 1,
      results: [
        { id: applicationIds[0], ok: true, status: 'rejected' },
        { id: applicationIds[1], ok: true, status: 'rejected' },
        { id: applicationIds[3], ok: false, error: { code: 'conflict' } },
      ],
    });
    const rejected = await harness.context.db.query<{ count: number }>(`select count(*) as count from application_events where action = 'reject' and reason = '岗位已招满'`);
    expect(rejected[0].count).toBe(2);
  });

  it('requires a reason to reject, and refuses the employer undoing a seeker withdrawal', async () => {
    const noReason = await harness.app.inject({ method: 'POST', url: `/api/employer/applications/${applicationIds[2]}/transitions`, cookies: employerCookies, payload: { action: 'reject' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((field: { path: string }) => field.path)).toContain('body.reason');
    const undo = await harness.app.inject({ method: 'POST', url: `/api/employer/applications/${applicationIds[3]}/undo`, cookies: employerCookies });
    expect(undo.statusCode).toBe(409);
    expect(undo.json().error.message).toMatch(/seeker/);
  });

  it('filters by status, session and date, and exports CSV with masked phones only', async () => {
    const byStatus = await harness.app.inject({ method: 'GET', url: '/api/employer/applications?status=rejected', cookies: employerCookies });
    expect(byStatus.json().total).toBe(2);
    expect(byStatus.json().countsByStatus).toEqual({ rejected: 2, submitted: 1, withdrawn: 1 });
    const bySession = await harness.app.inject({ method: 'GET', url: `/api/employer/applications?sessionId=${sessionId}&jobId=${jobId}`, cookies: employerCookies });
    expect(bySession.json().total).toBe(4);
    const tomorrow = addDays(chinaDate(new Date()), 1);
    const byDate = await harness.app.inject({ method: 'GET', url: `/api/employer/applications?appliedFrom=${tomorrow}`, cookies: employerCookies });
    expect(byDate.json().total).toBe(0);
    const badDate = await harness.app.inject({ method: 'GET', url: '/api/employer/applications?appliedFrom=yesterday', cookies: employerCookies });
    expect(badDate.statusCode).toBe(400);

    const csv = await harness.app.inject({ method: 'GET', url: '/api/employer/applications/export.csv', cookies: employerCookies });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('phone_masked');
    for (const seeker of seekers) {
      expect(csv.body).not.toContain(seeker.phone);
      expect(csv.body).toContain(`${seeker.phone.slice(0, 3)}****${seeker.phone.slice(7)}`);
    }
  });

  it('passes a lead to another company only after the seeker consents (host)', async () => {
    const leadId = applicationIds[2];
    const seekerCookies = await sessionCookie(harness.context, seekers[2].id);
    const clientSees = async () => (await harness.app.inject({ method: 'GET', url: '/api/employer/applications', cookies: clientCookies })).json().total;

    const request = await harness.app.inject({ method: 'POST', url: `/api/host/leads/${leadId}/handoffs`, cookies: hostCookies, payload: { recipientCompanyId: clientCompanyId, purpose: '推荐同类普工岗位' } });
    expect(request.statusCode).toBe(200);
    expect(request.json()).toMatchObject({ status: 'pending', requestedByRole: 'host' });
    // Asking twice is the same request.
    const repeat = await harness.app.inject({ method: 'POST', url: `/api/host/leads/${leadId}/handoffs`, cookies: hostCookies, payload: { recipientCompanyId: clientCompanyId, purpose: '推荐同类普工岗位' } });
    expect(repeat.json().id).toBe(request.json().id);
    expect(await clientSees()).toBe(0);

    const pending = await harness.app.inject({ method: 'GET', url: '/api/seeker/handoffs', cookies: seekerCookies });
    expect(pending.json().handoffs).toMatchObject([{ id: request.json().id, status: 'pending' }]);
    const granted = await harness.app.inject({ method: 'POST', url: `/api/seeker/handoffs/${request.json().id}`, cookies: seekerCookies, payload: { decision: 'grant' } });
    expect(granted.json().status).toBe('granted');
    expect(await clientSees()).toBe(1);

    // The recipient reads it, masked, but cannot act on it or see the number.
    const shared = await harness.app.inject({ method: 'GET', url: `/api/employer/applications/${leadId}`, cookies: clientCookies });
    expect(shared.json()).toMatchObject({ isShared: true, availableActions: [], canUnmask: false, events: [], notes: [] });
    expect(shared.body).not.toContain(seekers[2].phone);
    const act = await harness.app.inject({ method: 'POST', url: `/api/employer/applications/${leadId}/transitions`, cookies: clientCookies, payload: { action: 'contact' } });
    expect(act.statusCode).toBe(403);
    const unmask = await harness.app.inject({ method: 'POST', url: `/api/employer/applications/${leadId}/unmask`, cookies: clientCookies });
    expect(unmask.statusCode).toBe(403);
  });

  it('lets agencies ask for consent, but not direct employers', async () => {
    const direct = await harness.app.inject({ method: 'POST', url: `/api/employer/applications/${applicationIds[2]}/handoffs`, cookies: employerCookies, payload: { recipientCompanyId: clientCompanyId, purpose: '转给合作企业' } });
    expect(direct.statusCode).toBe(403);
    const seeker = await buildSeeker(harness.context);
    const agencyLead = await buildApplication(harness.context, { jobId: agencyJobId, seekerUserId: seeker.id });
    const asked = await harness.app.inject({ method: 'POST', url: `/api/employer/applications/${agencyLead}/handoffs`, cookies: agencyCookies, payload: { recipientCompanyId: clientCompanyId, purpose: '代招：转给用工企业面试' } });
    expect(asked.json()).toMatchObject({ status: 'pending', requestedByRole: 'employer' });
    const seekerCookies = await sessionCookie(harness.context, seeker.id);
    const refused = await harness.app.inject({ method: 'POST', url: `/api/seeker/handoffs/${asked.json().id}`, cookies: seekerCookies, payload: { decision: 'refuse' } });
    expect(refused.json().status).toBe('refused');
    const change = await harness.app.inject({ method: 'POST', url: `/api/seeker/handoffs/${asked.json().id}`, cookies: seekerCookies, payload: { decision: 'grant' } });
    expect(change.statusCode).toBe(409);
  });
});
