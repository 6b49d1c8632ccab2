import { describe, expect, it } from 'vitest';
import { fromDayNumber, parseWindow, planWindowReads, toDayNumber } from './analytics-window.js';

describe('analytics windows', () => {
  // +m2022-08-01 = the month added, -w… a week subtracted, +d… a day added.
  const plan = (from: string, to: string) => planWindowReads({ from, to }).map((read) => `${read.sign > 0 ? '+' : '-'}${read.grain[0]}${read.period}`);
  const dayNumbers = (from: string, to: string) => Array.from({ length: toDayNumber(to)! - toDayNumber(from)! + 1 }, (_, index) => toDayNumber(from)! + index);

  /** The days a plan counts, each with how many times: exactly the window's days once each, or the plan is wrong. */
  function countedDays(reads: ReturnType<typeof planWindowReads>) {
    const counted = new Map<number, number>();
    for (const read of reads) {
      const first = toDayNumber(read.period)!;
      const date = new Date(first * 86_400_000);
      const last = read.grain === 'day' ? first : read.grain === 'week' ? first + 6 : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000;
      for (let day = first; day <= last; day += 1) counted.set(day, (counted.get(day) ?? 0) + read.sign);
    }
    return [...counted].filter(([, times]) => times !== 0).sort(([a], [b]) => a - b);
  }

  it('reads whole months from the monthly rollups', () => {
    expect(plan('2022-08-01', '2023-01-31')).toEqual(['+m2022-08-01', '+m2022-09-01', '+m2022-10-01', '+m2022-11-01', '+m2022-12-01', '+m2023-01-01']);
    expect(plan('2024-02-01', '2024-02-29')).toEqual(['+m2024-02-01']);
  });

  it('reads ragged edges as weeks (Monday to Sunday) and a few days, adding or subtracting', () => {
    // August 2022 began on a Monday: Aug 16–31 is August minus two weeks and Aug 15; Jan 1–15, 2023 is a Sunday and two weeks.
    expect(plan('2022-08-16', '2023-01-15')).toEqual([
      '+m2022-08-01', '+m2022-09-01', '+m2022-10-01', '+m2022-11-01', '+m2022-12-01',
      '-w2022-08-01', '-w2022-08-08', '+w2023-01-02', '+w2023-01-09',
      '-d2022-08-15', '+d2023-01-01',
    ]);
    expect(plan('2022-08-08', '2022-08-21')).toEqual(['+w2022-08-08', '+w2022-08-15']);
    expect(plan('2022-08-08', '2022-08-31')).toEqual(['+m2022-08-01', '-w2022-08-01']);
    // A week may straddle two months.
    expect(plan('2022-08-29', '2022-09-04')).toEqual(['+w2022-08-29']);
    // Short windows stay days; a month missing a day or two is the month minus those days.
    expect(plan('2022-08-10', '2022-08-12')).toEqual(['+d2022-08-10', '+d2022-08-11', '+d2022-08-12']);
    expect(plan('2022-08-02', '2022-08-30')).toEqual(['+m2022-08-01', '-d2022-08-01', '-d2022-08-31']);
  });

  /** How many periods months and days alone would read: a month partly covered is its days or the month minus the rest. */
  function monthsAndDaysCount(from: string, to: string) {
    let count = 0;
    let wholeMonths = 0;
    const [first, last] = [toDayNumber(from)!, toDayNumber(to)!];
    for (let monthStart = first - new Date(first * 86_400_000).getUTCDate() + 1; monthStart <= last; ) {
      const date = new Date(monthStart * 86_400_000);
      const nextMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 86_400_000;
      const inside = Math.min(last, nextMonth - 1) - Math.max(first, monthStart) + 1;
      count += Math.min(inside, 1 + (nextMonth - monthStart - inside));
      if (inside === nextMonth - monthStart) wholeMonths += 1;
      monthStart = nextMonth;
    }
    return { count, wholeMonths };
  }

  it('counts every day of any window exactly once, in fewer periods than months and days alone', () => {
    // Periods read beyond the whole months, with weeks and without.
    let edges = 0;
    let edgesWithoutWeeks = 0;
    for (let offset = 0; offset < 800; offset += 3) {
      const from = fromDayNumber(toDayNumber('2021-12-20')! + offset);
      const to = fromDayNumber(toDayNumber(from)! + ((offset * 37) % 400));
      const reads = planWindowReads({ from, to });
      expect(countedDays(reads), `${from} … ${to}`).toEqual(dayNumbers(from, to).map((day) => [day, 1]));
      const { count, wholeMonths } = monthsAndDaysCount(from, to);
      expect(reads.length, `${from} … ${to}`).toBeLessThanOrEqual(count);
      edges += reads.length - wholeMonths;
      edgesWithoutWeeks += count - wholeMonths;
    }
    expect(edges / edgesWithoutWeeks).toBeLessThan(0.6);
    // Ten years: 120 months.
    expect(planWindowReads({ from: '2015-01-01', to: '2024-12-31' })).toHaveLength(120);
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
