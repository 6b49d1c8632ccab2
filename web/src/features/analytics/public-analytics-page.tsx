import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { AnalyticsDashboard } from './analytics-dashboard';
import { AnalyticsFilters } from './analytics-filters';
import { analyticsApi } from './api';
import { ANALYTICS_NS } from './i18n';
import { useAnalyticsQuery } from './use-analytics-query';
import { useChinaMap } from './use-china-map';
import { namesFor, toView } from './view-model';

/** The same figures for everyone, with small counts withheld by the server. */
export default function PublicAnalyticsPage() {
  const { t } = useTranslation(ANALYTICS_NS);
  const { reference } = useReference();
  const language = currentLanguage();
  const { query, update, key } = useAnalyticsQuery();
  const figures = useApi(() => analyticsApi.getPublicFigures(query), key);
  const map = useChinaMap();
  const view = useMemo(() => (figures.data ? toView(figures.data, namesFor(reference, language)) : null), [figures.data, reference, language]);

  return (
    <div className="stack" data-testid="public-analytics-page">
      <div>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }}>{t('publicTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <AnalyticsFilters query={query} onChange={update} defaultProvince={null} />
      {figures.error ? <PageError error={figures.error} onRetry={figures.reload} /> : !view ? <PageLoading /> : (
        <AnalyticsDashboard view={view} query={query} isPublic hasRegion={Boolean(figures.data?.region)} map={map} />
      )}
    </div>
  );
}
