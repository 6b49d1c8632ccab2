// The Content-Security-Policy in the browser: the app's home and the API docs (swagger-ui) work under it with
// no violation; the watcher every journey uses (support.ts) does catch one. Players and ECharts are covered by
// the live-room and analytics journeys, which fail on any CSP violation too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, createPageOpener, eventually, expectCount, launchChromium, saveScreenshot, startServer, type RunningServer } from './support.js';

const availability = browserAvailability();

describe.skipIf(availability.shouldSkip)('the Content-Security-Policy in the browser', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('serves the app and the API docs with no CSP violation', async () => {
    const page = await opener.open('phone');
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('banner').waitFor();
    const docs = await opener.open('desktop');
    await docs.goto('/docs');
    // swagger-ui renders the operations from the OpenAPI document with its own scripts and styles.
    await expectCount(docs.locator('.swagger-ui .information-container'), 1, 'the API title block');
    await docs.locator('.opblock').first().waitFor();
    await saveScreenshot(docs, 'security-docs-desktop');
    expect(opener.problems.flatMap((problem) => problem.errors)).toEqual([]);
  });

  it('would catch a violation: an injected inline script is refused and reported', async () => {
    const page = await opener.open('desktop');
    await page.goto('/');
    const problems = opener.problems.at(-1)!;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await eventually(() => problems.errors.join('\n'), 'the CSP violation report').toContain('CSP violation: script-src');
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    problems.errors.length = 0;
  });
});
