// The employment impact report (issue 12) in headless Chromium over the real server and the built web app,
// on the hand-scripted data of impact.fixtures.ts (its hires worked out by hand there): a bureau opens the console
// report for its province, narrows it to a campaign, changes the window and downloads the PDF (its pages are
// rendered into .test-artifacts/e2e to be looked at); an admin stores a new coefficient and the report, on screen
// and printed, says the new method version; an admin adds an occupation to the catalogue, a recruiter states it and
// tags a job with it, and the report counts both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImpactFixture, type ImpactFixture } from '../server/src/modules/impact/impact.fixtures.js';
import { TEST_PASSWORD } from '../server/src/test/factories.js';
import {
  ARTIFACTS_DIR, browserAvailability, chooseOption, createPageOpener, eventually, expectCount, expectText, fieldErrors, launchChromium,
  saveScreenshot, signInThroughForm, startServer, type RunningServer,
} from './support.js';

const availability = browserAvailability();
const JANUARY = 'from=2026-01-01&to=2026-01-31';
const PDFTOPPM = '/usr/bin/pdftoppm';

/**
 * Types the window's last day and confirms, as a user would: Enter on the end date moves the range picker to
 * its start date, and Enter there confirms the range (the start as it was).
 */
async function typeWindowEnd(page: Page, date: string) {
  const [start, end] = [page.getByTestId('impact-window').nth(0), page.getByTestId('impact-window').nth(1)];
  await end.click();
  await end.fill(date);
  await end.press('Enter');
  await eventually(() => start.evaluate((element) => element === document.activeElement), 'the picker to move to the start date').toBe(true);
  await start.press('Enter');
}

