import type { QueryValue } from '../../app/api';

/** The seeker's job filters; they live in the URL so that "back" from a job page keeps them. */
export type JobFilters = {
  cityCode?: string;
  categoryCode?: string;
  minMonthlyPay?: number;
  housing?: 'dormitory' | 'couple_room';
  meals?: 'free' | 'allowance';
  isDailyPay?: boolean;
  q?: string;
  /** 附近: nearest first (?sort=near); from nearCityCode (?near=) once the seeker's city is known. */
  isNearSort?: boolean;
  nearCityCode?: string;
};

export const MIN_PAY_CHOICES = [3000, 4000, 5000, 6000, 8000, 10000] as const;

export function parseJobFilters(params: URLSearchParams): JobFilters {
  const filters: JobFilters = {};
  const city = params.get('city');
  if (city && /^\d{6}$/.test(city)) filters.cityCode = city;
  const category = params.get('category');
  if (category) filters.categoryCode = category;
  const minPay = Number(params.get('minPay'));
  if (Number.isInteger(minPay) && minPay > 0) filters.minMonthlyPay = minPay;
  const housing = params.get('housing');
  if (housing === 'dormitory' || housing === 'couple_room') filters.housing = housing;
  const meals = params.get('meals');
  if (meals === 'free' || meals === 'allowance') filters.meals = meals;
  if (params.get('daily') === '1') filters.isDailyPay = true;
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 50);
  if (params.get('sort') === 'near') {
    filters.isNearSort = true;
    const near = params.get('near');
    if (near && /^\d{6}$/.test(near)) filters.nearCityCode = near;
  }
  return filters;
}

export function toSearchParams(filters: JobFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.cityCode) params.set('city', filters.cityCode);
  if (filters.categoryCode) params.set('category', filters.categoryCode);
  if (filters.minMonthlyPay) params.set('minPay', String(filters.minMonthlyPay));
  if (filters.housing) params.set('housing', filters.housing);
  if (filters.meals) params.set('meals', filters.meals);
  if (filters.isDailyPay) params.set('daily', '1');
  if (filters.q) params.set('q', filters.q);
  if (filters.isNearSort) params.set('sort', 'near');
  if (filters.isNearSort && filters.nearCityCode) params.set('near', filters.nearCityCode);
  return params;
}

/** The query string of GET /api/jobs (listJobsQuerySchema). */
export function toApiQuery(filters: JobFilters): Record<string, QueryValue> {
  return {
    cityCode: filters.cityCode,
    categoryCode: filters.categoryCode,
    minMonthlyPay: filters.minMonthlyPay,
    housing: filters.housing,
    meals: filters.meals,
    isDailyPay: filters.isDailyPay ? 'true' : undefined,
    q: filters.q,
    // Until the city is known the list stays newest first.
    sort: filters.isNearSort && filters.nearCityCode ? 'distance' : undefined,
    nearCityCode: filters.isNearSort ? filters.nearCityCode : undefined,
  };
}

/** Filters that narrow the list (the order, 附近, is not one). */
export function countActiveFilters(filters: JobFilters): number {
  return Object.entries(filters)
    .filter(([key, value]) => key !== 'isNearSort' && key !== 'nearCityCode' && value !== undefined && value !== '' && value !== false).length;
}
