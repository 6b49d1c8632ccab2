import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import { useApi } from '../../app/use-api';
import { AccountTypeTag } from '../../components/account-type-tag';
import { PageError, PageLoading, PageWarning } from '../../components/page-states';
import { SyntheticNotice } from '../../components/synthetic-notice';
import { ChatButton } from '../conversations/chat-button';
import { LazyApplySheet } from '../live/lazy-apply-sheet';
import { listJobSessions, type SessionStatus } from '../live/api';
import { useApply } from '../live/use-apply';
import { arrivedJob, jobForPage } from './prefetch';
import { JOBS_NS } from './i18n';
import { JobApplyButton } from './job-apply-button';
import { JobTags } from './job-tags';
import { formatHourlyPay, formatMonthlyPay, formatPay } from './pay';

// Below the fold: the sessions presenting the job load after the job itself.
// Below the fold: the company's trust signals and the report form (antd Form, Modal, Radio) load after the job
// itself. The job's own parts are plain markup in antd's Card look (global.css).
const TrustSignalsCard = lazy(() => import('../pipeline/trust-signals').then((module) => ({ default: module.TrustSignalsCard })));
const ReportButton = lazy(() => import('../pipeline/report-button').then((module) => ({ default: module.ReportButton })));
const ProfileSessions = lazy(() => import('../profiles/profile-sessions').then((module) => ({ default: module.ProfileSessions })));

function TextSection({ title, text, empty, testId }: { title: string; text: string; empty: string; testId: string }) {
  return (
    <section className="plain-card plain-card-titled" data-testid={testId}>
      <h2 className="plain-card-title">{title}</h2>
      <p className={text ? 'plain-text' : 'plain-text secondary-text'}>{text || empty}</p>
    </section>
  );
}

