import { describe, expect, it } from 'vitest';
import { withQuery } from '../../app/api';
import { countActiveFilters, parseJobFilters, toApiQuery, toSearchParams } from './job-filters';

describe('job filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = { cityCode: '320500', categoryCode: 'general_worker', minMonthlyPay: 6000, housing: 'couple_room', meals: 'free', isDailyPay: true, q: '电子厂' } as const;
    expect(parseJobFilters(toSearchParams(filters))).toEqual(filters);
    expect(countActiveFilters(filters)).toBe(7);
  });

  it('drops values the API would refuse', () => {
    const filters = parseJobFilters(new URLSearchParams('city=Suzhou&minPay=-5&housing=villa&meals=x&daily=yes&q=%20%20'));
    expect(filters).toEqual({});
  });

  it('builds the GET /api/jobs query without empty values', () => {
    const url = withQuery('/api/jobs', { ...toApiQuery({ cityCode: '320500', isDailyPay: true }), page: 1 });
    expect(url).toBe('/api/jobs?cityCode=320500&isDailyPay=true&page=1');
    expect(withQuery('/api/jobs', toApiQuery({}))).toBe('/api/jobs');
  });
});
