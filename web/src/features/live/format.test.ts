import { describe, expect, it } from 'vitest';
import { formatCount, formatCountdown, formatStart, newIdempotencyKey } from './format';

describe('formatCountdown', () => {
  it('shows minutes and seconds under an hour, hours after, days beyond', () => {
    expect(formatCountdown(65, 'zh')).toBe('01:05');
    expect(formatCountdown(3600 + 61, 'zh')).toBe('01:01:01');
    expect(formatCountdown(2 * 86_400 + 3 * 3600 + 4 * 60 + 5, 'zh')).toBe('2天 03:04:05');
    expect(formatCountdown(86_400, 'en')).toBe('1d 00:00:00');
  });
  it('never goes negative and drops fractions', () => {
    expect(formatCountdown(-30, 'zh')).toBe('00:00');
    expect(formatCountdown(59.9, 'zh')).toBe('00:59');
  });
});

describe('formatCount', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatCount(9999, 'zh')).toBe('9999');
    expect(formatCount(12_345, 'zh')).toBe('1.2万');
    expect(formatCount(10_000, 'zh')).toBe('1万');
    expect(formatCount(123_456, 'zh')).toBe('12万');
    expect(formatCount(250_000_000, 'zh')).toBe('2.5亿');
  });
  it('uses k and M in English', () => {
    expect(formatCount(9999, 'en')).toBe('9,999');
    expect(formatCount(12_345, 'en')).toBe('12.3k');
    expect(formatCount(1_200_000, 'en')).toBe('1.2M');
  });
});

describe('formatStart', () => {
  const now = new Date(2026, 10, 20, 10, 0);
  it('names today, tomorrow and the day after, then the date', () => {
    expect(formatStart(new Date(2026, 10, 20, 19, 30).toISOString(), now, 'zh')).toBe('今天 19:30');
    expect(formatStart(new Date(2026, 10, 21, 9, 5).toISOString(), now, 'zh')).toBe('明天 09:05');
    expect(formatStart(new Date(2026, 10, 22, 9, 5).toISOString(), now, 'zh')).toBe('后天 09:05');
    expect(formatStart(new Date(2026, 11, 1, 19, 30).toISOString(), now, 'zh')).toBe('12月1日 19:30');
    expect(formatStart(new Date(2026, 10, 21, 9, 5).toISOString(), now, 'en')).toBe('Tomorrow 09:05');
  });
  it('adds the year to a date of another year (replays of 2023)', () => {
    expect(formatStart(new Date(2023, 0, 23, 10, 0).toISOString(), now, 'zh')).toBe('2023年1月23日 10:00');
    expect(formatStart(new Date(2023, 0, 23, 10, 0).toISOString(), now, 'en')).toBe('Jan 23, 2023 10:00');
    expect(formatStart(new Date(2026, 0, 23, 10, 0).toISOString(), now, 'en')).toBe('Jan 23 10:00');
  });
});

describe('newIdempotencyKey', () => {
  it('is long enough for the server (8–100 characters) and different each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key.length).toBeGreaterThanOrEqual(8);
  });
});
