import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, TEST_PASSWORD } from '../server/src/test/factories.js';
import { buildSeeker } from '../server/src/test/pipeline-factories.js';
import { browserAvailability, createPageOpener, eventually, expectAttribute, expectCount, expectText, launchChromium, saveScreenshot, signInThroughForm, startServer, type RunningServer } from './support.js';

const availability = browserAvailability();

describe.skipIf(availability.shouldSkip)('integrations: an employer makes, uses and revokes an API token in the console', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let employer: Awaited<ReturnType<typeof buildCompany>>['employer'];
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

  it('事件推送: a webhook is made (secret once), a failed delivery shows its 500 and is redelivered by hand, on a phone and a desktop, in Chinese and English', async () => {
    let isReceiverUp = false;
    const receiver = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => (isReceiverUp ? response.writeHead(200).end('{"ok":true}') : response.writeHead(500).end('ATS maintenance window')));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const page = await opener.open('desktop');
      await signInThroughForm(page, employer.email!, TEST_PASSWORD);
      await page.goto('/console/integrations');
      await page.getByTestId('tab-webhooks').click();
      await page.waitForURL('**/console/integrations?tab=webhooks');
      await page.getByTestId('webhook-url').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/jobcast`);
      await page.getByTestId('create-webhook').click();
      await eventually(() => page.getByTestId('webhook-secret').inputValue(), 'the secret shown once').toMatch(/^whsec_[\w-]{43}$/);
      await saveScreenshot(page, 'integrations-webhook-secret-once');
      await page.getByRole('button', { name: '我已保存' }).click();

      // A seeker applies: the receiver answers 500, the delivery waits for its retry (10 s by default).
      const { context } = server;
      const job = await buildJob(context, employer, { cityCode: '320500' });
      const seeker = await buildSeeker(context);
      await context.applications.apply(seeker, { jobId: job.id });
      await eventually(async () => (await context.db.query("select id from webhook_deliveries where last_status_code = 500")).length, 'the first attempt answered 500').toBe(1);
      await page.getByTestId('webhook-deliveries').click();
      await expectText(page.getByTestId('webhook-deliveries-drawer'), 'HTTP 500', 'the deliveries drawer', { contains: true, useInnerText: true });
      await saveScreenshot(page, 'integrations-webhook-delivery-failed');

      isReceiverUp = true;
      await page.getByTestId('redeliver').click();
      await eventually(async () => (await context.db.query("select id from webhook_deliveries where status = 'delivered'")).length, 'the redelivery delivered').toBe(1);
      await page.keyboard.press('Escape');
      await page.getByTestId('webhook-deliveries').click();
      await expectText(page.getByTestId('webhook-deliveries-drawer'), '已送达', 'the deliveries drawer', { contains: true, useInnerText: true });
      await saveScreenshot(page, 'integrations-webhook-delivered-zh');

      await page.evaluate(() => localStorage.setItem('jobcast.language', 'en'));
      await page.reload();
      await page.getByTestId('webhook-deliveries').click();
      await expectText(page.getByTestId('webhook-deliveries-drawer'), 'Delivered', 'the deliveries drawer', { contains: true, useInnerText: true });
      await saveScreenshot(page, 'integrations-webhook-delivered-en');

      const phone = await opener.open('phone');
      await signInThroughForm(phone, employer.email!, TEST_PASSWORD);
      await phone.goto('/console/integrations?tab=webhooks');
      await expectCount(phone.getByTestId('webhook-deliveries'), 1, 'the webhook row');
      await saveScreenshot(phone, 'integrations-webhooks-phone-zh');
      await phone.getByTestId('webhook-deliveries').click();
      await expectText(phone.getByTestId('webhook-deliveries-drawer'), '已送达', 'the deliveries drawer', { contains: true, useInnerText: true });
      await saveScreenshot(phone, 'integrations-webhook-deliveries-phone-zh');
      await phone.evaluate(() => localStorage.setItem('jobcast.language', 'en'));
      await phone.reload();
      await expectCount(phone.getByTestId('webhook-deliveries'), 1, 'the webhook row');
      await saveScreenshot(phone, 'integrations-webhooks-phone-en');
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('the pages raised no script errors', () => {
    expect(problems.flatMap((watch) => watch.errors)).toEqual([]);
  });
});
