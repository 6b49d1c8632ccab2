// Campaigns in headless Chromium over the real server and the built web app: a bureau creates a campaign in
// its console (a wrong period is refused on the form first), adds an upcoming session of its province, sees
// it in the campaign's table; then a seeker on a phone finds the campaign tag on the session's card in the
// live list, opens the campaign's page and sees the session there, ready to book.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBureau } from '../server/src/test/campaign-factories.js';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../server/src/test/factories.js';
import { buildSeeker, buildSession } from '../server/src/test/pipeline-factories.js';
import {
  browserAvailability, createPageOpener, eventually, expectText, fieldErrors, launchChromium, saveScreenshot, signInThroughForm,
  startServer, waitForValue, type RunningServer,
} from './support.js';

const availability = browserAvailability();
const suffix = String(Date.now()).slice(-6);
const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(availability.shouldSkip)('campaigns in the browser', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let bureauEmail: string;
  let seekerPhone: string;
  let sessionId: string;
  let campaignId: string;
  const campaignName = `春风行动·苏州专场${suffix}`;
  const sessionTitle = `苏州电子厂直播专场${suffix}`;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const { problems } = opener;

  const openPage = opener.open;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const { context } = server;
    bureauEmail = (await buildBureau(context, '32', '苏州市人社局')).email!;
    const company = await buildCompany(context, { name: `苏州精密电子${suffix}` });
    const job = await buildJob(context, company.employer, { title: `摄像头模组普工${suffix}`, cityCode: '320500' });
    const host = await buildUser(context, { role: 'host', displayName: '小李带岗' });
    sessionId = (await buildSession(context, host, {
      title: sessionTitle, startsAt: new Date(Date.now() + 2 * 86_400_000), status: 'scheduled', provinceCode: '32', jobIds: [job.id],
    })).id;
    seekerPhone = (await buildSeeker(context, { name: '王建军', phone: `136${suffix}77` })).phone;
  });

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('the bureau creates a campaign and adds a session of its province', async () => {
    const page = await openPage('desktop');
    await signInThroughForm(page, bureauEmail, TEST_PASSWORD);
    await page.getByTestId('main-nav').getByText('活动').click();
    await page.getByTestId('create-campaign').click();
    await page.getByTestId('campaign-name').fill(campaignName);
    await page.getByTestId('campaign-starts-on').fill(chinaDay(0));
    await page.getByTestId('campaign-ends-on').fill(chinaDay(-1));
    await page.getByTestId('campaign-description').fill('送岗位、送政策，直播间一键报名，全程免费');
    await page.getByTestId('campaign-submit').click();
    await expectText(fieldErrors(page, page.getByTestId('campaign-ends-on')).first(), '结束日期不能早于开始日期', "the end date's error");
    await page.getByTestId('campaign-ends-on').fill(chinaDay(30));
    await page.getByTestId('campaign-submit').click();
    const console = page.getByTestId('campaign-console');
    campaignId = await waitForValue(() => console.getAttribute('data-campaign-id'), "the new campaign's console");
    const [row] = await server.context.db.query<{ name: string; province_code: string; organiser: string }>(
      'select c.name, c.province_code, u.email as organiser from campaigns c join users u on u.id = c.organiser_user_id where c.id = $1', [campaignId],
    );
    expect(row).toEqual({ name: campaignName, province_code: '32', organiser: bureauEmail });

    await page.getByTestId('open-attach').click();
    await page.locator(`[data-testid="attach-session"][data-session-id="${sessionId}"]`).click();
    await page.getByTestId('attachable-sessions').getByText('已添加').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('campaign-sessions-table').getByText(sessionTitle).waitFor();
    await expectText(page.getByTestId('campaign-total-sessions'), '1', "the campaign's session count", { contains: true });
    await saveScreenshot(page, 'campaigns-bureau-console');
    const [session] = await server.context.db.query<{ campaign_id: string }>('select campaign_id from live_sessions where id = $1', [sessionId]);
    expect(session.campaign_id).toBe(campaignId);
  });

  it("a seeker on a phone follows the session card's campaign tag to the campaign's page", async () => {
    const page = await openPage('phone');
    await signInThroughForm(page, seekerPhone, TEST_PASSWORD);
    await page.goto('/live?tab=upcoming');
    const card = page.locator(`[data-testid="session-card"][data-session-id="${sessionId}"]`);
    const tag = card.getByTestId('session-campaign-tag');
    await expectText(tag, campaignName, "the card's campaign tag", { contains: true });
    await tag.click();
    await page.locator(`[data-testid="campaign-page"][data-campaign-id="${campaignId}"]`).waitFor();
    await expectText(page.getByTestId('campaign-title'), campaignName, "the campaign's title");
    const upcoming = page.getByTestId('campaign-sessions-upcoming');
    await upcoming.locator(`[data-testid="session-card"][data-session-id="${sessionId}"] .session-title`).filter({ hasText: sessionTitle }).waitFor();
    await upcoming.getByTestId('book-session').waitFor();
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth), 'the campaign page width').toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'campaigns-seeker-phone');
    expect(problems.flatMap((item) => item.errors)).toEqual([]);
  });
});
