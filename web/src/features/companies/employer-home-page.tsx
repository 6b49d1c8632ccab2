import { Button, Card, Empty, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { getOwnCompany } from './api';
import { CompanyDetails } from './company-details';
import { CompanyStatusBanner } from './company-status-banner';
import { COMPANIES_NS } from './i18n';

// Loaded after the page: imported statically here, the catalogue's chunk made the bundler regroup antd modules
// that every page loads first (+0.1 KiB on the seeker's first screen, measured with the size report).
const StatedOccupationCard = lazy(() => import('../impact/occupation-fields').then((module) => ({ default: module.StatedOccupationCard })));

/** The employer's landing page: the company's verification status, what to do next, and the recruiter's own occupation. */
export default function EmployerHomePage() {
  const { t } = useTranslation(COMPANIES_NS);
  const { data, error, isLoading, reload } = useApi(getOwnCompany, 'own-company');
  if (isLoading && !data) return <PageLoading />;
  if (error || !data) return <PageError error={error ?? new Error('')} onRetry={reload} />;
  const { company } = data;

  if (!company) {
    return (
      <Card>
        <Empty description={<><Typography.Title level={4}>{t('home.noCompany')}</Typography.Title><Typography.Text type="secondary">{t('home.noCompanyHint')}</Typography.Text></>}>
          <Link to="/employer/company"><Button type="primary" data-testid="register-company-link">{t('home.register')}</Button></Link>
        </Empty>
      </Card>
    );
  }

  const isVerified = company.status === 'verified';
  return (
    <div className="stack">
      <Typography.Title level={3} className="page-title">{t('home.title')}</Typography.Title>
      <CompanyStatusBanner company={company} />
      <Card>
        <CompanyDetails company={company} />
        <Space style={{ marginTop: 16 }}>
          <Link to="/employer/jobs/new"><Button type="primary" disabled={!isVerified} data-testid="post-job-link">{t('home.postJob')}</Button></Link>
          <Link to="/employer/jobs"><Button>{t('home.myJobs')}</Button></Link>
          {company.status === 'rejected' ? <Link to="/employer/company"><Button data-testid="correct-company-link">{t('home.correct')}</Button></Link> : null}
        </Space>
      </Card>
      <Suspense fallback={null}><StatedOccupationCard /></Suspense>
    </div>
  );
}
