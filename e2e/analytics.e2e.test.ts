// The analytics dashboards in headless Chromium over the real server and the built web app: a bureau
// signs in and sees its own province's figures (charts, map, Sankey, CSV links), switches to the whole
// country; anyone sees the public page with small counts withheld, on a phone too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { augustApplications, buildAugustPostings, insertApplications } from '../server/src/modules/analytics/analytics.fixtures.js';
import { TEST_PASSWORD } from '../server/src/test/factories.js';
import {
  browserAvailability, createPageOpener, eventually, expectAttribute, expectCount, expectText, launchChromium, saveScreenshot, signInThroughForm,
  startServer, type RunningServer,
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

  it('shows a bureau its province by default, every chart with a CSV, and not the whole country', async () => {
    const page = await openPage('desktop');
    await signInThroughForm(page, 'bureau-e2e@example.test', TEST_PASSWORD);
    await page.goto(`/analytics?${AUGUST}&minSent=1`);
    await page.getByTestId('analytics-dashboard').waitFor();
    await expectText(page.getByTestId('total-applications'), '11', "the province's applications", { contains: true });
    await expectText(page.getByTestId('analytics-region'), '江苏', 'the region picker', { contains: true });
    // A province shows its cities, its map and its flows in and out, never a one-bar "top provinces" chart (issue 12).
    for (const figure of ['figure-industries', 'figure-top-categories', 'figure-top-cities', 'figure-region-cities', 'figure-region-map', 'figure-region-flows', 'figure-map', 'figure-attractiveness', 'figure-tier-flows']) {
      await page.getByTestId(figure).waitFor();
    }
    await expectCount(page.getByTestId('figure-top-provinces'), 0, 'no top-provinces chart for a province');
    await expectAttribute(page.getByTestId('figure-top-categories-csv'), 'href', '/api/analytics/top-categories.csv?from=2022-08-01&to=2022-08-31&minSent=1', "the top categories' CSV link");
    // The public version of what is on screen: the bureau's province.
    await expectAttribute(page.getByTestId('analytics-public-link'), 'href', '/analytics/public?from=2022-08-01&to=2022-08-31&province=32', 'the public page link');
    await page.getByTestId('analytics-map').locator('canvas').first().waitFor();
    await page.getByTestId('analytics-sankey').locator('canvas').first().waitFor();
    await expectText(page.getByTestId('attractiveness-table'), '苏州', 'the attractiveness table', { contains: true });
    await saveScreenshot(page, 'analytics-bureau-jiangsu');

    const csv = await page.request.get(`/api/analytics/top-categories.csv?${AUGUST}`);
    expect(await csv.text()).toContain('普工,9');

    // A bureau's figures are its province's (issue 10): the whole country is refused; the public page has it.
    expect((await page.request.get(`/api/analytics?${AUGUST}&national=true`)).status()).toBe(403);
  });

  it('shows everyone the public figures with counts below 10 withheld, on a phone', async () => {
    const page = await openPage('phone');
    await page.goto(`/analytics/public?${AUGUST}&minSent=2`);
    await page.getByTestId('public-analytics-page').waitFor();
    await page.getByTestId('analytics-public-notice').waitFor();
    await expectText(page.getByTestId('total-applications'), '19', 'the public applications', { contains: true });
    await expectText(page.getByTestId('total-sessions'), '*', 'the withheld session count', { contains: true });
    await expectAttribute(page.getByTestId('figure-industries-csv'), 'href', /^\/api\/public\/analytics\/industries\.csv\?/, "the industries' CSV link");
    await saveScreenshot(page, 'analytics-public-phone');
    // In English the category names are long: the tables scroll inside their cards, never the page.
    await page.getByTestId('language-switch').click();
    await page.getByText('Top 3 receiving cities per category').waitFor();
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'the English page to fit the phone').toBe(0);
  });

  it('had no page errors', () => {
    expect(problems.flatMap((problem) => problem.errors)).toEqual([]);
  });
});
