import { ArrowLeftOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Result, Tag } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { SyntheticNotice } from '../../components/synthetic-notice';
import { FollowButton } from '../follows/follow-button';
import { JobCard } from '../jobs/job-card';
import { LazyApplySheet } from '../live/lazy-apply-sheet';
import { useApply } from '../live/use-apply';
import type { SessionStatus } from '../live/api';
import { getPublicHost, listHostJobs, listHostSessions } from './api';
import { PROFILES_NS } from './i18n';
import { ProfileSessions } from './profile-sessions';
import './profiles.css';

// Below the fold, loaded after the profile: the trust signals.
const TrustSignalsCard = lazy(() => import('../pipeline/trust-signals').then((module) => ({ default: module.TrustSignalsCard })));

const ROLE_COLORS = { host: 'volcano', employer: 'green', bureau: 'blue', admin: 'default' } as const;

/** /hosts/:hostUserId — a host's display name (never contact details), record, sessions and replays. */
export default function HostPage() {
  const { t } = useTranslation(PROFILES_NS);
  const { hostUserId = '' } = useParams();
  const navigate = useNavigate();
  const { data: host, error, isLoading, reload } = useApi(() => getPublicHost(hostUserId), hostUserId);
  const loadSessions = useCallback((status: SessionStatus[]) => listHostSessions(hostUserId, status), [hostUserId]);
  const jobs = useApi(() => listHostJobs(hostUserId), `jobs:${hostUserId}`);
  const apply = useApply(null);

  if (isLoading && !host) return <PageLoading />;
  if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed')) {
    return <Result status="404" title={t('hostNotFound')} data-testid="host-not-found" extra={<Link to="/live"><Button>{t('toLive')}</Button></Link>} />;
  }
  if (error || !host) return <PageError error={error ?? new Error('')} onRetry={reload} />;

  return (
    <div className="stack profile-page" data-testid="host-page">
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/live'))} style={{ paddingLeft: 0 }}>
          {t('back')}
        </Button>
      </div>
      <SyntheticNotice isShown={host.isSynthetic} />
      <Card>
        <div className="profile-head">
          <div className="profile-avatar is-host" aria-hidden>{Array.from(host.displayName)[0] ?? '播'}</div>
          <div className="profile-head-main">
            <h1 className="profile-name" data-testid="host-name">{host.displayName}</h1>
            <div className="profile-tags">
              <Tag color={ROLE_COLORS[host.role]}>{t(`hostRoles.${host.role}`)}</Tag>
              {host.company ? (
                <Link to={`/companies/${host.company.id}`} data-testid="host-company"><ShopOutlined /> {host.company.name}</Link>
              ) : null}
            </div>
            <div className="profile-sub" data-testid="host-counts">{t('hostCounts', host.sessionCounts)}</div>
          </div>
          <FollowButton hostUserId={host.id} name={host.displayName} />
        </div>
      </Card>
      <Suspense fallback={null}><TrustSignalsCard hostUserId={host.id} /></Suspense>
      <ProfileSessions load={loadSessions} cacheKey={`host:${hostUserId}`} />
      <section className="profile-section">
        <h2 className="profile-section-title">{jobs.data ? t('hostJobsCount', { count: jobs.data.total }) : t('hostJobs')}</h2>
        {jobs.error ? <PageError error={jobs.error} onRetry={jobs.reload} /> : null}
        {jobs.data && jobs.data.jobs.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noJobs')} /> : null}
        <div className="profile-jobs" data-testid="host-jobs">
          {jobs.data?.jobs.map((job) => <JobCard key={job.id} job={job} apply={apply} />)}
        </div>
      </section>
      <LazyApplySheet controller={apply} />
    </div>
  );
}
