// The guard of issue 14: browser tests wait for what the user waits for. The e2e lint rules (eslint.config.js)
// run here too, so `npm test` (CI) fails on a one-shot read asserted once or a fixed sleep in any e2e file,
// not only `npm run lint`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-syntax findings for `source` as if it were a browser test file. */
async function findings(source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, 'e2e', 'sample.e2e.test.ts') });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

const inTest = (body: string) => `it('x', async () => {\n${body}\n});\n`;

describe('the e2e lint guard', () => {
  it('catches the original flake: a count read once, before the list had loaded (profiles.e2e.test.ts:112)', async () => {
    const flake = "await expect(host.getByTestId('profile-replays').getByTestId('session-card').count()).resolves.toBe(1);";
    expect(await findings(inTest(flake))).toEqual([expect.stringContaining('one-shot read')]);
  });

  it.each([
    'expect(await card.count()).toBe(1);',
    "expect(await page.getByTestId('title').innerText()).toBe('x');",
    "expect(await link.getAttribute('href')).toBe('/x');",
    "expect((await stream.textContent())!).toContain('•');",
    "expect(Number(await likes.textContent())).toBeGreaterThan(4);",
    "await expect(button.isVisible()).resolves.toBe(true);",
    "await expect(field.inputValue()).resolves.toBe('x');",
    "expect(await box.isChecked()).toBe(true);",
    "expect(await row.locator('td').allInnerTexts()).toEqual(['1']);",
  ])('catches %s', async (line) => {
    expect(await findings(inTest(line))).toEqual([expect.stringContaining('one-shot read')]);
  });

  it.each([
    'await page.waitForTimeout(400);',
    'await new Promise((resolve) => setTimeout(resolve, 500));',
    'await new Promise((resolve) => globalThis.setTimeout(resolve, 500));',
  ])('catches the fixed sleep %s', async (line) => {
    expect(await findings(inTest(line))).toEqual([expect.stringContaining('No fixed sleeps')]);
  });

  it('catches a sleep imported from node:timers/promises', async () => {
    expect(await findings("import { setTimeout as sleep } from 'node:timers/promises';\nawait sleep(10);\n")).toEqual([expect.stringContaining('No fixed sleeps')]);
  });

  it("catches expect.poll with vitest's 1 s default", async () => {
    expect(await findings(inTest("await expect.poll(() => total.textContent()).toContain('11');"))).toEqual([expect.stringContaining('1 s by default')]);
  });

  it('lets web-first waits and settled reads pass', async () => {
    const waits = [
      "await expectCount(host.getByTestId('profile-replays').getByTestId('session-card'), 1, \"the host's replays\");",
      "await expectText(page.getByTestId('title'), 'x', 'the title', { contains: true });",
      "await eventually(() => page.evaluate(() => document.documentElement.scrollWidth), 'the width').toBeLessThanOrEqual(390);",
      "await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);",
      "await page.getByTestId('list').waitFor();\nconst settled = await page.locator('body').innerText();\nexpect(settled).not.toContain('13900001111');",
      "await measurementPause(500);",
    ];
    expect(await findings(inTest(waits.join('\n')))).toEqual([]);
  });

  it('finds nothing to refuse in the browser tests themselves', async () => {
    const dir = path.join(ROOT, 'e2e');
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, name));
    const results = await eslint.lintFiles(files);
    const problems = results.flatMap((result) => result.messages
      .filter((message) => message.ruleId === 'no-restricted-syntax')
      .map((message) => `${path.relative(ROOT, result.filePath)}:${message.line}: ${message.message}`));
    expect(problems).toEqual([]);
  });
});
