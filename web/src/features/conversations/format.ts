import type { Language } from '../../app/server-errors';
import type { ConversationMessage } from './api';

const chinaDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);

/** 14:05 today, 12/3 14:05 (3 Dec 14:05) before, with the year when it is another year (China time, as the server). */
export function formatMessageTime(iso: string, language: Language, now: Date = new Date()): string {
  const date = new Date(iso);
  const isToday = chinaDay(date) === chinaDay(now);
  const isThisYear = chinaDay(date).slice(0, 4) === chinaDay(now).slice(0, 4);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: isToday || isThisYear ? undefined : 'numeric',
    month: isToday ? undefined : 'numeric',
    day: isToday ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** A system text the server stores in Chinese with its English in `payload.en` (tips, contact requests and answers). */
export function localizedBody(message: Pick<ConversationMessage, 'body' | 'payload'>, language: Language): string {
  return language === 'en' && typeof message.payload.en === 'string' ? message.payload.en : message.body;
}

/** Pay range of a job card (yuan per month), as the job pages show it. */
export function formatCardPay(payload: Record<string, unknown>, language: Language): string | null {
  const min = typeof payload.payMonthlyMin === 'number' ? payload.payMonthlyMin : null;
  const max = typeof payload.payMonthlyMax === 'number' ? payload.payMonthlyMax : null;
  if (min === null && max === null) return null;
  const range = min !== null && max !== null && min !== max ? `${min}-${max}` : String(min ?? max);
  return language === 'en' ? `¥${range}/month` : `${range}元/月`;
}

/** An appointment: the date with its weekday and the time (China time). */
export function formatAppointment(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', month: language === 'en' ? 'short' : 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}
