import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AnalyticsQuery } from './api';

/** The report's window: the default, since it is where the report's (and the demo's) figures are. */
export const REPORT_WINDOW = { from: '2022-08-01', to: '2023-01-31' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A report's window and region, as the dashboard and the impact report keep them in the URL. */
export type ReportScope = { from: string; to: string; province?: string; city?: string; national?: boolean };

/** The window (the report's by default) and region read from the URL. */
export function readReportScope(params: URLSearchParams): ReportScope & { national: boolean } {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    from: DATE.test(from) ? from : REPORT_WINDOW.from,
    to: DATE.test(to) ? to : REPORT_WINDOW.to,
    province: params.get('province') ?? undefined,
    city: params.get('city') ?? undefined,
    national: params.get('national') === 'true',
  };
}

/** The URL's parameters for a window and region: a city, else a province, else the whole country when asked. */
export function reportScopeParams(scope: ReportScope): URLSearchParams {
  const search = new URLSearchParams();
  search.set('from', scope.from);
  search.set('to', scope.to);
  if (scope.city) search.set('city', scope.city);
  else if (scope.province) search.set('province', scope.province);
  else if (scope.national) search.set('national', 'true');
  return search;
}

/** The region picker's value (the whole country, [province] or [province, city]) as a scope change. */
export function regionFromPicker(value: (string | number)[] | undefined, nationalValue: string): Pick<ReportScope, 'province' | 'city' | 'national'> {
  const [first, second] = (value ?? []).map(String);
  if (!first || first === nationalValue) return { province: undefined, city: undefined, national: true };
  if (second) return { province: undefined, city: second, national: false };
  return { province: first, city: undefined, national: false };
}

/** The dashboard's query lives in the URL, so a view can be bookmarked and shared. */
export function useAnalyticsQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<AnalyticsQuery>(() => {
    const minSent = Number(params.get('minSent'));
    return { ...readReportScope(params), minSent: Number.isInteger(minSent) && minSent >= 1 ? minSent : undefined };
  }, [params]);
  const update = (changes: Partial<AnalyticsQuery>) => {
    const next = { ...query, ...changes };
    const search = reportScopeParams(next);
    if (next.minSent) search.set('minSent', String(next.minSent));
    setParams(search, { replace: true });
  };
  return { query, update, key: JSON.stringify(query) };
}
