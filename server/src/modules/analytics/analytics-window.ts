import { AppError } from '../../platform/errors.js';

/** A window of whole days in China Standard Time, both ends included ('YYYY-MM-DD'). */
export type AnalyticsWindow = { from: string; to: string };

/**
 * Which rollup rows make up a window: whole months from the monthly grain, the rest from the daily grain.
 * A month the window covers for more than half its days is read as the month minus the days left out
 * (subtractDays), so an edge never costs more than about half a month of daily rows.
 */
export type WindowReads = { months: string[]; addDays: string[]; subtractDays: string[] };

/** Longest window accepted: ten years keeps the daily edges and the raw path bounded. */
export const MAX_WINDOW_DAYS = 3_660;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar date; null when it is not a real date. */
export function toDayNumber(value: string): number | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function invalidDate(path: string, message: string) {
  return new AppError('validation_failed', `${path}: ${message}`, { fields: [{ path, message }] });
}

/** Checks both ends (real dates, from ≤ to, at most MAX_WINDOW_DAYS); field paths name the inputs. */
export function parseWindow(from: string, to: string, paths: { from: string; to: string } = { from: 'from', to: 'to' }): AnalyticsWindow {
  const fromDay = toDayNumber(from);
  if (fromDay === null) throw invalidDate(paths.from, `"${from}" is not a date (YYYY-MM-DD) / 日期格式应为 YYYY-MM-DD`);
  const toDay = toDayNumber(to);
  if (toDay === null) throw invalidDate(paths.to, `"${to}" is not a date (YYYY-MM-DD) / 日期格式应为 YYYY-MM-DD`);
  if (toDay < fromDay) throw invalidDate(paths.to, `must not be before ${paths.from} (${from}) / 结束日期不能早于开始日期`);
  if (toDay - fromDay + 1 > MAX_WINDOW_DAYS) throw invalidDate(paths.to, `a window is at most ${MAX_WINDOW_DAYS} days / 时间范围最长 ${MAX_WINDOW_DAYS} 天`);
  return { from, to };
}

function firstOfMonth(dayNumber: number, monthOffset: number): number {
  const date = new Date(dayNumber * 86_400_000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthOffset, 1) / 86_400_000;
}

const range = (first: number, last: number) => Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => fromDayNumber(first + index));

export function planWindowReads(window: AnalyticsWindow): WindowReads {
  const fromDay = toDayNumber(window.from)!;
  const toDay = toDayNumber(window.to)!;
  const reads: WindowReads = { months: [], addDays: [], subtractDays: [] };
  for (let monthStart = firstOfMonth(fromDay, 0); monthStart <= toDay; monthStart = firstOfMonth(monthStart, 1)) {
    const monthEnd = firstOfMonth(monthStart, 1) - 1;
    const first = Math.max(monthStart, fromDay);
    const last = Math.min(monthEnd, toDay);
    const inside = last - first + 1;
    const outside = monthEnd - monthStart + 1 - inside;
    if (outside === 0) {
      reads.months.push(fromDayNumber(monthStart));
    } else if (outside < inside) {
      reads.months.push(fromDayNumber(monthStart));
      reads.subtractDays.push(...range(monthStart, first - 1), ...range(last + 1, monthEnd));
    } else {
      reads.addDays.push(...range(first, last));
    }
  }
  return reads;
}
