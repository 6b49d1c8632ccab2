import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Typography } from 'antd';
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
import { ChatButton } from '../conversations/chat-button';
import { LazyApplySheet } from '../live/lazy-apply-sheet';
import { listJobSessions, type SessionStatus } from '../live/api';
import { useApply } from '../live/use-apply';
import { jobForPage } from './prefetch';
import { JOBS_NS } from './i18n';
import { JobApplyButton } from './job-apply-button';
import { JobTags } from './job-tags';
import { formatHourlyPay, formatMonthlyPay, formatPay } from './pay';
import { ReportButton } from '../pipeline/report-button';
import { TrustSignalsCard } from '../pipeline/trust-signals';

// Below the fold: the sessions presenting the job load after the job itself.
const ProfileSessions = lazy(() => import('../profiles/profile-sessions').then((module) => ({ default: module.ProfileSessions })));

function TextSection({ title, text, empty, testId }: { title: string; text: string; empty: string; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} type={text ? undefined : 'secondary'}>{text || empty}</Typography.Paragraph>
    </Card>
  );
}

export default function JobDetailPage() {
  const { t } = useTranslation(JOBS_NS);
  const { jobId = '' } = useParams();
  const navigate = useNavigate();
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const { data: job, error, isLoading, reload } = useApi(() => jobForPage(jobId), jobId);
  const apply = useApply(null);
  const loadSessions = useCallback((status: SessionStatus[]) => listJobSessions(jobId, status), [jobId]);

  if (isLoading && !job) return <PageLoading />;
  if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed')) {
    // A job that stopped (closed, expired) or whose employer is suspended says so; anything else is not found.
    const reason = error.body.reason === 'company_suspended' || error.body.reason === 'job_closed' ? error.body.reason : null;
    const title = reason === 'company_suspended' ? t('detail.companySuspended') : reason === 'job_closed' ? t('detail.closed') : t('detail.notFound');
    const hint = reason === 'company_suspended' ? t('detail.companySuspendedHint') : reason === 'job_closed' ? t('detail.closedHint') : undefined;
    return (
      <Result status={reason ? 'warning' : '404'} title={title} subTitle={hint} data-testid="job-unavailable" data-reason={reason ?? 'not_found'}
        extra={<Link to="/"><Button type="primary">{reason ? t('detail.toJobs') : t('detail.back')}</Button></Link>} />
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
      {job.status === 'closed' ? <Alert type="info" showIcon title={t('detail.closed')} /> : null}
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }} data-testid="job-title">{job.title}</Typography.Title>
        <div className="detail-pay" data-testid="job-detail-pay">{pay.headline}</div>
        {pay.secondary ? <Typography.Text type="secondary">{t('detail.hourly')} {pay.secondary}</Typography.Text> : null}
        <div style={{ margin: '12px 0' }}><JobTags job={job} /></div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }} data-testid="job-company">
          <Link to={`/companies/${job.companyId}`} style={{ fontWeight: 600, color: '#1f1f1f' }} data-testid="job-company-link">
            {job.companyName} <RightOutlined style={{ fontSize: 11, color: 'var(--jc-text-secondary)' }} />
          </Link>
          <AccountTypeTag accountType={job.companyAccountType} />
        </div>
        <Typography.Text type="secondary">
          {names.city(job.cityCode, job.cityName)} · {names.provinceOfCity(job.cityCode, job.provinceName)} · {t('detail.hiring', { count: job.headcount })}
        </Typography.Text>
      </Card>
      <div className="job-apply-bar" style={{ display: 'flex', gap: 8 }}>
        {job.status === 'open' || apply.appliedJobIds.has(job.id) ? <ChatButton jobId={job.id} companyName={job.companyName} size="large" testId="job-chat" /> : null}
        <div style={{ flex: 1 }}><JobApplyButton job={job} apply={apply} variant="page" /></div>
      </div>
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('detail.pay')}>{formatMonthlyPay(job, language) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.hourly')}>{formatHourlyPay(job, language) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.shift')}>{t(`shift.${job.shiftPattern}`, { defaultValue: job.shiftPattern })}</Descriptions.Item>
          <Descriptions.Item label={t('detail.dailyPay')}><span data-testid="job-detail-daily-pay">{t(job.isDailyPay ? 'detail.dailyPayYes' : 'detail.dailyPayNo')}</span></Descriptions.Item>
          <Descriptions.Item label={t('detail.housing')}>{t(`housing.${job.housing}`, { defaultValue: job.housing })}</Descriptions.Item>
          <Descriptions.Item label={t('detail.meals')}>{t(`meals.${job.meals}`, { defaultValue: job.meals })}</Descriptions.Item>
          <Descriptions.Item label={t('detail.category')}>{names.category(job.categoryCode, job.categoryName)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.industry')}>{names.industry(job.industryCode, job.industryName)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.headcount')}>{job.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('detail.validity')}>{validity}</Descriptions.Item>
        </Descriptions>
      </Card>
      <TextSection title={t('detail.requirements')} text={job.requirements} empty={t('detail.none')} testId="job-requirements" />
      <TextSection title={t('detail.benefits')} text={job.benefits} empty={t('detail.none')} testId="job-benefits" />
      {job.description ? <TextSection title={t('detail.description')} text={job.description} empty={t('detail.none')} testId="job-description" /> : null}
      <Suspense fallback={null}>
        <ProfileSessions load={loadSessions} cacheKey={`job:${jobId}`} titles={{
          upcoming: t('sessions.upcoming'), replays: t('sessions.replays'), noUpcoming: t('sessions.noUpcoming'), noReplays: t('sessions.noReplays'),
        }} />
      </Suspense>
      <Alert type="warning" title={t('detail.antiFraud')} />
      <TrustSignalsCard companyId={job.companyId} />
      <div style={{ textAlign: 'right' }}><ReportButton targetKind="job" targetId={job.id} /></div>
      <LazyApplySheet controller={apply} />
    </div>
  );
}
