import { describe, expect, it } from 'vitest';
import { formatCardPay, formatMessageTime, localizedBody } from './format';

describe('conversation formatting', () => {
  const now = new Date('2026-12-03T12:00:00+08:00');

  it('shows the time alone today and the date before, in China time', () => {
    expect(formatMessageTime('2026-12-03T09:05:00+08:00', 'zh', now)).toBe('09:05');
    expect(formatMessageTime('2026-12-01T21:30:00+08:00', 'zh', now)).toBe('12/1 21:30');
    expect(formatMessageTime('2026-12-01T21:30:00+08:00', 'en', now)).toBe('01/12, 21:30');
    expect(formatMessageTime('2025-06-01T08:00:00+08:00', 'zh', now)).toContain('2025');
  });

  it('uses the English text of system messages when there is one', () => {
    const message = { body: '正规招聘不收费', payload: { en: 'Genuine jobs never charge' } };
    expect(localizedBody(message, 'zh')).toBe('正规招聘不收费');
    expect(localizedBody(message, 'en')).toBe('Genuine jobs never charge');
    expect(localizedBody({ body: '你好', payload: {} }, 'en')).toBe('你好');
  });

  it('formats a job card pay range', () => {
    expect(formatCardPay({ payMonthlyMin: 5000, payMonthlyMax: 7000 }, 'zh')).toBe('5000-7000元/月');
    expect(formatCardPay({ payMonthlyMin: 6000, payMonthlyMax: 6000 }, 'en')).toBe('¥6000/month');
    expect(formatCardPay({}, 'zh')).toBeNull();
  });
});
