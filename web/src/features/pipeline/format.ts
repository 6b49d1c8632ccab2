import type { Language } from '../../app/i18n';

/** A time in the reader's language, in China time (the platform's calendar). */
const chinaYear = (date: Date) => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(date);

/** Month, day and time in China; the year too when it is not the current one (an application from last December). */
export function formatDateTime(iso: string, language: Language, now: Date = new Date()) {
  const date = new Date(iso);
  const isThisYear = chinaYear(date) === chinaYear(now);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: isThisYear ? undefined : 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

export function formatPercent(value: number | null) {
  return value === null ? '—' : `${(value * 100).toFixed(value < 0.1 && value > 0 ? 1 : 0)}%`;
}

export function formatHours(value: number | null) {
  if (value === null) return null;
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
}

/** Today's date in China as YYYY-MM-DD. */
export function chinaToday() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
