import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, TEST_PASSWORD } from '../server/src/test/factories.js';
import { browserAvailability, createPageOpener, expectAttribute, launchChromium, saveScreenshot, signInThroughForm, startServer, type RunningServer } from './support.js';

const availability = browserAvailability();

describe.skipIf(availability.shouldSkip)('integrations: an employer makes, uses and revokes an API token in the console', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let employer: { email: string | null };
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const { problems } = opener;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    employer = (await buildCompany(server.context, { status: 'verified', cityCode: '320500' })).employer;
  });
  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('开放接口: a read token is shown once, reads the company\'s applications, cannot write, and stops when revoked', async () => {
    const page = await opener.open('desktop');
    await signInThroughForm(page, employer.email!, TEST_PASSWORD);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-integrations').click();
    await page.waitForURL('**/console/integrations');
    await page.getByTestId('token-name').fill('ATS 同步');
    await page.getByTestId('create-token').click();
    const secret = await page.getByTestId('token-secret').inputValue();
    expect(secret).toMatch(/^jc_[\w-]{43}$/);
    await saveScreenshot(page, 'integrations-token-shown-once');
    await page.getByRole('button', { name: '我已保存' }).click();

    const call = (method: string) => fetch(`${server.baseUrl}${method === 'GET' ? '/api/employer/applications' : '/api/employer/jobs'}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      ...(method === 'GET' ? {} : { body: '{}' }),
    });
    expect((await call('GET')).status).toBe(200);
    expect((await call('POST')).status).toBe(403);

    await expectAttribute(page.getByTestId('token-status'), 'data-status', 'active', "the token's status");
    await page.getByTestId('revoke-token').click();
    await page.getByRole('button', { name: /OK|确\s*定/ }).click();
    await expectAttribute(page.getByTestId('token-status'), 'data-status', 'revoked', "the revoked token's status");
    expect((await call('GET')).status).toBe(401);
    await saveScreenshot(page, 'integrations-token-revoked');
  });

  it('the pages raised no script errors', () => {
    expect(problems.flatMap((watch) => watch.errors)).toEqual([]);
  });
});
