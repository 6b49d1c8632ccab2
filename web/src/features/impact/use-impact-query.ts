import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readReportScope, reportScopeParams } from '../analytics/use-analytics-query';
import type { ImpactQuery } from './api';

/** The report's window, region and campaign live in the URL, so a view can be bookmarked and shared. */
export function useImpactQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<ImpactQuery>(() => {
    return { ...readReportScope(params), campaignId: params.get('campaign') ?? undefined };
  }, [params]);
  const update = (changes: Partial<ImpactQuery>) => {
    const next = { ...query, ...changes };
    const search = reportScopeParams(next);
    if (next.campaignId) search.set('campaign', next.campaignId);
    setParams(search, { replace: true });
  };
  return { query, update, key: JSON.stringify(query) };
}
