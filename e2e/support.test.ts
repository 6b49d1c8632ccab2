import { describe, expect, it } from 'vitest';
import { browserAvailability, launchChromium } from './support.js';

describe('browser availability', () => {
  const missing = '/nonexistent/chromium';

  it('skips browser tests without Chromium outside CI', () => {
    expect(browserAvailability(missing, false).shouldSkip).toBe(true);
  });

  it('never skips them in CI: launching fails with a message that says what to install', async () => {
    expect(browserAvailability(missing, true)).toEqual({ shouldSkip: false, reason: expect.stringContaining('apt-get install -y chromium') });
    await expect(launchChromium(missing)).rejects.toThrow(/Chromium is required/);
  });
});
