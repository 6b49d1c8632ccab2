import type { Language } from '../../app/i18n';

/** A time in the reader's language, in China time (the platform's calendar). */
export function formatDateTime(iso: string, language: Language) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
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
