import { describe, expect, it } from 'vitest';
import { parseWindow, planWindowReads, toDayNumber } from './analytics-window.js';

describe('analytics windows', () => {
  const days = (first: string, count: number) => Array.from({ length: count }, (_, index) => new Date(Date.parse(`${first}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10));

  it('reads whole months from the monthly rollups', () => {
    expect(planWindowReads({ from: '2022-08-01', to: '2023-01-31' })).toEqual({
      months: ['2022-08-01', '2022-09-01', '2022-10-01', '2022-11-01', '2022-12-01', '2023-01-01'],
      addDays: [],
      subtractDays: [],
    });
    expect(planWindowReads({ from: '2024-02-01', to: '2024-02-29' }).months).toEqual(['2024-02-01']);
  });

  it('reads a short edge day by day, and a long one as the month minus the days left out', () => {
    // Aug 30–31 (2 days) are added; of January, the 1st–29th are covered: the month minus Jan 30–31.
    expect(planWindowReads({ from: '2022-08-30', to: '2023-01-29' })).toEqual({
      months: ['2022-09-01', '2022-10-01', '2022-11-01', '2022-12-01', '2023-01-01'],
      addDays: ['2022-08-30', '2022-08-31'],
      subtractDays: ['2023-01-30', '2023-01-31'],
    });
    // Inside one month: 29 of 31 days is the month minus two; 3 days are three days.
    expect(planWindowReads({ from: '2022-08-02', to: '2022-08-30' })).toEqual({ months: ['2022-08-01'], addDays: [], subtractDays: ['2022-08-01', '2022-08-31'] });
    expect(planWindowReads({ from: '2022-08-10', to: '2022-08-12' })).toEqual({ months: [], addDays: days('2022-08-10', 3), subtractDays: [] });
    // Exactly half or less is read daily.
    expect(planWindowReads({ from: '2022-09-16', to: '2022-09-30' }).addDays).toEqual(days('2022-09-16', 15));
  });

  it('never reads more than about half a month of days per edge', () => {
    for (let offset = 0; offset < 400; offset += 7) {
      const from = new Date(Date.UTC(2022, 0, 1 + offset)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2022, 0, 1 + offset + 150 + (offset % 31))).toISOString().slice(0, 10);
      const reads = planWindowReads({ from, to });
      expect(reads.addDays.length + reads.subtractDays.length).toBeLessThanOrEqual(32);
    }
  });

  it('accepts real dates only, in order, at most ten years', () => {
    expect(parseWindow('2022-08-01', '2022-08-01')).toEqual({ from: '2022-08-01', to: '2022-08-01' });
    expect(() => parseWindow('2022-8-1', '2022-08-31')).toThrow(/from: "2022-8-1" is not a date/);
    expect(() => parseWindow('2022-08-01', '2023-02-29')).toThrow(/to: "2023-02-29" is not a date/);
    expect(() => parseWindow('2022-08-02', '2022-08-01')).toThrow(/to: must not be before from/);
    expect(() => parseWindow('2000-01-01', '2020-01-01', { from: '--from', to: '--to' })).toThrow(/--to: a window is at most/);
    expect(toDayNumber('2024-02-29')).not.toBeNull();
  });
});
