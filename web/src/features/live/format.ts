// Small pure formatters of the live pages (tested in format.test.ts).
import type { Language } from '../../app/server-errors';

/** Whole seconds left → "2天 03:04:05", "03:04:05", "04:05" (English: "2d 03:04:05"). Never negative. */
export function formatCountdown(seconds: number, language: Language): string {
  const total = Math.max(0, Math.floor(seconds));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  const clock = hours > 0 || days > 0 ? `${pad(hours)}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
  if (days === 0) return clock;
  return language === 'en' ? `${days}d ${clock}` : `${days}天 ${clock}`;
}

/** Viewer and like counts as people read them: 9999, 1.2万, 12万; English 9,999, 12.3k, 1.2M. */
export function formatCount(value: number, language: Language): string {
  const count = Math.max(0, Math.round(value));
  if (language === 'en') {
    if (count < 10_000) return count.toLocaleString('en-US');
    if (count < 1_000_000) return `${trimZero((count / 1000).toFixed(1))}k`;
    return `${trimZero((count / 1_000_000).toFixed(1))}M`;
  }
  if (count < 10_000) return String(count);
  if (count < 100_000_000) return `${trimZero((count / 10_000).toFixed(count < 100_000 ? 1 : 0))}万`;
  return `${trimZero((count / 100_000_000).toFixed(1))}亿`;
}

function trimZero(value: string): string {
  return value.replace(/\.0$/, '');
}

/**
 * The session's start as the list shows it: 今天 19:30, 明天 09:00, 12月1日 19:30, and with the year when it is
 * not this year's (a 2023 replay: 2023年1月23日 10:00). In the browser's time zone.
 */
export function formatStart(iso: string, now: Date, language: Language): string {
  const start = new Date(iso);
  const time = `${String(start.getHours()).padStart(2, '0')}:${String(start.getMinutes()).padStart(2, '0')}`;
  const dayStart = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((dayStart(start) - dayStart(now)) / 86_400_000);
  if (language === 'en') {
    if (days === 0) return `Today ${time}`;
    if (days === 1) return `Tomorrow ${time}`;
    const otherYear = start.getFullYear() !== now.getFullYear() ? { year: 'numeric' as const } : {};
    return `${start.toLocaleDateString('en-US', { month: 'short', day: 'numeric', ...otherYear })} ${time}`;
  }
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `明天 ${time}`;
  if (days === 2) return `后天 ${time}`;
  const year = start.getFullYear() !== now.getFullYear() ? `${start.getFullYear()}年` : '';
  return `${year}${start.getMonth() + 1}月${start.getDate()}日 ${time}`;
}

/** A client-made key per tap so that a retried or doubled request is one application. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context (https or localhost); a LAN address over http has only getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
