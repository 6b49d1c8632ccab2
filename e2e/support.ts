// Reusable pieces for browser tests: the real server in-process over a fresh test database, serving the
// built web app, and Debian's Chromium driven by playwright-core.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { createApp, startLiveRuntime } from '../server/src/app.js';
import { createTestContext, type TestContext } from '../server/src/test/harness.js';
import { isLogSmsSender } from '../server/src/platform/sms/sms-sender.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(ROOT, '.test-artifacts', 'e2e');
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1366, height: 900 };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Whether browser tests can run here. Without Chromium they are skipped locally, but with CI=true they must
 * fail instead: `launchChromium` throws then.
 */
export function browserAvailability(chromiumPath = CHROMIUM_PATH, isCi = process.env.CI === 'true'): { shouldSkip: boolean; reason: string } {
  if (existsSync(chromiumPath)) return { shouldSkip: false, reason: '' };
  const reason = `Chromium is not installed at ${chromiumPath} (apt-get install -y chromium)`;
  if (isCi) return { shouldSkip: false, reason };
  console.warn(`[e2e] skipping browser tests: ${reason}`);
  return { shouldSkip: true, reason };
}

/** A fake camera and microphone that need no permission prompt (the browser studio, video interviews). */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export async function launchChromium(chromiumPath = CHROMIUM_PATH, extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is required for the end-to-end tests: ${chromiumPath} is missing. Install it with apt-get install -y chromium.`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** Builds web/dist when it is missing or older than its sources (the same script as postinstall). */
export function ensureWebBuilt() {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web-if-missing.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, JOBCAST_SKIP_WEB_BUILD: '' },
  });
  if (result.status !== 0) throw new Error(`Building the web app failed:\n${result.stdout}\n${result.stderr}`);
  if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('web/dist/index.html is missing after the build');
}

export type RunningServer = { baseUrl: string; context: TestContext; close: () => Promise<void> };

/** The real composition root over a fresh database, listening on a random loopback port. */
export async function startServer(): Promise<RunningServer> {
  ensureWebBuilt();
  const context = await createTestContext();
  const app = await createApp(context);
  // The web app opens a socket on every page (notifications): serve it as the real server does, minus video.
  const runtime = await startLiveRuntime(app, context, { withMedia: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    context,
    async close() {
      await runtime.stop();
      await app.close();
      await context.drop();
    },
  };
}

export type PageProblems = { errors: string[] };

/**
 * Uncaught page errors and console errors (minus expected HTTP failures such as a refused posting), and
 * every Content-Security-Policy violation: the page reports each `securitypolicyviolation` event (also in
 * the player's worker-driven fetches) through the console as "CSP violation: …", so all browser journeys
 * fail when the server's CSP (platform/security-headers.ts) blocks something the app needs.
 */
export function watchPageProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource')) return;
    problems.errors.push(`console: ${message.text()}`);
  });
  return problems;
}

/** Added to every browser context: CSP violations reach the console, where watchPageProblems sees them. */
async function reportCspViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${event.documentURI}`);
    });
  });
}

/**
 * The pages of one browser journey: each opened in a context of its own at phone or desktop size, watched
 * for page errors (`problems`), and all closed together. `target` is read when a page opens, so the suite
 * may start its browser and server in `beforeAll`.
 */
export function createPageOpener(target: () => { browser: Browser; baseUrl: string }) {
  const contexts: BrowserContext[] = [];
  const problems: PageProblems[] = [];
  return {
    problems,
    async open(kind: 'desktop' | 'phone'): Promise<Page> {
      const { browser, baseUrl } = target();
      const browserContext = kind === 'phone' ? await newPhoneContext(browser, baseUrl) : await newDesktopContext(browser, baseUrl);
      contexts.push(browserContext);
      const page = await browserContext.newPage();
      problems.push(watchPageProblems(page));
      return page;
    },
    async closeAll() {
      for (const browserContext of contexts) await browserContext.close();
    },
  };
}

/** Playwright's 30 s per action is short on a loaded 2-core CI machine; waits are event-driven anyway. */
const ACTION_TIMEOUT_MS = 45_000;

/**
 * Every browser context asks for reduced motion: the web app then turns off Ant Design's motion and CSS
 * transitions, so popups, dropdowns and drawers take a tap the moment they exist.
 */
const CONTEXT_DEFAULTS = { locale: 'zh-CN', reducedMotion: 'reduce' } as const;

export async function newPhoneContext(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: baseUrl, viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await reportCspViolations(context);
  return context;
}

export async function newDesktopContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: baseUrl, viewport: DESKTOP_VIEWPORT });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await reportCspViolations(context);
  return context;
}

/**
 * How long a web-first assertion waits for what the user waits for. Passing assertions return as soon as
 * they hold, so a long bound costs nothing on a green run and only absorbs a loaded machine's slowness.
 */
export const EXPECT_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;

/**
 * Polls `probe` until the matcher that follows holds (or EXPECT_TIMEOUT_MS passes), failing with a message
 * that names what was awaited: `await eventually(() => page.title(), 'the page title').toBe('…')`. The
 * way to assert any value read from the page that loads, animates or updates.
 */
export function eventually<T>(probe: () => T | Promise<T>, what: string, timeout = EXPECT_TIMEOUT_MS) {
  return expect.poll(probe, { timeout, interval: POLL_INTERVAL_MS, message: `waiting for ${what}` });
}

/**
 * Polls `probe` until it returns a truthy value and returns that value (for a value the test goes on to
 * use, such as a video's first currentTime); fails after `timeout` naming what was awaited.
 */
