// Trust and reports in the browser, at phone size (390×844): a seeker opens a job, taps the company name and
// sees the company page (verified, agency with its licence, trust signals, open jobs, sessions); opens a
// session's host page (display name, trust signals, sessions, no contact details); reports the live session
// from the room's ⋯ sheet; an admin sees the report in the queue with a link to the session. (No video: the
// session is live without an encoder.) The seeker also follows (关注) the host and unfollows from /following.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../server/src/modules/pipeline/pipeline-state.js';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../server/src/test/factories.js';
import { buildApplication, buildSeeker, buildSession } from '../server/src/test/pipeline-factories.js';
import {
  browserAvailability, createPageOpener, eventually, expectAttribute, expectCount, expectText, launchChromium, saveScreenshot,
  signInThroughForm, startServer, type RunningServer,
} from './support.js';

const availability = browserAvailability();
const suffix = String(Date.now()).slice(-6);
const DAY = 86_400_000;
const COMPANY = `苏州众信人力资源有限公司${suffix}`;
const HOST = { name: '小李带岗', phone: `1391${suffix}0`, email: `host-${suffix}@example.test` };

describe.skipIf(availability.shouldSkip)('company and host pages, and reporting a session, on a phone', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let seeker: { phone: string };
  let admin: { email: string | null };
  let companyId: string;
  let hostId: string;
  let jobId: string;
  let liveSessionId: string;
  let replaySessionId: string;
  let suspendedCompanyId: string;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const { problems } = opener;
  let page: Page;

  const openPage = opener.open;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const { context } = server;
    const { company, employer } = await buildCompany(context, { name: COMPANY });
    companyId = company.id;
    await context.db.query(`update companies set account_type = 'agency', hr_licence_number = '(苏)人服证字[2021]第0500123号' where id = $1`, [companyId]);
    jobId = (await buildJob(context, employer, { title: `电子厂普工${suffix}` })).id;
    const secondJob = (await buildJob(context, employer, { title: `仓库分拣员${suffix}`, categoryCode: 'express_warehouse', payMonthlyMin: 5000, payMonthlyMax: 6500 })).id;
    const host = await buildUser(context, { role: 'host', displayName: HOST.name, phone: HOST.phone, email: HOST.email });
    hostId = host.id;
    liveSessionId = (await buildSession(context, host, { title: `众信专场·直播中${suffix}`, jobIds: [jobId, secondJob], status: 'live' })).id;
    await buildSession(context, host, { title: `众信专场·明晚${suffix}`, jobIds: [jobId], status: 'scheduled', startsAt: new Date(Date.now() + DAY + 3600_000) });
    replaySessionId = (await buildSession(context, host, { title: `众信专场·回放${suffix}`, jobIds: [jobId, secondJob], status: 'ended', startsAt: new Date(Date.now() - 3 * DAY) })).id;
    suspendedCompanyId = (await buildCompany(context, { name: `黑心派遣${suffix}`, status: 'suspended' })).company.id;

    // A track record above the threshold (5): six leads from the host's replay, contacted after 2 hours;
    // five were hired and onboarded 9 days ago, four stayed 7 days and one left.
    for (let index = 0; index < 6; index += 1) {
      const lead = await buildSeeker(context);
      const appliedAt = new Date(Date.now() - 12 * DAY);
      const id = await buildApplication(context, { jobId, seekerUserId: lead.id, sessionId: replaySessionId, appliedAt, source: 'replay' });
      await context.pipeline.changeStatus(employer, id, { action: 'contact' });
      await context.db.query(`update application_events set occurred_at = $2 where application_id = $1`, [id, new Date(appliedAt.getTime() + 2 * 3600_000)]);
      if (index === 5) continue;
      await context.pipeline.changeStatus(employer, id, { action: 'hire' });
      await context.pipeline.changeStatus(employer, id, { action: 'onboard', startDate: addDays(chinaDate(new Date()), -9) });
      await context.pipeline.changeStatus(employer, id, index === 4 ? { action: 'record_left', reason: '嫌夜班太累' } : { action: 'confirm_stay' });
    }
    seeker = await buildSeeker(context, { name: '张建国', phone: `137${suffix}66` });
    admin = await buildUser(context, { role: 'admin' });
  });

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('from a job, the company name opens the company page: verified agency, licence, trust signals, jobs, sessions', async () => {
    page = await openPage('phone');
    await signInThroughForm(page, seeker.phone, TEST_PASSWORD);
    await page.goto(`/jobs/${jobId}`);
    await page.getByTestId('trust-signals').waitFor();
    await saveScreenshot(page, 'profiles-job-detail');
    await page.getByTestId('job-company-link').click();
    await page.waitForURL(`**/companies/${companyId}`);
    const company = page.getByTestId('company-page');
    await expectText(company.getByTestId('company-name'), COMPANY, 'the company name');
    await company.getByTestId('company-verified').waitFor();
    await expectText(company.getByTestId('company-head').getByTestId('account-type'), '中介代招', 'the account type');
    await expectText(company.getByTestId('company-licence'), '第0500123号', 'the agency licence', { contains: true });
    await expectText(company.getByTestId('trust-first-contact'), '通常 2.0 小时内联系', 'the first-contact signal', { contains: true });
    await expectText(company.getByTestId('trust-stay-rate'), '80%', 'the stay-rate signal', { contains: true });
    await expectCount(company.getByTestId('company-jobs').getByTestId('job-card'), 2, "the company's open jobs");
    const upcoming = company.getByTestId('profile-upcoming').getByTestId('session-card');
    await expectCount(upcoming, 2, "the company's upcoming sessions");
    await expectAttribute(upcoming.first(), 'data-status', 'live', 'the first upcoming session');
    await upcoming.nth(1).getByTestId('session-countdown').waitFor();
    await expectCount(company.getByTestId('profile-replays').getByTestId('session-card'), 1, "the company's replays");
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth), 'the company page width').toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'profiles-company-page');
  });

  it("a session's host name opens the host page: name, trust signals, sessions and replays, no contact details", async () => {
    await page.getByTestId('profile-replays').getByTestId('session-host-link').click();
    await page.waitForURL(`**/hosts/${hostId}`);
    const host = page.getByTestId('host-page');
    await expectText(host.getByTestId('host-name'), HOST.name, "the host's name");
    await expectText(host.getByTestId('host-counts'), '直播 1 · 预告 1 · 回放 1', "the host's session counts");
    await expectText(host.getByTestId('trust-stay-rate'), '80%', "the host's stay-rate signal", { contains: true });
    await expectCount(host.getByTestId('profile-upcoming').getByTestId('session-card'), 2, "the host's upcoming sessions");
    await expectCount(host.getByTestId('profile-replays').getByTestId('session-card'), 1, "the host's replays");
    // Everything has loaded (the waits above): the page as a whole is settled, and shows no contact details.
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(HOST.phone);
    expect(text).not.toContain(HOST.email);
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth), 'the host page width').toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'profiles-host-page');
  });

  it('the seeker follows the host from the host page, finds them on /following with their sessions, and unfollows', async () => {
    const button = page.getByTestId('host-page').getByRole('button', { name: `关注 ${HOST.name}` });
    await button.click();
    await page.getByRole('button', { name: `已关注 ${HOST.name}` }).waitFor();
    await page.getByTestId('tab-following').click();
    await page.waitForURL('**/following');
    const item = page.getByTestId('followed-hosts').getByTestId('followed-item');
    await expectText(item.getByTestId('followed-name'), HOST.name, 'the followed host', { contains: true });
    await expectCount(item.getByTestId('session-card'), 2, "the followed host's live and upcoming sessions");
    await saveScreenshot(page, 'profiles-following');
    await item.getByRole('button', { name: `已关注 ${HOST.name}` }).click();
    await expectCount(page.getByTestId('followed-item'), 0, 'the followed items after unfollowing');
    await page.getByTestId('following-empty').waitFor();
    await saveScreenshot(page, 'profiles-following-empty');

    // The same in English.
    await page.evaluate(() => localStorage.setItem('jobcast.language', 'en'));
    await page.goto(`/hosts/${hostId}`);
    await page.getByTestId('host-page').getByRole('button', { name: `Follow ${HOST.name}` }).click();
    await page.getByRole('button', { name: `Following ${HOST.name}` }).waitFor();
    await saveScreenshot(page, 'profiles-host-page-en');
    await page.goto('/following');
    await expectCount(page.getByTestId('followed-hosts').getByTestId('session-card'), 2, "the followed host's sessions (English)");
    await saveScreenshot(page, 'profiles-following-en');
    await page.getByRole('button', { name: `Following ${HOST.name}` }).click();
    await expectText(page.getByTestId('following-empty'), 'You do not follow any company or host yet', 'the English empty state', { contains: true });
    await saveScreenshot(page, 'profiles-following-empty-en');
    await page.evaluate(() => localStorage.setItem('jobcast.language', 'zh'));
  });

  it('session cards in the live list link the host and the employers', async () => {
    await page.goto('/live?tab=upcoming');
    const card = page.getByTestId('session-card').filter({ hasText: `众信专场·明晚${suffix}` });
    await expectAttribute(card.getByTestId('session-employer-link'), 'href', `/companies/${companyId}`, "the card's employer link");
    await expectAttribute(card.getByTestId('session-host-link'), 'href', `/hosts/${hostId}`, "the card's host link");
    await saveScreenshot(page, 'profiles-live-list');
  });

  it('a suspended company has no public page', async () => {
    await page.goto(`/companies/${suspendedCompanyId}`);
    await page.getByText('企业不存在或暂未开放').waitFor();
  });

  it('the seeker reports the live session from the room’s ⋯ sheet (also offered in the replay)', async () => {
    await page.goto(`/live/${replaySessionId}`);
    await page.getByTestId('room-more').click();
    await page.getByTestId('room-report').waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`/live/${liveSessionId}`);
    await page.getByTestId('room-status').filter({ hasText: '直播' }).waitFor();
    await page.getByTestId('room-more').click();
    const sheet = page.getByTestId('room-more-sheet');
    await expectText(sheet.getByTestId('room-more-host'), HOST.name, "the sheet's host", { contains: true });
    await expectText(sheet.getByTestId('room-more-company'), COMPANY, "the sheet's company", { contains: true });
    await saveScreenshot(page, 'profiles-live-room-more');
    await sheet.getByTestId('room-report').click();
    await page.locator('.ant-modal-title', { hasText: '举报这场直播' }).waitFor();
    await page.getByTestId('report-details').fill('主播说入职前要先交300元体检费');
    await saveScreenshot(page, 'profiles-live-room-report');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('已收到举报').waitFor();
    const [report] = await server.context.db.query<{ target_kind: string; session_id: string; host_user_id: string }>(
      'select target_kind, session_id, host_user_id from reports where details like $1', ['%体检费%'],
    );
    expect(report).toEqual({ target_kind: 'session', session_id: liveSessionId, host_user_id: hostId });
  });

  it('an admin sees the session report in the queue, linked to the session and the host', async () => {
    const adminPage = await openPage('desktop');
    await signInThroughForm(adminPage, admin.email!, TEST_PASSWORD);
    await adminPage.goto('/admin/reports');
    const row = adminPage.getByTestId('reports-table').locator('tr', { hasText: '体检费' });
    await row.waitFor();
    const link = row.getByTestId('report-session-link');
    await expectText(link, `众信专场·直播中${suffix}`, "the report's session link");
    await expectAttribute(link, 'href', `/live/${liveSessionId}`, "the report's session link");
    await expectAttribute(row.getByRole('link', { name: HOST.name }), 'href', `/hosts/${hostId}`, "the report's host link");
    await saveScreenshot(adminPage, 'profiles-admin-reports');
  });

  it('shows no page errors', () => {
    expect(problems.flatMap((item) => item.errors)).toEqual([]);
  });
});
