import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { AnalyticsDashboard } from '../analytics/analytics-dashboard';
import { analyticsApi, type AnalyticsQuery } from '../analytics/api';
import { useChinaMap } from '../analytics/use-china-map';
import { namesFor, toView } from '../analytics/view-model';
import type { AnalyticsResponse, PublicAnalyticsFigures } from '../../../../contracts/analytics';
import type { ImpactQuery } from './api';
import { IMPACT_NS } from './i18n';

/**
 * Part 4, Widespread: the resume flows, the analytics dashboard itself (public: the same suppressed figures as
 * /analytics/public, whose withheld totals the impact figures withhold too), narrowed to the campaign when one is
 * chosen; for a province, its cities, its map and the flows in and out of it.
 */
export function WidespreadSection({ query, isPublic }: { query: ImpactQuery; isPublic: boolean }) {
  const { t } = useTranslation(IMPACT_NS);
  const { reference } = useReference();
  const language = currentLanguage();
  const analyticsQuery: AnalyticsQuery = { from: query.from, to: query.to, province: query.province, city: query.city, national: query.national, campaign: query.campaignId };
  const figures = useApi<AnalyticsResponse | PublicAnalyticsFigures>(() => (isPublic ? analyticsApi.getPublicFigures(analyticsQuery) : analyticsApi.getFigures(analyticsQuery)), JSON.stringify([analyticsQuery, isPublic]));
  const map = useChinaMap();
  const view = useMemo(() => (figures.data ? toView(figures.data, namesFor(reference, language)) : null), [figures.data, reference, language]);

  return (
    <Card title={<h2 className="impact-section-title" style={{ fontSize: 17 }}>{t('widespread.title')}</h2>} size="small" data-testid="impact-widespread">
      {query.campaignId ? <Alert type="info" showIcon title={t('widespread.campaignNote')} style={{ marginBottom: 12 }} data-testid="impact-widespread-campaign" /> : null}
      {figures.error ? <PageError error={figures.error} onRetry={figures.reload} /> : !view ? <PageLoading /> : (
        <AnalyticsDashboard view={view} query={analyticsQuery} isPublic={isPublic} hasRegion={Boolean(figures.data?.region)} map={map} />
      )}
    </Card>
  );
}
