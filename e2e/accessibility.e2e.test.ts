// Readable for everyone, on a phone (390×844): axe-core 4 (WCAG 2 A and AA rules) finds no violation on the
// seeker pages (jobs, a job, the live list, a live room, a company and a host page), the sign-in and the public
// analytics, in Chinese and in English; body text is at least 14 px and pay stands out larger; the live room's
// controls are reachable by keyboard and named. Screenshots in .test-artifacts/e2e/a11y-*.png.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser } from '../server/src/test/factories.js';
import { buildSession } from '../server/src/test/pipeline-factories.js';
import { browserAvailability, createPageOpener, expectCount, launchChromium, saveScreenshot, startServer, type RunningServer } from './support.js';

const availability = browserAvailability();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> };

/** axe's WCAG 2 A/AA violations on the page as it is now, one readable line per element. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than an inline <script>: the app's CSP (script-src 'self')
  // rightly refuses inline scripts, and the test must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.help}): ${node.target.join(' ')} — ${(node.failureSummary ?? '').split('\n').slice(1, 2).join('')}`));
}

const fontSize = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

describe.skipIf(availability.shouldSkip)('accessibility of the seeker pages on a phone', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const pages: Array<{ name: string; path: string; ready: string }> = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const { context } = server;
    const { company, employer } = await buildCompany(context, { name: '苏州无障碍电子有限公司' });
    const job = await buildJob(context, employer, { title: '电子厂普工（长白班）' });
    await buildJob(context, employer, { title: '仓库分拣员', categoryCode: 'express_warehouse' });
    const host = await buildUser(context, { role: 'host', displayName: '小李带岗' });
    const live = await buildSession(context, host, { title: '苏州电子厂专场', jobIds: [job.id], status: 'live' });
    await buildSession(context, host, { title: '明晚仓储专场', jobIds: [job.id], status: 'scheduled', startsAt: new Date(Date.now() + 86_400_000) });
    pages.push(
      { name: 'jobs', path: '/', ready: '[data-testid="job-card"]' },
      { name: 'job', path: `/jobs/${job.id}`, ready: '[data-testid="job-title"]' },
      { name: 'live-list', path: '/live', ready: '[data-testid="session-card"]' },
      { name: 'live-room', path: `/live/${live.id}`, ready: '[data-testid="open-jobs"]' },
      { name: 'company', path: `/companies/${company.id}`, ready: '[data-testid="company-name"]' },
      { name: 'host', path: `/hosts/${host.id}`, ready: '[data-testid="host-name"]' },
      { name: 'sign-in', path: '/sign-in', ready: '[data-testid="sign-in-code-submit"]' },
      { name: 'public-analytics', path: '/analytics/public', ready: '[data-testid="public-analytics-page"] canvas' },
    );
  }, 240_000);

  afterAll(async () => {
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  for (const language of ['zh', 'en'] as const) {
    it(`finds no WCAG 2 A/AA violation on any seeker page (${language})`, async () => {
      const page = await opener.open('phone');
      if (language === 'en') await page.addInitScript(() => localStorage.setItem('jobcast.language', 'en'));
      const found: string[] = [];
      // English: the pages whose longer words could break layout or colours; Chinese: all of them.
      for (const target of language === 'zh' ? pages : pages.filter((item) => ['jobs', 'live-room', 'sign-in', 'public-analytics'].includes(item.name))) {
        await page.goto(target.path);
        await page.locator(target.ready).first().waitFor();
        await expectCount(page.locator('.ant-skeleton, .ant-spin-spinning, .skeleton, .spinner'), 0, `${target.path} to finish loading`);
        found.push(...(await axeViolations(page)).map((line) => `${target.path} ${line}`));
        await saveScreenshot(page, `a11y-${target.name}-${language}`);
      }
      expect(found).toEqual([]);
      expect(opener.problems.flatMap((item) => item.errors)).toEqual([]);
    });
  }

  it('reads at phone size: body text ≥ 14 px, pay larger than the text around it', async () => {
    const page = await opener.open('phone');
    await page.goto('/');
    await page.locator('[data-testid="job-card"]').first().waitFor();
    const body = await fontSize(page, 'body');
    expect(body).toBeGreaterThanOrEqual(14);
    expect(await fontSize(page, '[data-testid="job-card"] .job-card-meta')).toBeGreaterThanOrEqual(14);
    expect(await fontSize(page, '[data-testid="job-pay"]')).toBeGreaterThanOrEqual(body + 3);
    await page.locator('[data-testid="job-card"]').first().click();
    await page.locator('[data-testid="job-detail-pay"]').waitFor();
    expect(await fontSize(page, '[data-testid="job-detail-pay"]')).toBeGreaterThanOrEqual(22);
  });

  it("reaches the live room's controls by keyboard, each with a name", async () => {
    const page = await opener.open('phone');
    await page.goto(pages.find((item) => item.name === 'live-room')!.path);
    await page.locator('[data-testid="open-jobs"]').waitFor();
    const reached: string[] = [];
    for (let press = 0; press < 25; press += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const labelledBy = element.getAttribute('aria-labelledby');
        const name = element.getAttribute('aria-label') ?? (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ?? element.textContent ?? element.getAttribute('placeholder') ?? element.getAttribute('title') ?? '';
        return { testId: element.dataset.testid ?? element.tagName, name: name.trim() };
      });
      if (!focused) continue;
      expect(focused.name, `focused ${focused.testId} has no name`).not.toBe('');
      reached.push(focused.testId);
    }
    expect(reached).toContain('open-jobs');
    expect(reached).toContain('room-close');
  });
});
