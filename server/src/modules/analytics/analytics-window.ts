import { AppError } from '../../platform/errors.js';

/** A window of whole days in China Standard Time, both ends included ('YYYY-MM-DD'). */
export type AnalyticsWindow = { from: string; to: string };

/** The rollups' grains (migrations 0010 and 0120): a CST day, a Monday-to-Sunday week, a calendar month. */
export type RollupGrain = 'day' | 'week' | 'month';

/** One rollup period counted into a window (+1) or out of it (−1); `period` is its first day. */
export type WindowRead = { grain: RollupGrain; period: string; sign: 1 | -1 };

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

const isFirstOfMonth = (dayNumber: number) => new Date(dayNumber * 86_400_000).getUTCDate() === 1;
// Day 0 (1970-01-01) was a Thursday; weeks start on Monday, as PostgreSQL's date_trunc('week').
const isMonday = (dayNumber: number) => (((dayNumber + 3) % 7) + 7) % 7 === 0;

/**
 * What one period costs to read, in tenths of a day's rows. On a busy data set every grain holds about as many
 * rows as a day (each city × category pair occurs every day), so the number of periods is what counts; the
 * small premium for longer grains keeps sparse data sets from trading a few days for a whole month.
 */
const READ_COST: Record<RollupGrain, number> = { day: 10, week: 11, month: 12 };

type Edge = { to: number; grain: RollupGrain; period: number; sign: 1 | -1 };

/** The periods that start or end at a day boundary, walked forwards (+) or backwards (−). */
function edgesFrom(boundary: number): Edge[] {
  const edges: Edge[] = [
    { to: boundary + 1, grain: 'day', period: boundary, sign: 1 },
    { to: boundary - 1, grain: 'day', period: boundary - 1, sign: -1 },
  ];
  if (isMonday(boundary)) {
    edges.push({ to: boundary + 7, grain: 'week', period: boundary, sign: 1 }, { to: boundary - 7, grain: 'week', period: boundary - 7, sign: -1 });
  }
  if (isFirstOfMonth(boundary)) {
    const next = firstOfMonth(boundary, 1);
    const previous = firstOfMonth(boundary, -1);
    edges.push({ to: next, grain: 'month', period: boundary, sign: 1 }, { to: previous, grain: 'month', period: previous, sign: -1 });
  }
  return edges;
}

/**
 * Which rollup rows make up a window: the cheapest signed sum of months, weeks and days that covers exactly its
 * days. Day boundaries are nodes and each period an edge between its first day and the day after its last;
 * walking an edge forwards adds the period, backwards subtracts it, so any walk from the window's first day to
 * the day after its last sums to exactly the window. The shortest such walk (Dijkstra over the months around the
 * window) reads, for 2022-08-16 … 2023-01-15, four months, August minus two weeks and a day, and a day and two
 * weeks of January: 11 periods where days alone at the edges took 35.
 */
export function planWindowReads(window: AnalyticsWindow): WindowRead[] {
  const fromDay = toDayNumber(window.from)!;
  const afterLastDay = toDayNumber(window.to)! + 1;
  // Useful walks never leave the months around the window (plus a week either side).
  const lowest = firstOfMonth(fromDay, 0) - 7;
  const highest = firstOfMonth(afterLastDay - 1, 1) + 7;
  const cost = new Map<number, number>([[fromDay, 0]]);
  const via = new Map<number, { from: number; edge: Edge }>();
  const done = new Set<number>();
  const queue = new MinQueue();
  queue.push(fromDay, 0);
  while (queue.size > 0) {
    const boundary = queue.pop();
    if (done.has(boundary)) continue;
    done.add(boundary);
    if (boundary === afterLastDay) break;
    for (const edge of edgesFrom(boundary)) {
      if (edge.to < lowest || edge.to > highest || done.has(edge.to)) continue;
      const reached = cost.get(boundary)! + READ_COST[edge.grain];
      if (reached < (cost.get(edge.to) ?? Infinity)) {
        cost.set(edge.to, reached);
        via.set(edge.to, { from: boundary, edge });
        queue.push(edge.to, reached);
      }
    }
  }
  const reads: WindowRead[] = [];
  for (let boundary = afterLastDay; boundary !== fromDay; ) {
    const step = via.get(boundary)!;
    reads.push({ grain: step.edge.grain, period: fromDayNumber(step.edge.period), sign: step.edge.sign });
    boundary = step.from;
  }
  const grainOrder: RollupGrain[] = ['month', 'week', 'day'];
  return reads.sort((a, b) => grainOrder.indexOf(a.grain) - grainOrder.indexOf(b.grain) || a.period.localeCompare(b.period));
}

/** A binary heap of (node, priority), lowest priority first; ties by the lower node, so plans are deterministic. */
class MinQueue {
  private readonly items: Array<{ node: number; priority: number }> = [];

  get size() {
    return this.items.length;
  }

  push(node: number, priority: number) {
    const items = this.items;
    items.push({ node, priority });
    for (let index = items.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1;
      if (!this.isBefore(items[index], items[parent])) break;
      [items[index], items[parent]] = [items[parent], items[index]];
      index = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      for (let index = 0; ; ) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && this.isBefore(items[left], items[smallest])) smallest = left;
        if (right < items.length && this.isBefore(items[right], items[smallest])) smallest = right;
        if (smallest === index) break;
        [items[index], items[smallest]] = [items[smallest], items[index]];
        index = smallest;
      }
    }
    return top.node;
  }

  private isBefore(a: { node: number; priority: number }, b: { node: number; priority: number }) {
    return a.priority < b.priority || (a.priority === b.priority && a.node < b.node);
  }
}
