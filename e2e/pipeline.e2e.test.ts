// The recruitment pipeline in headless Chromium over the real server and the built web app:
// a seeker applies in the live room through the apply sheet, ticking 允许企业查看我的手机号 → the employer sees
// another applicant who did not consent masked even after 已联系, then opens the first one (masked in the
// list), contacts, reveals the number (logged), invites to an interview → the seeker accepts on a phone → hire → onboard → a week
// later the 7-day check comes due and is recorded → the outcome figures and the session funnel update.
// Then a report about the job goes through the admin queue. (The room has no video here: the session is
// live without an encoder; the live module's own e2e covers playback.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../server/src/test/factories.js';
import { buildSeeker, buildSession } from '../server/src/test/pipeline-factories.js';
import {
  browserAvailability, chooseOption, createPageOpener, eventually, expectAttribute, expectCount, expectText, launchChromium,
  startServer, saveScreenshot, signInThroughForm, type RunningServer,
} from './support.js';

const availability = browserAvailability();

const suffix = String(Date.now()).slice(-6);

describe.skipIf(availability.shouldSkip)('pipeline journey in the browser', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let employer: { email: string | null };
  let admin: { email: string | null };
  let seeker: { phone: string };
  let unconsenting: { phone: string };
  let jobId: string;
  let sessionId: string;
  let applicationId: number;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const { problems } = opener;
  const pages: Record<string, Page> = {};

  const openPage = opener.open;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const { context } = server;
    const company = await buildCompany(context, { name: `苏州立讯精密${suffix}` });
    employer = company.employer;
    jobId = (await buildJob(context, company.employer, { title: `摄像头模组普工${suffix}` })).id;
    const host = await buildUser(context, { role: 'host', displayName: '小李带岗' });
    sessionId = (await buildSession(context, host, { title: `春风行动专场${suffix}`, jobIds: [jobId], status: 'live' })).id;
    // No quick profile yet: 报名 opens the sheet, where the seeker chooses to share the number.
    seeker = { phone: `137${suffix}88` };
    await buildUser(context, { role: 'seeker', phone: seeker.phone, displayName: '张建国' });
    // Another seeker applied from the job page in one tap, without sharing the number.
    const other = await buildSeeker(context, { name: '李卫东', phone: `139${suffix}66` });
    unconsenting = other;
    await context.applications.apply(other, { jobId });
    admin = await buildUser(context, { role: 'admin' });
    // Three viewers were in the room and two opened the job card (the live module's own records).
    await context.live.recordViewers(sessionId, [{ viewerKey: 'guest-a', userId: null }, { viewerKey: 'guest-b', userId: null }, { viewerKey: 'guest-c', userId: null }]);
    await context.live.recordJobCardOpen(sessionId, jobId, 'guest-a');
    await context.live.recordJobCardOpen(sessionId, jobId, 'guest-b');
  });

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('the seeker applies in the live room and chooses to share the number', async () => {
    pages.seeker = await openPage('phone');
    await signInThroughForm(pages.seeker, seeker.phone, TEST_PASSWORD);
    await pages.seeker.goto(`/live/${sessionId}`);
    await pages.seeker.getByTestId('open-jobs').click();
    const row = pages.seeker.locator(`[data-testid="session-job"][data-job-id="${jobId}"]`);
    await row.getByTestId('job-apply').click();
    const sheet = pages.seeker.getByTestId('apply-sheet');
    const share = sheet.getByRole('checkbox', { name: '允许企业查看我的手机号' });
    await expectCount(share, 1, 'the share-phone checkbox');
    await eventually(() => share.isChecked(), 'the share-phone checkbox (off by default)').toBe(false);
    await expectText(sheet.locator('.apply-privacy'), '只有你勾选上方选项', 'the privacy sentence', { contains: true });
    await chooseOption(pages.seeker, 'apply-city', '郑州', '郑州');
    await sheet.getByTestId('apply-share-phone').check();
    await saveScreenshot(pages.seeker, 'pipeline-seeker-apply-sheet-share-phone');
    await sheet.getByTestId('apply-submit').click();
    await sheet.getByTestId('apply-success').waitFor();
    await sheet.getByTestId('apply-close').click();
    await pages.seeker.locator(`[data-testid="session-job"][data-job-id="${jobId}"] [data-testid="job-apply"][data-applied="true"]`).waitFor();
    await saveScreenshot(pages.seeker, 'pipeline-seeker-live-room-applied');
    const [application] = await server.context.db.query<{ id: number; source: string; session_id: string }>('select a.id, a.source, a.session_id from applications a join users u on u.id = a.seeker_user_id where a.job_id = $1 and u.phone = $2', [jobId, seeker.phone]);
    expect(application).toMatchObject({ source: 'live', session_id: sessionId });
    applicationId = application.id;
    await pages.seeker.goto('/me/applications');
    const card = pages.seeker.getByTestId('my-application');
    await expectAttribute(card.getByTestId('status-tag'), 'data-status', 'submitted', "the application's status");
  });

  it('without consent the number stays masked after 已联系, with the hint', async () => {
    const page = pages.employer = await openPage('desktop');
    await signInThroughForm(page, employer.email!, TEST_PASSWORD);
    await page.goto('/employer/applications');
    const table = page.getByTestId('applications-table');
    await table.locator('tr', { hasText: '李卫东' }).getByTestId('open-application').click();
    const drawer = page.getByTestId('application-drawer');
    const masked = `${unconsenting.phone.slice(0, 3)}****${unconsenting.phone.slice(7)}`;
    await drawer.getByTestId('action-contact').click();
    await expectCount(drawer.locator('[data-testid="status-tag"][data-status="contacted"]'), 1, 'the 已联系 status');
    await expectText(drawer.getByTestId('drawer-phone'), masked, 'the masked number after 已联系');
    await eventually(() => drawer.getByTestId('unmask-phone').isDisabled(), 'the show-number button (disabled without consent)').toBe(true);
    await drawer.getByTestId('unmask-phone').hover({ force: true });
    await expectText(page.getByRole('tooltip'), '求职者同意后才能查看号码：请在沟通中发起「交换电话」', 'the hint on the show-number button');
    await saveScreenshot(page, 'pipeline-employer-drawer-no-consent');
  });

  it('the employer sees it masked, contacts, reveals the number (logged) and invites to an interview', async () => {
    const page = pages.employer;
    await page.goto('/employer/applications');
    const table = page.getByTestId('applications-table');
    await table.getByText('张建国').waitFor();
    await expectText(table, `${seeker.phone.slice(0, 3)}****${seeker.phone.slice(7)}`, 'the masked number in the list', { contains: true });
    // The row has loaded (the masked number above): the settled table shows the full number nowhere.
    const settledTable = await table.textContent();
    expect(settledTable).not.toContain(seeker.phone);
    await saveScreenshot(page, 'pipeline-employer-list');

    await table.locator('tr', { hasText: '张建国' }).getByTestId('open-application').click();
    const drawer = page.getByTestId('application-drawer');
    await drawer.getByTestId('action-contact').waitFor();
    await expectAttribute(drawer.getByTestId('status-tag'), 'data-status', 'viewed', "the drawer's status");
    // The seeker consented when applying: the drawer shows the full number (the server logs each opening as a look).
    await expectText(drawer.getByTestId('drawer-phone'), seeker.phone, 'the full number (consent given when applying)');
    await drawer.getByTestId('action-contact').click();
    await drawer.locator('[data-testid="status-tag"][data-status="contacted"]').waitFor();

    await drawer.getByTestId('action-schedule_interview').click();
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    await page.getByTestId('interview-at').fill(`${inTwoDays}T09:30`);
    await page.getByTestId('interview-place').fill('苏州工业园区星湖街 328 号 人事部');
    await page.getByTestId('action-dialog-ok').click();
    await drawer.locator('[data-testid="status-tag"][data-status="interview"]').waitFor();
    await drawer.getByTestId('interview-summary').waitFor();
    await saveScreenshot(page, 'pipeline-employer-drawer-interview');
  });

  it('the seeker sees the invitation and who viewed the number, and accepts on the phone', async () => {
    const page = pages.seeker;
    await page.reload();
    const card = page.getByTestId('my-application');
    await card.getByTestId('interview-accept').waitFor();
    // With consent every opening of the employer's drawer is a logged look (pipeline.service getEmployerApplication).
    await eventually(() => card.getByTestId('phone-view').count(), 'the looks at the number shown to the seeker').toBeGreaterThanOrEqual(1);
    await expectText(card.getByTestId('next-step'), '请确认是否参加面试', 'the next step', { contains: true });
    await saveScreenshot(page, 'pipeline-seeker-interview-invitation');
    await card.getByTestId('interview-accept').click();
    await card.getByText('已接受').waitFor();
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth), "the seeker's applications page width").toBeLessThanOrEqual(390);
    const notifications = await server.context.db.query<{ kind: string }>('select kind from notifications n join users u on u.id = n.user_id where u.phone = $1', [seeker.phone]);
    expect(notifications.map((item) => item.kind)).toEqual(expect.arrayContaining(['application.status_changed', 'application.phone_viewed']));
  });

  it('the employer hires and onboards; a week later the 7-day check comes due and is recorded', async () => {
    const page = pages.employer;
    await page.goto('/employer/applications');
    await page.getByTestId('applications-table').locator('tr', { hasText: '张建国' }).getByTestId('open-application').click();
    const drawer = page.getByTestId('application-drawer');
    await drawer.getByTestId('interview-response').getByText('已接受').waitFor();
    await drawer.getByTestId('action-hire').click();
    await drawer.getByTestId('action-onboard').waitFor();
    await drawer.getByTestId('action-onboard').click();
    await page.getByTestId('action-dialog-ok').click();
    await drawer.locator('[data-testid="status-tag"][data-status="onboarded"]').waitFor();

    // A week passes: move this application's recorded times eight days back, as if it had all happened then.
    const db = server.context.db;
    await db.query(`update applications set applied_at = applied_at - interval '8 days', hired_at = hired_at - interval '8 days' where id = $1`, [applicationId]);
    await db.query(`update application_events set occurred_at = occurred_at - interval '8 days' where application_id = $1`, [applicationId]);
    await db.query(`update application_progress set start_date = start_date - 8, interview_at = interview_at - interval '8 days', status_changed_at = status_changed_at - interval '8 days' where application_id = $1`, [applicationId]);
    await db.query(`update pipeline_tasks set due_on = due_on - 8 where application_id = $1`, [applicationId]);

    await page.goto('/employer/applications');
    const due = page.getByTestId('due-checks');
    await due.getByTestId('due-check').waitFor();
    await saveScreenshot(page, 'pipeline-employer-due-check');
    await due.getByTestId('check-stayed').click();
    await due.waitFor({ state: 'detached' });
    const [row] = await db.query<{ status: string }>('select status from applications where id = $1', [applicationId]);
    expect(row.status).toBe('stayed_7_days');
  });

  it('the outcome figures and the session funnel show the hire who stayed', async () => {
    const page = pages.employer;
    await page.goto('/outcomes?groupBy=session');
    const outcomes = page.getByTestId('outcomes-table');
    const row = outcomes.locator('tr', { hasText: `春风行动专场${suffix}` });
    await expectText(row.getByTestId('attrition'), '0%', "the session's attrition");
    const funnel = page.getByTestId('funnels-table').locator('tr', { hasText: `春风行动专场${suffix}` });
    // viewers 3 recorded + the seeker who applied in the room → card opens 2 recorded + the seeker's tap on the
    // job in the room → applications 1 → interviews 1 → hires 1 → stayed 1.
    await eventually(async () => (await funnel.locator('td').allInnerTexts()).slice(1, 7), "the session's funnel row").toEqual(['4', '3', '1', '1', '1', '1']);
    await page.getByTestId('funnel-chart').locator('canvas').waitFor();
    await saveScreenshot(page, 'pipeline-outcomes');
    // The session's own funnel page: the same steps as a funnel, with the rates.
    await funnel.getByTestId('funnel-link').click();
    await page.waitForURL(/\/outcomes\/sessions\/[0-9a-f-]{36}$/);
    await page.getByTestId('session-funnel-chart').locator('canvas').waitFor();
    await expectText(page.getByTestId('session-funnel-rates'), '报名率 25% · 录用率 100% · 7天留存 100% · 7天流失率 0%', "the session funnel's rates", { useInnerText: true });
    await saveScreenshot(page, 'pipeline-session-funnel');
  });

  it('the seeker reports the job and an admin suspends the company from the queue', async () => {
    const page = pages.seeker;
    await page.goto('/me/applications');
    await page.getByTestId('my-application').locator('[data-status="stayed_7_days"]').waitFor();
    await saveScreenshot(page, 'pipeline-seeker-my-applications');
    await page.goto(`/jobs/${jobId}`);
    await page.getByTestId('report-button').click();
    await page.getByTestId('report-details').fill('入职前要求交300元工服押金');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('已收到举报').waitFor();

    const adminPage = await openPage('desktop');
    await signInThroughForm(adminPage, admin.email!, TEST_PASSWORD);
    await adminPage.goto('/admin/reports');
    const reportRow = adminPage.getByTestId('reports-table').locator('tr', { hasText: '工服押金' });
    await reportRow.waitFor();
    await saveScreenshot(adminPage, 'pipeline-admin-reports');
    await reportRow.getByTestId('report-resolve').click();
    await adminPage.getByTestId('resolve-note').fill('核实收取押金，暂停企业');
    const suspend = adminPage.getByTestId('resolve-suspend');
    await suspend.click();
    await eventually(() => suspend.isChecked(), "the 'suspend the company' box").toBe(true);
    await adminPage.locator('.ant-modal-footer .ant-btn-primary').click();
    await reportRow.waitFor({ state: 'detached' });
    const company = await server.context.db.query<{ status: string }>('select c.status from companies c join jobs j on j.company_id = c.id where j.id = $1', [jobId]);
    expect(company[0].status).toBe('suspended');
  });

  it('raised no page errors', () => {
    expect(problems.flatMap((item) => item.errors)).toEqual([]);
  });
});
