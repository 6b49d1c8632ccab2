import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AnalyticsQuery } from './api';

/** The report's window: the default, since it is where the report's (and the demo's) figures are. */
export const REPORT_WINDOW = { from: '2022-08-01', to: '2023-01-31' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's query lives in the URL, so a view can be bookmarked and shared. */
export function useAnalyticsQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<AnalyticsQuery>(() => {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    const minSent = Number(params.get('minSent'));
    return {
      from: DATE.test(from) ? from : REPORT_WINDOW.from,
      to: DATE.test(to) ? to : REPORT_WINDOW.to,
      province: params.get('province') ?? undefined,
      city: params.get('city') ?? undefined,
      national: params.get('national') === 'true',
      minSent: Number.isInteger(minSent) && minSent >= 1 ? minSent : undefined,
    };
  }, [params]);
  const update = (changes: Partial<AnalyticsQuery>) => {
    const next = { ...query, ...changes };
    const search = new URLSearchParams();
    search.set('from', next.from);
    search.set('to', next.to);
    if (next.city) search.set('city', next.city);
    else if (next.province) search.set('province', next.province);
    else if (next.national) search.set('national', 'true');
    if (next.minSent) search.set('minSent', String(next.minSent));
    setParams(search, { replace: true });
  };
  return { query, update, key: JSON.stringify(query) };
}
