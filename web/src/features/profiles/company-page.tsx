import { ArrowLeftOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Button, Card, Empty, Result, Tag, Tooltip } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import { useApi } from '../../app/use-api';
import { AccountTypeTag } from '../../components/account-type-tag';
import { PageError, PageLoading } from '../../components/page-states';
import { SyntheticNotice } from '../../components/synthetic-notice';
import { JobCard } from '../jobs/job-card';
import { LazyApplySheet } from '../live/lazy-apply-sheet';
import { useApply } from '../live/use-apply';
import { FollowButton } from '../follows/follow-button';
import type { SessionStatus } from '../live/api';
import { getPublicCompany, listCompanyJobs, listCompanySessions } from './api';
import { PROFILES_NS } from './i18n';
import { ProfileSessions } from './profile-sessions';
import './profiles.css';

// Below the fold, loaded after the profile: the trust signals and the report form (antd Form, Modal, Radio).
const TrustSignalsCard = lazy(() => import('../pipeline/trust-signals').then((module) => ({ default: module.TrustSignalsCard })));
const ReportButton = lazy(() => import('../pipeline/report-button').then((module) => ({ default: module.ReportButton })));

/** /companies/:companyId — what a seeker checks before applying: who hires, its record, its jobs and sessions. */
export default function CompanyPage() {
  const { t } = useTranslation(PROFILES_NS);
  const { companyId = '' } = useParams();
  const navigate = useNavigate();
  const names = useLocalizedNames(currentLanguage());
  const { data: company, error, isLoading, reload } = useApi(() => getPublicCompany(companyId), companyId);
  const jobs = useApi(() => listCompanyJobs(companyId), `jobs:${companyId}`);
  const loadSessions = useCallback((status: SessionStatus[]) => listCompanySessions(companyId, status), [companyId]);
  const apply = useApply(null);

  if (isLoading && !company) return <PageLoading />;
  if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed')) {
    return (
      <Result status="404" title={t('companyNotFound')} subTitle={t('companyNotFoundHint')} data-testid="company-not-found"
        extra={<Link to="/"><Button>{t('toJobs')}</Button></Link>} />
    );
  }
  if (error || !company) return <PageError error={error ?? new Error('')} onRetry={reload} />;

  const isIntermediary = company.accountType === 'agency' || company.accountType === 'dispatch';
  return (
    <div className="stack profile-page" data-testid="company-page">
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} style={{ paddingLeft: 0 }}>
          {t('back')}
        </Button>
      </div>
      <SyntheticNotice isShown={company.isSynthetic} />
      <Card data-testid="company-head">
        <div className="profile-head">
          <div className="profile-avatar" aria-hidden>{Array.from(company.name)[0]}</div>
          <div className="profile-head-main">
            <h1 className="profile-name" data-testid="company-name">{company.name}</h1>
            <div className="profile-tags">
              {company.status === 'verified' ? (
                <Tooltip title={t('verifiedHint')}>
                  <Tag color="success" icon={<SafetyCertificateFilled />} data-testid="company-verified">{t('verified')}</Tag>
                </Tooltip>
              ) : null}
              <AccountTypeTag accountType={company.accountType} />
            </div>
            <div className="profile-sub">
              {names.city(company.cityCode, company.cityName)} · {names.industry(company.industryCode, company.industryName)}
            </div>
          </div>
          <FollowButton companyId={company.id} name={company.name} />
        </div>
        <div className="profile-note" data-testid="company-account-note">
          {t(`accountTypeHint.${company.accountType}`)}
          {isIntermediary && company.hrLicenceNumber ? <div data-testid="company-licence">{t('hrLicence', { number: company.hrLicenceNumber })}</div> : null}
        </div>
      </Card>
      <Suspense fallback={null}><TrustSignalsCard companyId={company.id} /></Suspense>
      <section className="profile-section">
        <h2 className="profile-section-title">{jobs.data ? t('jobsCount', { count: jobs.data.total }) : t('jobs')}</h2>
        {jobs.error ? <PageError error={jobs.error} onRetry={jobs.reload} /> : null}
        {jobs.data && jobs.data.jobs.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noJobs')} /> : null}
        <div className="profile-jobs" data-testid="company-jobs">
          {jobs.data?.jobs.map((job) => <JobCard key={job.id} job={job} apply={apply} />)}
        </div>
      </section>
      <ProfileSessions load={loadSessions} cacheKey={`company:${companyId}`} />
      <div className="profile-foot"><Suspense fallback={null}><ReportButton targetKind="company" targetId={company.id} /></Suspense></div>
      <LazyApplySheet controller={apply} />
    </div>
  );
}
