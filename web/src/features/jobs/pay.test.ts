import { describe, expect, it } from 'vitest';
import { formatHourlyPay, formatMonthlyPay, formatPay, welfareTags } from './pay';

const pay = (payMonthlyMin: number | null, payMonthlyMax: number | null, payHourly: number | null) => ({ payMonthlyMin, payMonthlyMax, payHourly });

describe('pay formatting', () => {
  it('shows a monthly range in Chinese and English', () => {
    expect(formatMonthlyPay(pay(5500, 7500, null), 'zh')).toBe('5500-7500元/月');
    expect(formatMonthlyPay(pay(5500, 7500, null), 'en')).toBe('¥5,500–7,500/month');
  });

  it('shows an open-ended or fixed monthly pay', () => {
    expect(formatMonthlyPay(pay(6000, null, null), 'zh')).toBe('6000元/月起');
    expect(formatMonthlyPay(pay(6000, null, null), 'en')).toBe('from ¥6,000/month');
    expect(formatMonthlyPay(pay(6000, 6000, null), 'zh')).toBe('6000元/月');
    expect(formatMonthlyPay(pay(null, null, 22), 'zh')).toBeNull();
  });

  it('shows the hourly wage (工价) with at most two decimals', () => {
    expect(formatHourlyPay(pay(null, null, 22), 'zh')).toBe('22元/小时');
    expect(formatHourlyPay(pay(null, null, 22.5), 'en')).toBe('¥22.5/hour');
    expect(formatHourlyPay(pay(null, null, 19.999), 'zh')).toBe('20元/小时');
  });

  it('puts monthly pay first and the hourly wage second', () => {
    expect(formatPay(pay(5500, 7500, 22), 'zh')).toEqual({ headline: '5500-7500元/月', secondary: '22元/小时' });
    expect(formatPay(pay(null, null, 25), 'zh')).toEqual({ headline: '25元/小时', secondary: null });
    expect(formatPay(pay(null, null, null), 'en').headline).toBe('Pay negotiable');
  });
});

describe('welfare tags', () => {
  it('joins dormitory and free meals into 包吃住', () => {
    expect(welfareTags({ housing: 'dormitory', meals: 'free', isDailyPay: true })).toEqual(['board_and_lodging', 'daily_pay']);
  });

  it('lists housing and meals separately otherwise', () => {
    expect(welfareTags({ housing: 'couple_room', meals: 'allowance', isDailyPay: false })).toEqual(['couple_room', 'meal_allowance']);
    expect(welfareTags({ housing: 'dormitory', meals: 'allowance', isDailyPay: false })).toEqual(['dormitory', 'meal_allowance']);
    expect(welfareTags({ housing: 'none', meals: 'free', isDailyPay: false })).toEqual(['free_meals']);
    expect(welfareTags({ housing: 'none', meals: 'none', isDailyPay: false })).toEqual([]);
  });
});
