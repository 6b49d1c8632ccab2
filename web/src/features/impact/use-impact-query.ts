import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { REPORT_WINDOW } from '../analytics/use-analytics-query';
import type { ImpactQuery } from './api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The report's window, region and campaign live in the URL, so a view can be bookmarked and shared. */
export function useImpactQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<ImpactQuery>(() => {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    return {
      from: DATE.test(from) ? from : REPORT_WINDOW.from,
      to: DATE.test(to) ? to : REPORT_WINDOW.to,
      province: params.get('province') ?? undefined,
      city: params.get('city') ?? undefined,
      national: params.get('national') === 'true',
      campaignId: params.get('campaign') ?? undefined,
    };
  }, [params]);
  const update = (changes: Partial<ImpactQuery>) => {
    const next = { ...query, ...changes };
    const search = new URLSearchParams();
    search.set('from', next.from);
    search.set('to', next.to);
    if (next.city) search.set('city', next.city);
    else if (next.province) search.set('province', next.province);
    else if (next.national) search.set('national', 'true');
    if (next.campaignId) search.set('campaign', next.campaignId);
    setParams(search, { replace: true });
  };
  return { query, update, key: JSON.stringify(query) };
}