describe.skipIf(availability.shouldSkip)('the impact report in the browser', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let fixture: ImpactFixture;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    fixture = await buildImpactFixture(server.context);
  }, 300_000);

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('a bureau opens its province, then a campaign, changes the window and downloads the PDF', async () => {
    const page = await opener.open('desktop');
    await signInThroughForm(page, fixture.users.bureauJiangsu.email!, TEST_PASSWORD);
    await page.goto(`/console/impact?${JANUARY}`);
    // 江苏, January: hires a6, a2, a1, a4 (impact.fixtures.ts).
    await expectText(page.getByTestId('impact-region'), '江苏', 'the region: the bureau’s province', { contains: true });
    await expectText(page.getByTestId('impact-measured-hires-value'), '4', 'the province’s hires');
    await expectText(page.getByTestId('impact-method-version'), /v1[：:]/, 'the method version');
    // Widespread for the province: its cities, its map and the flows in (every fixture seeker lives in 安徽), no
    // one-bar "top provinces"; the attrition by week (a2 left in the week of 5 January: 100 %).
    const widespread = page.getByTestId('impact-widespread');
    await widespread.getByTestId('region-map').waitFor();
    await expectText(widespread.getByTestId('region-inflows-list'), '安徽 5', 'the flow into 江苏 from 安徽');
    await expectCount(widespread.getByTestId('figure-top-provinces'), 0, 'no one-bar province chart');
    await expectText(page.getByTestId('impact-attrition-series').locator('tbody tr.ant-table-row').nth(1), '100.0%', 'the week of 5 January', { contains: true });
    await saveScreenshot(page, 'impact-bureau-province');

    await chooseOption(page, 'impact-campaign', '2026 春风行动');
    await page.getByTestId('impact-campaign-note').waitFor();
    // Through the campaign's session S1: a2 and a1.
    await expectText(page.getByTestId('impact-measured-hires-value'), '2', 'the campaign’s hires');
    await expectText(page.getByTestId('impact-open-sessions-value'), '1', 'the campaign’s sessions');
    // Widespread narrowed too: a1 a2 a3 a7 applied through S1.
    await expectText(widespread.getByTestId('total-applications'), '4', 'the campaign’s applications in Widespread', { contains: true });

    await typeWindowEnd(page, '2026-01-06');
    // 1–6 January: only a2 (hired on the 6th).
    await expectText(page.getByTestId('impact-measured-hires-value'), '1', 'the campaign’s hires in the new window');
    await eventually(() => page.url(), 'the window in the URL').toContain('to=2026-01-06');
    await saveScreenshot(page, 'impact-bureau-campaign');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('impact-pdf').click()]);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const pdfPath = path.join(ARTIFACTS_DIR, 'impact-bureau.pdf');
    await download.saveAs(pdfPath);
    expect(download.suggestedFilename()).toBe('jobcast-impact-32-2026-01-01-2026-01-06-zh.pdf');
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    // The pages as printed, to be looked at: the PDF itself where poppler is installed, and always the same
    // document in print media at A4 width.
    if (existsSync(PDFTOPPM)) {
      const rendered = spawnSync(PDFTOPPM, ['-png', '-r', '60', pdfPath, path.join(ARTIFACTS_DIR, 'impact-bureau-pdf-page')]);
      expect(rendered.status).toBe(0);
    }
    const printed = await opener.open('desktop');
    await signInThroughForm(printed, fixture.users.bureauJiangsu.email!, TEST_PASSWORD);
    await printed.setViewportSize({ width: 794, height: 1123 });
    await printed.emulateMedia({ media: 'print' });
    await printed.goto(`/api/impact/report.html?from=2026-01-01&to=2026-01-06&campaignId=${fixture.campaignId}`);
    await expectText(printed.locator('[data-figure="measured.hires"]'), '1', 'the printed hires');
    await saveScreenshot(printed, 'impact-bureau-printed');
  });

  it('an admin stores a new coefficient, and the report shows the new method version', async () => {
    const page = await opener.open('desktop');
    await signInThroughForm(page, fixture.users.admin.email!, TEST_PASSWORD);
    await page.goto(`/console/impact?${JANUARY}&province=32`);
    // v1 for 江苏: (2 hosts + 2 recruiters) × 1 × 0.5 = 2; 2 companies × 1 = 2; 1 agency × 1 = 1.
    await expectText(page.getByTestId('impact-estimate-total'), '5', 'the v1 estimate');
    await page.getByTestId('impact-method-admin').getByRole('button').first().click();
    await expectCount(page.getByTestId('impact-method-versions').locator('tbody tr.ant-table-row'), 1, 'the one stored version');
    await page.getByTestId('impact-method-edit').click();
    const coefficient = page.getByTestId('impact-method-coefficient-1');
    await coefficient.fill('2');
    await page.getByTestId('impact-method-save').click();
    // The up/downstream coefficient now 2: 2 + 4 + 1.
    await expectText(page.getByTestId('impact-method-version'), /v2[：:]/, 'the new method version on the report');
    await expectText(page.getByTestId('impact-estimate-total'), '7', 'the v2 estimate');
    await expectText(page.getByTestId('impact-component-upDownstream'), '(companies 2) × 2 = 4', 'the arithmetic with the new coefficient', { contains: true });
    await expectCount(page.getByTestId('impact-method-versions').locator('tbody tr.ant-table-row'), 2, 'both versions, the first unchanged');
    await expectText(page.getByTestId('impact-method-versions').locator('tbody tr.ant-table-row').first(), fixture.users.admin.displayName, 'who stored v2', { contains: true });
    await saveScreenshot(page, 'impact-admin-v2');
    const printed = await page.request.get(`/api/impact/report.html?${JANUARY}&provinceCode=32&lang=en`);
    expect(await printed.text()).toContain('data-figure="estimated.methodVersion" data-value="2"');
  });

  it('an admin adds an occupation, a recruiter states it and tags a job with it, and the report counts them', async () => {
    const admin = await opener.open('desktop');
    await signInThroughForm(admin, fixture.users.admin.email!, TEST_PASSWORD);
    await admin.goto(`/console/impact?${JANUARY}&province=32`);
    await admin.getByTestId('occupation-catalogue').getByRole('button').first().click();
    await admin.getByTestId('occupation-add').click();
    // The server's refusal lands on its field: the name is taken.
    await admin.getByTestId('occupation-name').fill('带岗主播');
    await chooseOption(admin, 'occupation-group', '内容造物师');
    await admin.getByTestId('occupation-source').fill('岗位说明（端到端测试）');
    await admin.getByTestId('occupation-save').click();
    await expectText(fieldErrors(admin, admin.getByTestId('occupation-name')), '职业目录中已有该职业', 'the taken name on its field');
    await admin.getByTestId('occupation-name').fill('直播间场控');
    await admin.getByTestId('occupation-save').click();
    await expectText(admin.getByTestId('occupation-catalogue'), '共 32 个职业', 'the catalogue with the new entry', { contains: true });

    // 甲厂's recruiter states it on 企业中心 and tags 南京仓管 (untagged until now) in the job form.
    const employer = await opener.open('phone');
    await signInThroughForm(employer, fixture.users.employerA.email!, TEST_PASSWORD);
    await employer.goto('/employer');
    await expectText(employer.getByTestId('my-occupation-current'), '互联网招聘师', 'the occupation stated so far', { contains: true });
    await chooseOption(employer, 'my-occupation-select', '直播间场控', '场控');
    await employer.getByTestId('my-occupation-save').click();
    await expectText(employer.getByTestId('my-occupation-current'), '直播间场控', 'the new occupation stated', { contains: true });
    const [job] = await server.context.db.query<{ id: string }>(`select id from jobs where title = '南京仓管'`);
    await employer.goto(`/employer/jobs/${job!.id}/edit`);
    await chooseOption(employer, 'job-occupation', '直播间场控', '场控');
    await saveScreenshot(employer, 'impact-job-form-occupation');
    await employer.getByTestId('job-submit').click();
    await employer.waitForURL(/\/employer\/jobs$/);

    // 江苏, January: the recruiter is active (甲厂's events) and 南京仓管 open in the window.
    await admin.reload();
    const row = admin.getByTestId('impact-occupations').locator('tr', { hasText: '直播间场控' });
    await expectText(row.locator('td').nth(2), '1', 'the recruiter counted under the new occupation');
    await expectText(row.locator('td').nth(3), '1', 'the tagged job counted under the new occupation');
    await saveScreenshot(admin, 'impact-admin-occupation');
  });

  it('had no page errors', () => {
    expect(opener.problems.flatMap((problem) => problem.errors)).toEqual([]);
  });
});
