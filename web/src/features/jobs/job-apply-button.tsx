import { CheckOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApplyJob, type ApplyController } from '../live/use-apply';
import { JOBS_NS } from './i18n';
import type { Job } from './types';

const TEST_IDS = {
  page: { apply: 'job-apply', applied: 'job-applied', closed: 'job-apply-closed' },
  card: { apply: 'job-card-apply', applied: 'job-card-applied', closed: 'job-card-closed' },
} as const;

/**
 * 报名 outside a live room: the same one-tap, idempotent apply (source job_page) with the live room's apply
 * sheet when the seeker must sign up, sign in or fill in the quick profile first.
 * Stable test ids that other journeys rely on:
 *   job page: `job-apply` (tap to apply), `job-applied` (shown instead once applied), `job-apply-closed`;
 *   job card: `job-card-apply`, `job-card-applied`, `job-card-closed`.
 */
export function JobApplyButton({ job, apply, variant }: { job: Job; apply: ApplyController; variant: 'page' | 'card' }) {
  const { t } = useTranslation(JOBS_NS);
  if (variant === 'card') return <CardApplyButton job={job} apply={apply} />;
  const ids = TEST_IDS[variant];
  const size = variant === 'page' ? 'large' : 'middle';
  const isBlock = variant === 'page';
  if (apply.appliedJobIds.has(job.id)) {
    return <Button size={size} block={isBlock} shape="round" disabled icon={<CheckOutlined />} data-testid={ids.applied}>{t('apply.applied')}</Button>;
  }
  if (job.status !== 'open') {
    return <Button size={size} block={isBlock} shape="round" disabled data-testid={ids.closed}>{t('apply.closed')}</Button>;
  }
  const handleClick = (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    void apply.startApply(toApplyJob(job));
  };
  return (
    <Button size={size} block={isBlock} shape="round" type="primary" danger loading={apply.busyJobId === job.id} onClick={handleClick} data-testid={ids.apply}>
      {t('apply.button')}
    </Button>
  );
}

/** The card's 报名, one per job in a list: a plain button in antd's round danger Button look (global.css .plain-button;
 * twenty antd Buttons were a good part of the job list's first render on a slow phone). */
function CardApplyButton({ job, apply }: { job: Job; apply: ApplyController }) {
  const { t } = useTranslation(JOBS_NS);
  const ids = TEST_IDS.card;
  if (apply.appliedJobIds.has(job.id)) {
    return <button type="button" className="plain-button plain-button-round" disabled data-testid={ids.applied}><CheckOutlined />{t('apply.applied')}</button>;
  }
  if (job.status !== 'open') {
    return <button type="button" className="plain-button plain-button-round" disabled data-testid={ids.closed}>{t('apply.closed')}</button>;
  }
  const isBusy = apply.busyJobId === job.id;
  const handleClick = (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!isBusy) void apply.startApply(toApplyJob(job));
  };
  return (
    <button type="button" className="plain-button plain-button-round plain-button-danger" aria-busy={isBusy} onClick={handleClick} data-testid={ids.apply}>
      {isBusy ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
      {t('apply.button')}
    </button>
  );
}
