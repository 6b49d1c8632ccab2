import { describe, expect, it } from 'vitest';
import { parseWindow, splitWindowIntoMonths, toDayNumber } from './analytics-window.js';

describe('analytics windows', () => {
  it('reads whole months from the monthly rollups and the rest day by day', () => {
    expect(splitWindowIntoMonths({ from: '2022-08-01', to: '2023-01-31' })).toEqual({ monthStart: '2022-08-01', monthEnd: '2023-02-01' });
    expect(splitWindowIntoMonths({ from: '2022-08-02', to: '2023-01-30' })).toEqual({ monthStart: '2022-09-01', monthEnd: '2023-01-01' });
    expect(splitWindowIntoMonths({ from: '2022-02-01', to: '2022-02-28' })).toEqual({ monthStart: '2022-02-01', monthEnd: '2022-03-01' });
    expect(splitWindowIntoMonths({ from: '2024-02-01', to: '2024-02-28' })).toEqual({ monthStart: '2024-02-01', monthEnd: '2024-02-01' });
    expect(splitWindowIntoMonths({ from: '2022-12-01', to: '2022-12-31' })).toEqual({ monthStart: '2022-12-01', monthEnd: '2023-01-01' });
  });

  it('uses no month when none fits wholly inside', () => {
    const span = splitWindowIntoMonths({ from: '2022-08-15', to: '2022-09-14' });
    expect(span.monthStart).toBe(span.monthEnd);
    expect(splitWindowIntoMonths({ from: '2022-08-01', to: '2022-08-01' })).toEqual({ monthStart: '2022-08-01', monthEnd: '2022-08-01' });
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
