import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { withQuery } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { impactApi } from './api';
import { IMPACT_NS } from './i18n';
import { ImpactFilters } from './impact-filters';
import { ImpactReportView } from './impact-report-view';
import { useImpactQuery } from './use-impact-query';

/** /impact: the report for everyone, with small counts withheld by the server. */
export default function ImpactPage() {
  const { t } = useTranslation(IMPACT_NS);
  const { user } = useAuth();
  const { query, update, key } = useImpactQuery();
  const report = useApi(() => impactApi.getPublicReport(query), key);
  const canSeeConsole = user?.role === 'admin' || user?.role === 'bureau';

  return (
    <div className="stack" data-testid="impact-page">
      <div>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }}>{t('publicTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <ImpactFilters query={query} onChange={update} ownProvince={null} />
        {canSeeConsole ? <Link to={withQuery('/console/impact', { from: query.from, to: query.to, province: query.province, city: query.city, campaign: query.campaignId })} data-testid="impact-console-link">{t('consoleLink')}</Link> : null}
      </Space>
      {report.error ? <PageError error={report.error} onRetry={report.reload} /> : !report.data ? <PageLoading /> : <ImpactReportView report={report.data} query={query} isPublic />}
    </div>
  );
}