export async function waitForValue<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeout = EXPECT_TIMEOUT_MS): Promise<T> {
  return vi.waitFor(async () => {
    const value = await probe();
    if (!value) throw new Error(`timed out waiting for ${what}`);
    return value;
  }, { timeout, interval: POLL_INTERVAL_MS });
}

/**
 * The one fixed pause browser tests may take: between the samples of a measurement of time itself (how far
 * a video trails its encoder, how much a player buffers after some seconds). Never to wait for the app:
 * wait for the condition instead (eventually, expectText, waitFor).
 */
export function measurementPause(ms: number): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- the measurement's own clock (see above)
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `locator` matches exactly `count` elements (none still loading, none left over). */
export async function expectCount(locator: Locator, count: number, what: string, timeout = EXPECT_TIMEOUT_MS) {
  await eventually(() => locator.count(), `${what} to count ${count}`, timeout).toBe(count);
}

export type ExpectTextOptions = {
  /** A string must then only be contained in the element's text (by default it is the whole text, trimmed). */
  contains?: boolean;
  /** Reads the rendered text (innerText: CSS-hidden parts left out, line breaks between blocks) instead of textContent. */
  useInnerText?: boolean;
  timeout?: number;
};

/**
 * Waits until the one element `locator` finds has the text `expected` (a string: the whole trimmed text, or
 * a part of it with `contains`; a RegExp: a match). Reads never wait for the element themselves, so a text
 * that arrives late is polled again rather than read once.
 */
export async function expectText(locator: Locator, expected: string | RegExp, what: string, options: ExpectTextOptions = {}) {
  const read = async () => {
    const texts = options.useInnerText ? await locator.allInnerTexts() : await locator.allTextContents();
    return texts.length === 1 ? texts[0]!.trim() : `<${texts.length} elements match ${locator}>`;
  };
  const poll = eventually(read, `the text of ${what}`, options.timeout);
  if (expected instanceof RegExp) await poll.toMatch(expected);
  else if (options.contains) await poll.toContain(expected);
  else await poll.toBe(expected);
}

/** Waits until the form control `locator` finds holds `expected` (its input value, e.g. a prefilled field). */
export async function expectValue(locator: Locator, expected: string, what: string, timeout = EXPECT_TIMEOUT_MS) {
  await eventually(() => locator.inputValue(), `the value of ${what}`, timeout).toBe(expected);
}

/** Waits until the one element `locator` finds has the attribute `name` equal to (or matching) `expected`. */
export async function expectAttribute(locator: Locator, name: string, expected: string | RegExp, what: string, timeout = EXPECT_TIMEOUT_MS) {
  const read = async () => {
    const values = await locator.evaluateAll((elements, attribute) => elements.map((element) => element.getAttribute(attribute)), name);
    return values.length === 1 ? values[0] : `<${values.length} elements match ${locator}>`;
  };
  const poll = eventually(read, `${what}'s ${name}`, timeout);
  if (expected instanceof RegExp) await poll.toMatch(expected);
  else await poll.toBe(expected);
}

export async function saveScreenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the sign-in page's 密码登录 tab (the 验证码登录 tab is the default). */
export async function signInThroughForm(page: Page, login: string, password: string) {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-tab-password').click();
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Reads the last SMS code the server's log provider "sent" to a phone (SMS_PROVIDER=log, the default). */
export function readLoggedCode(context: TestContext): (phone: string) => string | null {
  return (phone) => {
    if (!isLogSmsSender(context.sms)) throw new Error('reading SMS codes needs SMS_PROVIDER=log');
    return context.sms.lastCodeFor(phone);
  };
}

/** Waits for a new code for the phone (one other than `previous`) to be sent. */
export async function waitForNewCode(readCode: (phone: string) => string | null, phone: string, previous: string | null, timeoutMs = EXPECT_TIMEOUT_MS) {
  return waitForValue(async () => {
    const code = readCode(phone);
    return code && code !== previous ? code : null;
  }, `a new SMS code sent to ${phone}`, timeoutMs);
}

/**
 * Signs in, or signs up (a new phone becomes a seeker account), with a phone code on the sign-in page's
 * default tab: 手机号 → 获取验证码 → the code read from the log provider → 登录.
 * `readCode` is usually `readLoggedCode(server.context)`.
 */
export async function signInWithPhoneCode(page: Page, phone: string, readCode: (phone: string) => string | null) {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-phone').fill(phone);
  const previous = readCode(phone);
  await page.getByTestId('sign-in-send-code').click();
  const code = await waitForNewCode(readCode, phone, previous);
  await page.getByTestId('sign-in-code').fill(code);
  await page.getByTestId('sign-in-code-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Picks an option of an antd Select (found by data-testid), typing `search` first when given. */
export async function chooseOption(page: Page, testId: string, optionText: string | RegExp, search?: string) {
  const select = page.getByTestId(testId);
  await select.click();
  if (search) await select.locator('input').fill(search);
  // This select's own dropdown (its listbox id is the input's aria-controls): another select's dropdown may
  // still be open (a multiple select stays open after a pick) and hold an option with the same text.
  const listId = await select.locator('input').first().getAttribute('aria-controls');
  const dropdown = listId ? page.locator('.ant-select-dropdown:visible', { has: page.locator(`[id="${listId}"]`) }) : page.locator('.ant-select-dropdown:visible');
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: optionText }).first();
  await option.click();
}

/** Signs out through the header's user menu and waits for the visitor's sign-in button. */
export async function signOutFromHeader(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('header-sign-in').waitFor();
}

/** The error messages shown under the form field that contains `control`. */
export function fieldErrors(page: Page, control: Locator): Locator {
  return page.locator('.ant-form-item', { has: control }).locator('.ant-form-item-explain-error');
}
