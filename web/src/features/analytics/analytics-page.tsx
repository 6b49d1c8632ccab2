import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { withQuery } from '../../app/api';
import { useAuth } from '../../app/auth';
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

/** The dashboard for admins and bureaus; a bureau starts with its own province. */
export default function AnalyticsPage() {
  const { t } = useTranslation(ANALYTICS_NS);
  const { user } = useAuth();
  const { reference } = useReference();
  const language = currentLanguage();
  const { query, update, key } = useAnalyticsQuery();
  const figures = useApi(() => analyticsApi.getFigures(query), key);
  const map = useChinaMap();
  const view = useMemo(() => (figures.data ? toView(figures.data, namesFor(reference, language)) : null), [figures.data, reference, language]);
  const defaultProvince = user?.role === 'bureau' ? user.provinceCode : null;
  // The region on screen: a bureau with no region in the URL sees its own province.
  const shownProvince = query.province ?? (query.city || query.national ? undefined : defaultProvince ?? undefined);
  const reportUrl = withQuery('/api/analytics/report.html', { from: query.from, to: query.to, province: query.province, city: query.city, national: query.national ? 'true' : undefined, minSent: query.minSent });

  return (
    <div className="stack" data-testid="analytics-page">
      <div>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <AnalyticsFilters query={query} onChange={update} defaultProvince={defaultProvince} />
        <Space>
          <Button icon={<PrinterOutlined />} href={reportUrl} target="_blank" data-testid="analytics-report">{t('report')}</Button>
          <Link to={withQuery('/analytics/public', { from: query.from, to: query.to, province: shownProvince, city: query.city })} data-testid="analytics-public-link">{t('publicLink')}</Link>
        </Space>
      </Space>
      {figures.error ? <PageError error={figures.error} onRetry={figures.reload} /> : !view ? <PageLoading /> : (
        <AnalyticsDashboard view={view} query={query} isPublic={false} hasRegion={Boolean(figures.data?.region)} map={map} />
      )}
    </div>
  );
}
