import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';

describe('formatDateTime', () => {
  const now = new Date('2026-12-03T09:00:00+08:00');
  it('leaves the year out for this year (China time)', () => {
    expect(formatDateTime('2026-11-28T10:05:00+08:00', 'zh', now)).toBe('11/28 10:05');
    expect(formatDateTime('2026-11-28T10:05:00+08:00', 'en', now)).not.toMatch(/2026/);
  });
  it('shows the year when it is not the current one', () => {
    expect(formatDateTime('2025-12-30T18:30:00+08:00', 'zh', now)).toMatch(/^2025\/12\/30 18:30$/);
    expect(formatDateTime('2025-12-30T18:30:00+08:00', 'en', now)).toMatch(/30\/12\/2025/);
  });
  it('counts the year in China time, not UTC', () => {
    // 2025-12-31 20:00 UTC is already 2026-01-01 in China: this year there.
    expect(formatDateTime('2025-12-31T20:00:00Z', 'zh', now)).toBe('1/1 04:00');
  });
});
