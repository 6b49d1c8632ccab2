import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { withQuery } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { impactApi } from './api';
import { IMPACT_NS } from './i18n';
import { ImpactFilters } from './impact-filters';
import { ImpactReportView } from './impact-report-view';
import { MethodAdmin } from './method-admin';
import { OccupationCatalogueAdmin } from './occupation-catalogue-admin';
import { useImpactQuery } from './use-impact-query';

/** /console/impact: the full report for bureaus (their province by default, only theirs) and admins, the PDF, and the admins' method editor and occupations catalogue. */
export default function ImpactConsolePage() {
  const { t } = useTranslation(IMPACT_NS);
  const { user } = useAuth();
  const { query, update, key } = useImpactQuery();
  const report = useApi(() => impactApi.getReport(query), key);
  const ownProvince = user?.role === 'bureau' ? user.provinceCode : null;
  const pdfUrl = withQuery('/api/impact/report.pdf', { from: query.from, to: query.to, provinceCode: query.province, cityCode: query.city, campaignId: query.campaignId, lang: currentLanguage() });

  return (
    <div className="stack" data-testid="impact-console-page">
      <div>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }}>{t('consoleTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <ImpactFilters query={query} onChange={update} ownProvince={ownProvince} />
        <Space wrap>
          <Tooltip title={t('printHint')}>
            <Button icon={<FilePdfOutlined />} href={pdfUrl} download data-testid="impact-pdf">{t('printReport')}</Button>
          </Tooltip>
          <Link to={withQuery('/impact', { from: query.from, to: query.to, province: query.province ?? ownProvince, city: query.city, campaign: query.campaignId })} data-testid="impact-public-link">{t('publicLink')}</Link>
        </Space>
      </Space>
      {user?.role === 'admin' ? <MethodAdmin onSaved={report.reload} /> : null}
      {user?.role === 'admin' ? <OccupationCatalogueAdmin onSaved={report.reload} /> : null}
      {report.error ? <PageError error={report.error} onRetry={report.reload} /> : !report.data ? <PageLoading /> : <ImpactReportView report={report.data} query={query} isPublic={false} />}
    </div>
  );
}
