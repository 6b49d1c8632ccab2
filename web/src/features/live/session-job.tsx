import { CheckOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionJob } from '../../../../contracts/live';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import type { AccountType } from '../../app/types';
import { AccountTypeTag } from '../../components/account-type-tag';
import { ChatButton } from '../conversations/chat-button';
import { JobTags } from '../jobs/job-tags';
import { formatPay } from '../jobs/pay';
import { LIVE_NS } from './i18n';

type ApplyProps = { isApplied: boolean; isBusy: boolean; onApply: (job: SessionJob) => void };

export function ApplyButton({ job, isApplied, isBusy, onApply, size = 'middle', testId }: ApplyProps & { job: SessionJob; size?: 'small' | 'middle' | 'large'; testId: string }) {
  const { t } = useTranslation(LIVE_NS);
  if (isApplied) {
    return <Button size={size} shape="round" disabled icon={<CheckOutlined />} data-testid={testId} data-applied="true">{t('room.applied')}</Button>;
  }
  return (
    <Button size={size} shape="round" type="primary" danger loading={isBusy} disabled={!job.isOpen} onClick={() => onApply(job)} data-testid={testId} data-applied="false">
      {t('room.apply')}
    </Button>
  );
}

/** 讲解中: the job the host is presenting, over the video, with the one-tap 报名 button (the feed also shows a job
 * that is not being presented: isPresenting false labels it as one of the session's jobs). */
export function PinnedJobCard({ job, isPresenting = true, ...apply }: ApplyProps & { job: SessionJob; isPresenting?: boolean }) {
  const { t } = useTranslation(LIVE_NS);
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const pay = formatPay(job, language);
  return (
    <section className="pinned-job" data-testid="pinned-job" data-job-id={job.jobId} aria-label={`${t('room.presenting')} ${job.title}`}>
      <div className="pinned-job-main">
        <div className="pinned-job-head">
          <span className={`presenting-tag${isPresenting ? '' : ' is-plain'}`}>{isPresenting ? t('room.presenting') : t('room.jobStrip')}</span>
          <span className="pinned-job-title">{job.title}</span>
        </div>
        <div className="pinned-job-pay">{pay.headline}{pay.secondary ? <small> · {pay.secondary}</small> : null}</div>
        <div className="pinned-job-meta">{job.companyName} · {names.city(job.cityCode, job.cityName)}</div>
        <JobTags job={job} />
      </div>
      <div className="job-actions">
        <ApplyButton job={job} size="large" testId="pinned-apply" {...apply} />
        <ChatButton jobId={job.jobId} companyName={job.companyName} size="small" testId="pinned-chat" />
      </div>
    </section>
  );
}

/** A job in the session's drawer (and the replay list): everything a seeker asks about, and 报名. */
export function SessionJobRow({ job, isPinned, ...apply }: ApplyProps & { job: SessionJob; isPinned: boolean }) {
  const { t } = useTranslation(LIVE_NS);
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const pay = formatPay(job, language);
  return (
    <li className="session-job" data-testid="session-job" data-job-id={job.jobId}>
      <div className="session-job-main">
        <div className="session-job-title">
          {isPinned ? <span className="presenting-tag">{t('room.presenting')}</span> : null}
          {job.title}
        </div>
        <div className="session-job-pay">{pay.headline}{pay.secondary ? <small> · {pay.secondary}</small> : null}</div>
        <div className="session-job-meta">
          {names.city(job.cityCode, job.cityName)} · {names.category(job.categoryCode, job.categoryName)} · {job.companyName}{' '}
          <AccountTypeTag accountType={job.companyAccountType as AccountType} />
        </div>
        <JobTags job={job} />
      </div>
      <div className="job-actions">
        <ApplyButton job={job} testId="job-apply" {...apply} />
        <ChatButton jobId={job.jobId} companyName={job.companyName} size="small" testId="session-job-chat" />
      </div>
    </li>
  );
}

/** Under the video: the session's jobs as small chips (title and pay); a tap opens the drawer. */
export function JobStrip({ jobs, pinnedJobId, appliedJobIds, onOpen }: { jobs: SessionJob[]; pinnedJobId: string | null; appliedJobIds: ReadonlySet<string>; onOpen: (jobId: string) => void }) {
  const { t } = useTranslation(LIVE_NS);
  const language = currentLanguage();
  if (jobs.length === 0) return null;
  return (
    <div className="job-strip" data-testid="job-strip">
      <div className="job-strip-label">{t('room.jobStrip')} · {jobs.length}</div>
      <div className="job-strip-items">
        {jobs.map((job) => (
          <button key={job.jobId} type="button" className={`job-chip${job.jobId === pinnedJobId ? ' is-pinned' : ''}`} onClick={() => onOpen(job.jobId)} data-testid="job-chip" data-job-id={job.jobId}>
            <span className="job-chip-title">
              {job.jobId === pinnedJobId ? <span className="presenting-tag">{t('room.presenting')}</span> : null}
              {job.title}
            </span>
            <span className="job-chip-pay">{formatPay(job, language).headline}</span>
            <span className="job-chip-company">{appliedJobIds.has(job.jobId) ? `✓ ${t('room.applied')}` : job.companyName}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
