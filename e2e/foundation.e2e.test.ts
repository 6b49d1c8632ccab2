// The foundation's critical journey in headless Chromium over the real server and the built web app:
// an admin verifies a company, its employer posts a job through the form (and a posting asking for a
// deposit is refused, naming 押金), and a seeker on a 390×844 phone filters, finds the job and opens it, sorts
// jobs by distance from the phone's location (附近, Chromium's geolocation override) and opens 推荐.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode } from '../server/src/modules/companies/index.js';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../server/src/test/factories.js';
import { mailsTo } from '../server/src/test/http-helpers.js';
import {
  browserAvailability, chooseOption, createPageOpener, eventually, expectAttribute, expectCount, expectText, expectValue, fieldErrors,
  launchChromium, readLoggedCode, saveScreenshot, signInThroughForm, signInWithPhoneCode, signOutFromHeader, startServer, waitForNewCode, type RunningServer,
} from './support.js';

const availability = browserAvailability();
const suffix = String(Date.now()).slice(-6);
const JOB_TITLE = `电子厂普工E2E${suffix}`;

// A loaded 2-core machine needs more than vitest's default per-test time for a browser journey.
describe.skipIf(availability.shouldSkip)('foundation journey in the browser', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: { email: string | null };
  let employer: { email: string | null; companyId: string | null };
  let companyName: string;
  let doubtfulCompany: { id: string; name: string };
  let doubtfulEmployer: { email: string | null };
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const { problems } = opener;

  const openPage = opener.open;
  /** The sign-up form's phone and its SMS code (read from the log provider). */
  const fillSignUpPhoneAndCode = async (page: Page, phone: string) => {
    await page.getByTestId('sign-up-phone').fill(phone);
    const readCode = readLoggedCode(server.context);
    const previous = readCode(phone);
    await page.getByTestId('sign-up-send-code').click();
    await page.getByTestId('sign-up-code').fill(await waitForNewCode(readCode, phone, previous));
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const { context } = server;
    admin = await buildUser(context, { role: 'admin', displayName: '平台管理员' });
    const pending = await buildCompany(context, { status: 'pending', cityCode: '320500', name: `苏州精工电子有限公司${suffix}` });
    employer = pending.employer;
    companyName = pending.company.name;
    const doubtful = await buildCompany(context, { status: 'pending', name: `无锡某某贸易有限公司${suffix}` });
    doubtfulCompany = doubtful.company;
    doubtfulEmployer = doubtful.employer;
    // Jobs the seeker's filters must leave out: same category elsewhere, another category in the same city.
    const other = await buildCompany(context, { status: 'verified', cityCode: '330100', name: `杭州远达物流有限公司${suffix}` });
    await buildJob(context, other.employer, { title: `杭州仓库普工${suffix}`, cityCode: '330100', categoryCode: 'general_worker' });
    await buildJob(context, other.employer, { title: `苏州货车司机${suffix}`, cityCode: '320500', categoryCode: 'driver', industryCode: 'G' });
  });

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('an admin verifies one pending company and rejects another with a reason', async () => {
    const page = await openPage('desktop');
    await signInThroughForm(page, admin.email!, TEST_PASSWORD);
    await page.waitForURL('**/admin/companies');
    const row = page.getByTestId('companies-table').locator('tr', { hasText: companyName });
    await expectCount(row, 1, "the pending company's row");
    await saveScreenshot(page, 'admin-queue');
    await row.getByTestId('verify-company').click();
    await page.getByTestId('verify-confirm').click();
    await row.waitFor({ state: 'detached' });
    await eventually(() => server.context.companies.getCompany(employer.companyId!), 'the company verified').toMatchObject({ status: 'verified' });

    const doubtfulRow = page.getByTestId('companies-table').locator('tr', { hasText: doubtfulCompany.name });
    await doubtfulRow.getByTestId('reject-company').click();
    await page.getByTestId('review-reason').fill('营业执照与企业名称不符');
    await page.getByTestId('review-confirm').click();
    await doubtfulRow.waitFor({ state: 'detached' });
    await eventually(() => server.context.companies.getCompany(doubtfulCompany.id), 'the company rejected').toMatchObject({ status: 'rejected', reviewReason: '营业执照与企业名称不符' });
  });

  it('the rejected employer reads the reason, corrects the name and sends it for review again', async () => {
    const page = await openPage('desktop');
    await signInThroughForm(page, doubtfulEmployer.email!, TEST_PASSWORD);
    await page.waitForURL('**/employer');
    await expectAttribute(page.getByTestId('company-status'), 'data-status', 'rejected', "the company's status");
    await expectText(page.getByTestId('company-status'), '营业执照与企业名称不符', 'the rejection reason', { contains: true });
    await page.getByTestId('correct-company-link').click();
    await page.waitForURL('**/employer/company');
    const name = page.getByTestId('company-name');
    await expectValue(name, doubtfulCompany.name, "the form's company name");
    await name.fill(`无锡某某贸易有限责任公司${suffix}`);
    await saveScreenshot(page, 'employer-correct-company');
    await page.getByTestId('company-submit').click();
    await page.waitForURL('**/employer');
    // The form's own (rejected) banner stays until the home page has loaded: wait for the new one.
    await page.locator('[data-testid="company-status"][data-status="pending"]').waitFor();
    await expect(server.context.companies.getCompany(doubtfulCompany.id)).resolves.toMatchObject({ name: `无锡某某贸易有限责任公司${suffix}`, status: 'pending' });
  });

  it('the employer posts a job through the form', async () => {
    const page = await openPage('desktop');
    await signInThroughForm(page, employer.email!, TEST_PASSWORD);
    await page.waitForURL('**/employer');
    await expectAttribute(page.getByTestId('company-status'), 'data-status', 'verified', "the company's status");
    await page.getByTestId('post-job-link').click();
    await page.getByTestId('job-title-input').fill(JOB_TITLE);
    await chooseOption(page, 'job-category', '普工', '普工');
    await page.getByTestId('job-pay-min').fill('5500');
    await page.getByTestId('job-pay-max').fill('7500');
    await page.getByTestId('job-pay-hourly').fill('22');
    await page.getByTestId('job-daily-pay').click();
    await chooseOption(page, 'job-shift', '两班倒');
    await page.getByTestId('job-housing').getByText('包住（宿舍）').click();
    await page.getByTestId('job-meals').getByText('包吃', { exact: true }).click();
    await page.getByTestId('job-headcount').fill('30');
    await page.getByTestId('job-requirements-input').fill('身体健康，能适应两班倒，能站立工作');
    await page.getByTestId('job-benefits-input').fill('五险一金，满勤奖300元');
    await page.getByTestId('job-description-input').fill('手机摄像头模组组装，流水线作业，车间有空调。');
    await saveScreenshot(page, 'employer-post-job-form');
    await page.getByTestId('job-submit').click();
    await page.waitForURL('**/employer/jobs');
    await page.getByTestId('my-jobs-table').getByText(JOB_TITLE).waitFor();
    await saveScreenshot(page, 'employer-my-jobs');
    // In English the table names the city in English too.
    await page.getByTestId('language-switch').click();
    await page.getByTestId('my-jobs-table').locator('tr', { hasText: JOB_TITLE }).getByText('Suzhou', { exact: true }).waitFor();
    await page.getByTestId('language-switch').click();
    const { jobs } = await server.context.jobs.listJobs({ q: JOB_TITLE, page: 1, pageSize: 5 });
    const posted = jobs.find((job) => job.title === JOB_TITLE);
    expect(posted).toMatchObject({ cityCode: '320500', categoryCode: 'general_worker', payMonthlyMin: 5500, payMonthlyMax: 7500, payHourly: 22, isDailyPay: true, shiftPattern: 'two_shifts', housing: 'dormitory', meals: 'free', headcount: 30 });
  });

  it('a posting that asks for a deposit is refused, naming 押金 on the requirements field', async () => {
    const page = await openPage('desktop');
    await signInThroughForm(page, employer.email!, TEST_PASSWORD);
    await page.goto('/employer/jobs/new');
    await page.getByTestId('job-title-input').fill(`押金测试岗位${suffix}`);
    await chooseOption(page, 'job-category', '普工', '普工');
    await page.getByTestId('job-pay-hourly').fill('21');
    await chooseOption(page, 'job-shift', '长白班');
    await page.getByTestId('job-housing').getByText('不提供住宿').click();
    await page.getByTestId('job-meals').getByText('餐补').click();
    await page.getByTestId('job-headcount').fill('5');
    const requirements = page.getByTestId('job-requirements-input');
    await requirements.fill('入职需交押金200元，工作满三个月退还');
    await page.getByTestId('job-submit').click();
    await page.getByTestId('posting-rejected').waitFor();
    const messages = fieldErrors(page, requirements);
    await expectText(messages.first(), '押金', "the requirements field's error", { contains: true });
    await saveScreenshot(page, 'employer-posting-rejected');
    const rows = await server.context.db.query<{ count: number }>('select count(*)::int as count from jobs where title = $1', [`押金测试岗位${suffix}`]);
    expect(rows[0]!.count).toBe(0);
  });

  it('an employer signs up and registers an agency; the server names the bad credit code on its field', async () => {
    const page = await openPage('desktop');
    await page.goto('/sign-up?role=employer');
    await page.getByTestId('sign-up-email').fill(`hr${suffix}@agency.example`);
    await fillSignUpPhoneAndCode(page, `137${suffix}02`);
    await page.getByTestId('sign-up-password').fill('employer-password-1');
    await page.getByTestId('sign-up-name').fill('王经理');
    await page.getByTestId('sign-up-submit').click();
    await page.waitForURL('**/employer/company');
    // The email signs in only once its inbox confirms it: the page says where the link went, and the link works.
    await page.locator('.sign-up-email-sent').getByText(`hr${suffix}@agency.example`, { exact: false }).waitFor();
    const link = /https?:\/\/\S+\/confirm-email\?token=[\w-]+/.exec(mailsTo(server.context, `hr${suffix}@agency.example`).at(-1)?.text ?? '')?.[0];
    expect(link).toBeTruthy();
    const confirmPage = await openPage('desktop');
    await confirmPage.goto(new URL(link!).pathname + new URL(link!).search);
    await expectAttribute(confirmPage.getByTestId('confirm-email'), 'data-state', 'confirmed', 'the email confirmation');
    await confirmPage.close();

    const validCode = buildCreditCode(`91320500${suffix}123`);
    const wrongCheck = validCode.slice(0, 17) + (validCode[17] === '1' ? '2' : '1');
    await page.getByTestId('company-name').fill(`苏州快聘人力资源有限公司${suffix}`);
    const creditCode = page.getByTestId('company-credit-code');
    await creditCode.fill(wrongCheck);
    await chooseOption(page, 'company-city', /^苏州/, '苏州');
    await chooseOption(page, 'company-industry', '租赁和商务服务业', '租赁');
    await page.getByTestId('account-type-agency').click();
    await page.getByTestId('company-submit').click();
    // The HR licence is required for agencies: the form asks before anything is sent.
    await fieldErrors(page, page.getByTestId('company-hr-licence')).first().waitFor();
    await page.getByTestId('company-hr-licence').fill('320500202400123');
    await page.getByTestId('company-submit').click();
    const codeErrors = fieldErrors(page, creditCode);
    await expectText(codeErrors.first(), '校验位错误', "the credit code's error", { contains: true });
    await saveScreenshot(page, 'employer-register-company-error');

    await creditCode.fill(validCode);
    await page.getByTestId('company-submit').click();
    await page.waitForURL('**/employer');
    await expectAttribute(page.getByTestId('company-status'), 'data-status', 'pending', "the company's status");
    await saveScreenshot(page, 'employer-company-pending');
  });

  it('a seeker on a phone signs up, filters by city and category, finds the job and opens it', async () => {
    const page = await openPage('phone');
    await page.goto('/sign-up');
    await fillSignUpPhoneAndCode(page, `139${suffix}01`);
    await page.getByTestId('sign-up-password').fill('seeker-password-1');
    await page.getByTestId('sign-up-name').fill('李师傅');
    await page.getByTestId('sign-up-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('user-menu').waitFor();

    await chooseOption(page, 'filter-city', /^苏州/, '苏州');
    await page.waitForURL(/city=320500/);
    await chooseOption(page, 'filter-category', '普工', '普工');
    await page.locator('[data-testid="job-results"][data-loaded-for="city=320500&category=general_worker"]').waitFor();
    const card = page.getByTestId('job-card').filter({ hasText: JOB_TITLE });
    await card.waitFor();
    // The results are those of both filters (data-loaded-for above): the other city's and category's jobs are left out.
    await expectCount(page.getByTestId('job-card').filter({ hasText: `杭州仓库普工${suffix}` }), 0, "another city's job");
    await expectCount(page.getByTestId('job-card').filter({ hasText: `苏州货车司机${suffix}` }), 0, "another category's job");
    await expectText(card.getByTestId('job-pay'), '5500-7500元/月', "the card's pay");
    await expectText(card, /包吃住.*日结/, "the card's perks");
    await expectText(card.getByTestId('account-type'), '自招', "the card's account type");
    await saveScreenshot(page, 'seeker-phone-job-list');

    await card.click();
    await page.getByTestId('job-detail').waitFor();
    await expectText(page.getByTestId('job-title'), JOB_TITLE, "the job's title");
    await expectText(page.getByTestId('job-detail-pay'), '5500-7500元/月', "the job's pay");
    await expectText(page.getByTestId('job-company'), companyName, "the job's company", { contains: true });
    await expectText(page.getByTestId('job-requirements'), '能适应两班倒', "the job's requirements", { contains: true });
    await expectText(page.getByTestId('job-detail-daily-pay'), '支持日结', 'the daily-pay line');
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth), 'the job page width').toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'seeker-phone-job-detail');

    await page.getByTestId('language-switch').click();
    await page.getByText('Back to jobs').waitFor();
    await page.reload();
    await page.getByText('Back to jobs').waitFor();
    await expectText(page.getByTestId('job-detail-pay'), '¥5,500–7,500/month', "the job's pay in English");
    await saveScreenshot(page, 'seeker-phone-job-detail-en');
    await page.getByTestId('language-switch').click();
    await page.getByText('返回列表').waitFor();
  });

  it('the seeker signs in with an SMS code and saves a quick profile on the phone', async () => {
    const page = await openPage('phone');
    // The sign-up's code was sent moments ago: as if a minute had passed (one code a minute per phone).
    await server.context.db.query("update phone_codes set sent_at = sent_at - interval '61 seconds' where phone = $1", [`139${suffix}01`]);
    await signInWithPhoneCode(page, `139${suffix}01`, readLoggedCode(server.context));
    await page.goto('/me/profile');
    await expectValue(page.getByTestId('profile-phone'), `139${suffix}01`, 'the prefilled phone');
    await page.getByTestId('profile-name').fill('李建国');
    await chooseOption(page, 'profile-home-city', /^周口/, '周口');
    await chooseOption(page, 'profile-current-city', /^苏州/, '苏州');
    await chooseOption(page, 'profile-categories', '普工', '普工');
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'seeker-phone-profile');
    await page.getByTestId('profile-save').click();
    await page.getByText('简历已保存').waitFor();
    const rows = await server.context.db.query<{ name: string; home: string }>(
      `select p.name, p.home_city_code as home from seeker_profiles p join users u on u.id = p.user_id where u.phone = $1`,
      [`139${suffix}01`],
    );
    expect(rows).toEqual([{ name: '李建国', home: '411600' }]);

    await signOutFromHeader(page);
    await eventually(() => page.evaluate(() => fetch('/api/auth/me').then((response) => response.json())), 'the session ended on the server').toEqual({ user: null });
  });

  it('附近 sorts by distance from the phone\'s city (location asked on a tap); 推荐 asks once and says why', async () => {
    const page = await openPage('phone');
    // 昆山, between 苏州 and 上海: the nearest reference city is 苏州.
    await page.context().setGeolocation({ latitude: 31.385, longitude: 120.98 });
    await page.context().grantPermissions(['geolocation']);
    await page.goto('/');
    await page.getByTestId('job-view-near').click();
    await page.getByTestId('near-me-locate').click();
    await expectAttribute(page.getByTestId('near-me-bar'), 'data-near-city', '320500', 'the city of the phone\'s position');
    await expectAttribute(page.getByTestId('job-results'), 'data-loaded-for', 'sort=near&near=320500', 'the 附近 list');
    await expectText(page.getByTestId('job-distance').first(), /^同城/, 'the nearest job\'s distance');
    const hangzhou = page.getByTestId('job-card').filter({ hasText: `杭州仓库普工${suffix}` }).getByTestId('job-distance');
    await expectText(hangzhou, /^离你 1\d\d km/, 'the 杭州 job\'s distance');
    await saveScreenshot(page, 'seeker-near-me');

    await page.getByTestId('job-view-for-me').click();
    await page.waitForURL('**/for-you');
    await page.getByTestId('first-use-category-driver').click();
    await page.getByTestId('first-use-save').click();
    const first = page.getByTestId('for-you-jobs').getByTestId('job-card').first();
    await expectText(first.locator('.job-card-title'), `苏州货车司机${suffix}`, 'the first recommendation');
    await expectText(first.getByTestId('reasons'), /你关注的工种：司机\s*就在苏州/, 'its reasons');
    await saveScreenshot(page, 'seeker-for-me');
    // Asked once: the sheet stays closed next time.
    await page.reload();
    await expectText(first.locator('.job-card-title'), `苏州货车司机${suffix}`, 'the first recommendation after a reload');
    await expectCount(page.getByTestId('first-use-sheet'), 0, 'the first-use sheet after a reload');
  });

  it('the pages raised no script errors', () => {
    expect(problems.flatMap((watch) => watch.errors)).toEqual([]);
  });
});
