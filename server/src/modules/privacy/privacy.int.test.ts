import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signUpWithCode } from '../../test/http-helpers.js';
import { buildApplication, buildSeeker, sessionCookie } from '../../test/pipeline-factories.js';
import { addDays, chinaDate } from '../pipeline/pipeline-state.js';

type Harness = Awaited<ReturnType<typeof createTestApp>>;
const DAY = 86_400_000;

describe('personal data: download and account deletion', () => {
  let harness: Harness;
  let seeker: Awaited<ReturnType<typeof buildSeeker>>;
  let seekerCookies: Record<string, string>;
  let employerCookies: Record<string, string>;
  let openApplication: number;
  let onboardedApplication: number;
  let snapshotBefore: unknown[];

  const employer = (url: string, payload?: unknown) => harness.app.inject({ method: 'POST', url, cookies: employerCookies, payload: payload as never });

  beforeAll(async () => {
    harness = await createTestApp();
    const { employer: member } = await buildCompany(harness.context);
    const jobA = await buildJob(harness.context, member);
    const jobB = await buildJob(harness.context, member, { title: '包装工' });
    seeker = await buildSeeker(harness.context, { name: '赵六', phone: '13912345678' });
    seekerCookies = await sessionCookie(harness.context, seeker.id);
    employerCookies = await sessionCookie(harness.context, member.id);
    openApplication = await buildApplication(harness.context, { jobId: jobA.id, seekerUserId: seeker.id });
    onboardedApplication = await buildApplication(harness.context, { jobId: jobB.id, seekerUserId: seeker.id, appliedAt: new Date(Date.now() - 6 * DAY) });

    await employer(`/api/employer/applications/${openApplication}/transitions`, { action: 'contact' });
    await harness.context.pipeline.phoneAccess.grantAtApply(seeker.id, openApplication);
    await employer(`/api/employer/applications/${openApplication}/unmask`);
    await employer(`/api/employer/applications/${openApplication}/notes`, { body: '电话里说下周能到岗' });
    for (const change of [{ action: 'contact' }, { action: 'hire' }, { action: 'onboard', startDate: addDays(chinaDate(new Date()), -3) }]) {
      await employer(`/api/employer/applications/${onboardedApplication}/transitions`, change);
    }
    await harness.app.inject({ method: 'POST', url: '/api/reports', cookies: seekerCookies, payload: { targetKind: 'job', targetId: jobA.id, reason: 'harassment', details: '半夜打电话' } });
    snapshotBefore = await harness.context.db.query(
      'select id, applied_at, seeker_city_code, job_city_code, category_code, industry_code, company_id, session_id, source from applications order by id',
    );
  });
  afterAll(async () => harness.close());

  it('downloads everything about the seeker as JSON', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/api/me/personal-data', cookies: seekerCookies });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="jobcast-my-data-/);
    const data = JSON.parse(response.body);
    expect(data.account).toMatchObject({ id: seeker.id, phone: '13912345678', role: 'seeker' });
    expect(data.account.passwordHash).toBeUndefined();
    expect(response.body).not.toMatch(/argon2/);
    expect(data.seekerProfile).toMatchObject({ name: '赵六', phone: '13912345678' });
    expect(data.applications).toHaveLength(2);
    const open = data.applications.find((item: { id: number }) => item.id === openApplication);
    expect(open.history.map((event: { action: string }) => event.action)).toEqual(['contact']);
    expect(open.phoneViews).toHaveLength(1);
    expect(open.employerNotes[0].body).toBe('电话里说下周能到岗');
    expect(data.notifications.length).toBeGreaterThanOrEqual(4);
    expect(data.reports).toMatchObject([{ reason: 'harassment', details: '半夜打电话' }]);
  });

  it('refuses deletion without the password or the confirmation, and for employers', async () => {
    const wrong = await harness.app.inject({ method: 'POST', url: '/api/me/delete-account', cookies: seekerCookies, payload: { password: 'not-my-password', confirm: 'DELETE' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('body.password');
    const unconfirmed = await harness.app.inject({ method: 'POST', url: '/api/me/delete-account', cookies: seekerCookies, payload: { password: 'test-password-1', confirm: 'yes' } });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.fields[0].path).toBe('body.confirm');
    expect((await harness.app.inject({ method: 'POST', url: '/api/me/delete-account', cookies: employerCookies, payload: { password: 'test-password-1', confirm: 'DELETE' } })).statusCode).toBe(403);
  });

  it('deletes the account: applications anonymised, statistics kept, nothing personal left', async () => {
    // An email given at sign-up, not yet confirmed: its address and its link go with the account.
    await harness.context.emailConfirmations.request(seeker.id, 'zhao.liu@example.test');
    expect(await harness.context.db.query('select 1 from email_confirmations where user_id = $1', [seeker.id])).toHaveLength(1);
    const deleted = await harness.app.inject({ method: 'POST', url: '/api/me/delete-account', cookies: seekerCookies, payload: { password: 'test-password-1', confirm: 'DELETE' } });
    expect(deleted.statusCode).toBe(200);
    expect((await harness.app.inject({ method: 'GET', url: '/api/auth/me', cookies: seekerCookies })).json().user).toBeNull();

    const [user] = await harness.context.db.query<Record<string, unknown>>('select email, phone, display_name, deleted_at from users where id = $1', [seeker.id]);
    expect(user).toMatchObject({ phone: null, display_name: '已注销用户' });
    expect(String(user.email)).toMatch(/@deleted\.invalid$/);
    expect(await harness.context.db.query('select 1 from seeker_profiles where user_id = $1', [seeker.id])).toEqual([]);
    expect(await harness.context.db.query('select 1 from notifications where user_id = $1', [seeker.id])).toEqual([]);
    expect(await harness.context.db.query('select 1 from email_confirmations where user_id = $1', [seeker.id])).toEqual([]);
    expect(await harness.context.db.query('select 1 from application_notes')).toEqual([]);
    // The complaint record stays (target, reason, status) without its reporter or the reporter's words.
    const [report] = await harness.context.db.query<{ reporter_user_id: string | null; details: string; reason: string }>('select reporter_user_id, details, reason from reports');
    expect(report).toEqual({ reporter_user_id: null, details: '', reason: 'harassment' });

    // The analytics snapshot is unchanged; only the link to the person is gone.
    const snapshotAfter = await harness.context.db.query(
      'select id, applied_at, seeker_city_code, job_city_code, category_code, industry_code, company_id, session_id, source from applications order by id',
    );
    expect(snapshotAfter).toEqual(snapshotBefore);
    const rows = await harness.context.db.query<{ id: number; seeker_user_id: string | null; anonymised_at: Date | null; status: string; hired: boolean }>(
      'select id, seeker_user_id, anonymised_at, status, hired_at is not null as hired from applications order by id',
    );
    expect(rows.every((row) => row.seeker_user_id === null && row.anonymised_at instanceof Date)).toBe(true);
    expect(rows.find((row) => row.id === openApplication)).toMatchObject({ status: 'withdrawn', hired: false });
    expect(rows.find((row) => row.id === onboardedApplication)).toMatchObject({ status: 'onboarded', hired: true });
    const [withdrawal] = await harness.context.db.query<{ actor_role: string }>(`select actor_role from application_events where application_id = $1 and action = 'withdraw'`, [openApplication]);
    expect(withdrawal.actor_role).toBe('system');
  });

  it('lets the employer finish the 7-day record of an anonymised hire, without any contact data', async () => {
    const detail = await harness.app.inject({ method: 'GET', url: `/api/employer/applications/${onboardedApplication}`, cookies: employerCookies });
    expect(detail.json()).toMatchObject({ seeker: { name: '已注销用户', phoneMasked: null, isAnonymised: true }, canUnmask: false, notes: [] });
    expect((await employer(`/api/employer/applications/${onboardedApplication}/unmask`)).statusCode).toBe(409);
    const left = await employer(`/api/employer/applications/${onboardedApplication}/transitions`, { action: 'record_left', reason: '个人原因' });
    expect(left.json().status).toBe('left_within_7_days');
  });

  it('frees the phone number of a deleted (not banned) account', async () => {
    const again = await signUpWithCode(harness.app, harness.context, { role: 'seeker', phone: '13912345678', password: 'new-password-1', displayName: '赵六' });
    expect(again.statusCode).toBe(201);
  });
});
