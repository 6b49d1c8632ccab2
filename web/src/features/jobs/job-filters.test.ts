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

  it('keeps 附近 (nearest first from a city) in the URL, asks the API for it once the city is known, and does not count it as a filter', () => {
    const near = parseJobFilters(new URLSearchParams('sort=near&near=320500&daily=1'));
    expect(near).toEqual({ isNearSort: true, nearCityCode: '320500', isDailyPay: true });
    expect(toSearchParams(near).toString()).toBe('daily=1&sort=near&near=320500');
    expect(countActiveFilters(near)).toBe(1);
    expect(withQuery('/api/jobs', toApiQuery(near))).toBe('/api/jobs?isDailyPay=true&sort=distance&nearCityCode=320500');
    // Not yet located: newest first meanwhile; a city without sort=near is ignored.
    expect(withQuery('/api/jobs', toApiQuery(parseJobFilters(new URLSearchParams('sort=near'))))).toBe('/api/jobs');
    expect(parseJobFilters(new URLSearchParams('near=320500'))).toEqual({});
    expect(parseJobFilters(new URLSearchParams('sort=near&near=Suzhou'))).toEqual({ isNearSort: true });
  });
});
