// The analytics dashboards in headless Chromium over the real server and the built web app: a bureau
// signs in and sees its own province's figures (charts, map, Sankey, CSV links), switches to the whole
// country; anyone sees the public page with small counts withheld, on a phone too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { augustApplications, buildAugustPostings, insertApplications } from '../server/src/modules/analytics/analytics.fixtures.js';
import { TEST_PASSWORD } from '../server/src/test/factories.js';
import {
  browserAvailability, createPageOpener, launchChromium, saveScreenshot, signInThroughForm, startServer,
  type RunningServer,
} from './support.js';

const availability = browserAvailability();
const AUGUST = 'from=2022-08-01&to=2022-08-31';

describe.skipIf(availability.shouldSkip)('analytics dashboards in the browser', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const { problems } = opener;

  const openPage = opener.open;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await insertApplications(server.context.db, augustApplications());
    await buildAugustPostings(server.context);
    await server.context.auth.createUser({ role: 'bureau', email: 'bureau-e2e@example.test', phone: null, password: TEST_PASSWORD, displayName: '江苏省人社厅', provinceCode: '32' });
  }, 300_000);

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('shows a bureau its province by default, every chart with a CSV, then the whole country', async () => {
    const page = await openPage('desktop');
    await signInThroughForm(page, 'bureau-e2e@example.test', TEST_PASSWORD);
    await page.goto(`/analytics?${AUGUST}&minSent=1`);
    await page.getByTestId('analytics-dashboard').waitFor();
    await expect.poll(() => page.getByTestId('total-applications').textContent()).toContain('11');
    await expect.poll(() => page.getByTestId('analytics-region').textContent()).toContain('江苏');
    for (const figure of ['figure-industries', 'figure-top-categories', 'figure-top-cities', 'figure-top-provinces', 'figure-map', 'figure-attractiveness', 'figure-tier-flows']) {
      await expect(page.getByTestId(figure).isVisible()).resolves.toBe(true);
    }
    expect(await page.getByTestId('figure-top-categories-csv').getAttribute('href')).toBe('/api/analytics/top-categories.csv?from=2022-08-01&to=2022-08-31&minSent=1');
    // The public version of what is on screen: the bureau's province.
    expect(await page.getByTestId('analytics-public-link').getAttribute('href')).toBe('/analytics/public?from=2022-08-01&to=2022-08-31&province=32');
    await page.getByTestId('analytics-map').locator('canvas').first().waitFor();
    await page.getByTestId('analytics-sankey').locator('canvas').first().waitFor();
    await expect.poll(() => page.getByTestId('attractiveness-table').textContent()).toContain('苏州');
    await saveScreenshot(page, 'analytics-bureau-jiangsu');

    const csv = await page.request.get(`/api/analytics/top-categories.csv?${AUGUST}`);
    expect(await csv.text()).toContain('普工,9');

    await page.getByTestId('analytics-region').click();
    await page.getByRole('menuitemcheckbox', { name: '全国' }).or(page.locator('.ant-cascader-menu-item', { hasText: '全国' })).first().click();
    await expect.poll(() => page.getByTestId('total-applications').textContent()).toContain('19');
    expect(page.url()).toContain('national=true');
  });

  it('shows everyone the public figures with counts below 10 withheld, on a phone', async () => {
    const page = await openPage('phone');
    await page.goto(`/analytics/public?${AUGUST}&minSent=2`);
    await page.getByTestId('public-analytics-page').waitFor();
    await page.getByTestId('analytics-public-notice').waitFor();
    await expect.poll(() => page.getByTestId('total-applications').textContent()).toContain('19');
    await expect.poll(() => page.getByTestId('total-sessions').textContent()).toContain('*');
    expect(await page.getByTestId('figure-industries-csv').getAttribute('href')).toMatch(/^\/api\/public\/analytics\/industries\.csv\?/);
    await saveScreenshot(page, 'analytics-public-phone');
    // In English the category names are long: the tables scroll inside their cards, never the page.
    await page.getByTestId('language-switch').click();
    await page.getByText('Top 3 receiving cities per category').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });

  it('had no page errors', () => {
    expect(problems.flatMap((problem) => problem.errors)).toEqual([]);
  });
});
