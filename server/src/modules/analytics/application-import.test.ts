import { describe, expect, it } from 'vitest';
import { parseAppliedAt } from './application-import.js';

const now = new Date('2026-01-01T00:00:00Z');
const instant = (value: string) => {
  const result = parseAppliedAt(value, now);
  return result.ok ? result.iso : result.reason;
};

describe('applied_at parsing', () => {
  it('reads a time without an offset as China Standard Time', () => {
    expect(instant('2022-08-01T00:00:00')).toBe('2022-07-31T16:00:00.000Z');
    expect(instant('2022-08-01 08:30')).toBe('2022-08-01T00:30:00.000Z');
    expect(instant('2022-08-01')).toBe('2022-07-31T16:00:00.000Z');
  });

  it('honours Z and explicit offsets, and fractions of seconds', () => {
    expect(instant('2022-07-31T16:00:00Z')).toBe('2022-07-31T16:00:00.000Z');
    expect(instant('2022-08-01T00:00:00+08:00')).toBe('2022-07-31T16:00:00.000Z');
    expect(instant('2022-08-01T00:00:00-0230')).toBe('2022-08-01T02:30:00.000Z');
    expect(instant('2022-08-01T00:00:00.25+00')).toBe('2022-08-01T00:00:00.250Z');
  });

  it('rejects what is not a real moment, or is in the future', () => {
    expect(instant('2022-02-30T10:00:00')).toMatch(/not a calendar date/);
    expect(instant('2022-08-01T24:00:00')).toMatch(/not a valid time/);
    expect(instant('01/08/2022')).toMatch(/not an ISO 8601/);
    expect(instant('2022-08-01T10:00:00+15:00')).toMatch(/impossible UTC offset/);
    expect(instant('2026-01-02')).toMatch(/in the future/);
    expect(instant('')).toMatch(/not an ISO 8601/);
  });
});