export default function JobDetailPage() {
  const { t } = useTranslation(JOBS_NS);
  const { jobId = '' } = useParams();
  const navigate = useNavigate();
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const { data: job, error, isLoading, reload } = useApi(() => jobForPage(jobId), jobId, () => arrivedJob(jobId));
  const apply = useApply(null);
  const loadSessions = useCallback((status: SessionStatus[]) => listJobSessions(jobId, status), [jobId]);

  if (isLoading && !job) return <PageLoading />;
  if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed')) {
    // A job that stopped (closed, expired) or whose employer is suspended says so; anything else is not found.
    const reason = error.body.reason === 'company_suspended' || error.body.reason === 'job_closed' ? error.body.reason : null;
    const title = reason === 'company_suspended' ? t('detail.companySuspended') : reason === 'job_closed' ? t('detail.closed') : t('detail.notFound');
    const hint = reason === 'company_suspended' ? t('detail.companySuspendedHint') : reason === 'job_closed' ? t('detail.closedHint') : undefined;
    return (
      <div data-testid="job-unavailable" data-reason={reason ?? 'not_found'}>
        <PageWarning title={title} detail={hint} action={<Link to="/"><Button type="primary">{reason ? t('detail.toJobs') : t('detail.back')}</Button></Link>} />
      </div>
    );
  }
  if (error || !job) return <PageError error={error ?? new Error('')} onRetry={reload} />;

  const pay = formatPay(job, language);
  const validity = `${job.validFrom} ~ ${job.validUntil}`;
  return (
    <div className="stack" style={{ maxWidth: 760, margin: '0 auto', width: '100%' }} data-testid="job-detail">
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} style={{ paddingLeft: 0 }}>
          {t('detail.back')}
        </Button>
      </div>
      <SyntheticNotice isShown={job.isSynthetic} />
      {job.status === 'closed' ? <div className="notice notice-info" role="status"><span className="notice-icon" aria-hidden="true">i</span>{t('detail.closed')}</div> : null}
      <section className="plain-card plain-card-large">
        <h1 className="job-detail-title" data-testid="job-title">{job.title}</h1>
        <div className="detail-pay" data-testid="job-detail-pay">{pay.headline}</div>
        {pay.secondary ? <span className="secondary-text">{t('detail.hourly')} {pay.secondary}</span> : null}
        <div style={{ margin: '12px 0' }}><JobTags job={job} /></div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }} data-testid="job-company">
          <Link to={`/companies/${job.companyId}`} style={{ fontWeight: 600, color: '#1f1f1f' }} data-testid="job-company-link">
            {job.companyName} <RightOutlined style={{ fontSize: 11, color: 'var(--jc-text-secondary)' }} />
          </Link>
          <AccountTypeTag accountType={job.companyAccountType} />
        </div>
        <span className="secondary-text">
          {names.city(job.cityCode, job.cityName)} · {names.provinceOfCity(job.cityCode, job.provinceName)} · {t('detail.hiring', { count: job.headcount })}
        </span>
      </section>
      <div className="job-apply-bar" style={{ display: 'flex', gap: 8 }}>
        {job.status === 'open' || apply.appliedJobIds.has(job.id) ? <ChatButton jobId={job.id} companyName={job.companyName} size="large" testId="job-chat" /> : null}
        <div style={{ flex: 1 }}><JobApplyButton job={job} apply={apply} variant="page" /></div>
      </div>
      <section className="plain-card">
        <dl className="plain-descriptions">
          <div><dt>{t('detail.pay')}</dt><dd>{formatMonthlyPay(job, language) ?? '—'}</dd></div>
          <div><dt>{t('detail.hourly')}</dt><dd>{formatHourlyPay(job, language) ?? '—'}</dd></div>
          <div><dt>{t('detail.shift')}</dt><dd>{t(`shift.${job.shiftPattern}`, { defaultValue: job.shiftPattern })}</dd></div>
          <div><dt>{t('detail.dailyPay')}</dt><dd><span data-testid="job-detail-daily-pay">{t(job.isDailyPay ? 'detail.dailyPayYes' : 'detail.dailyPayNo')}</span></dd></div>
          <div><dt>{t('detail.housing')}</dt><dd>{t(`housing.${job.housing}`, { defaultValue: job.housing })}</dd></div>
          <div><dt>{t('detail.meals')}</dt><dd>{t(`meals.${job.meals}`, { defaultValue: job.meals })}</dd></div>
          <div><dt>{t('detail.category')}</dt><dd>{names.category(job.categoryCode, job.categoryName)}</dd></div>
          <div><dt>{t('detail.industry')}</dt><dd>{names.industry(job.industryCode, job.industryName)}</dd></div>
          <div><dt>{t('detail.headcount')}</dt><dd>{job.headcount}</dd></div>
          <div><dt>{t('detail.validity')}</dt><dd>{validity}</dd></div>
        </dl>
      </section>
      <TextSection title={t('detail.requirements')} text={job.requirements} empty={t('detail.none')} testId="job-requirements" />
      <TextSection title={t('detail.benefits')} text={job.benefits} empty={t('detail.none')} testId="job-benefits" />
      {job.description ? <TextSection title={t('detail.description')} text={job.description} empty={t('detail.none')} testId="job-description" /> : null}
      <Suspense fallback={null}>
        <ProfileSessions load={loadSessions} cacheKey={`job:${jobId}`} titles={{
          upcoming: t('sessions.upcoming'), replays: t('sessions.replays'), noUpcoming: t('sessions.noUpcoming'), noReplays: t('sessions.noReplays'),
        }} />
      </Suspense>
      <div className="notice notice-warning">{t('detail.antiFraud')}</div>
      <Suspense fallback={null}>
        <TrustSignalsCard companyId={job.companyId} />
        <div style={{ textAlign: 'right' }}><ReportButton targetKind="job" targetId={job.id} /></div>
      </Suspense>
      <LazyApplySheet controller={apply} />
    </div>
  );
}
