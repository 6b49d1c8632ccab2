import { describe, expect, it } from 'vitest';
import { emptyJobFormValues, localIsoDate, toJobInput } from './job-form-values';

describe('job form values', () => {
  it('starts valid today for ninety days', () => {
    const values = emptyJobFormValues({ cityCode: '320500' }, new Date(2026, 0, 31, 23, 30));
    expect(values.validFrom).toBe('2026-01-31');
    expect(values.validUntil).toBe('2026-05-01');
    expect(values.cityCode).toBe('320500');
  });

  it('leaves cleared pay fields out of the request body', () => {
    const input = toJobInput({
      ...emptyJobFormValues({}),
      title: '  叉车工 ',
      categoryCode: 'forklift_driver',
      industryCode: 'G',
      cityCode: '320500',
      payMonthlyMin: null,
      payMonthlyMax: null,
      payHourly: 25,
      shiftPattern: 'day_shift',
      housing: 'couple_room',
      meals: 'free',
      headcount: 3,
    });
    expect(input.title).toBe('叉车工');
    expect('payMonthlyMin' in input && input.payMonthlyMin !== undefined).toBe(false);
    expect(input.payHourly).toBe(25);
    expect(JSON.parse(JSON.stringify(input))).not.toHaveProperty('payMonthlyMax');
  });

  it('always sends the occupation tag, null when none (PUT replaces the whole job)', () => {
    const base = { ...emptyJobFormValues({}), title: '外卖骑手', categoryCode: 'food_delivery_rider', industryCode: 'I', cityCode: '320500', payHourly: 25, headcount: 3 };
    expect(toJobInput(base).occupationId).toBeNull();
    expect(toJobInput({ ...base, occupationId: null }).occupationId).toBeNull();
    expect(toJobInput({ ...base, occupationId: 29 }).occupationId).toBe(29);
  });

  it('formats local dates', () => {
    expect(localIsoDate(new Date(2026, 10, 5))).toBe('2026-11-05');
  });
});
