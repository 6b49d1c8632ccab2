import { PushpinFilled, PushpinOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionJob } from '../../../../../contracts/live';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { formatPay } from '../../jobs/pay';
import { LIVE_NS } from '../i18n';

type Props = {
  jobs: SessionJob[];
  pinnedJobId: string | null;
  counts: ReadonlyMap<string, number>;
  isEnded: boolean;
  onPin: (jobId: string | null) => Promise<unknown>;
};

/** 讲解岗位: pin the job being presented (viewers see its card), with live application counts per job. */
export function HostJobsPanel({ jobs, pinnedJobId, counts, isEnded, onPin }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const [busyJobId, setBusyJobId] = useState<string | null>(null);
  const language = currentLanguage();

  const handlePin = async (jobId: string | null, busyId: string) => {
    setBusyJobId(busyId);
    try {
      await onPin(jobId);
      message.success(jobId ? t('host.jobs.pinned') : t('host.jobs.unpinned'));
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
    } finally {
      setBusyJobId(null);
    }
  };

  return (
    <Card title={t('host.jobs.title')} size="small" data-testid="host-jobs">
      {jobs.length === 0 ? <Empty description={t('room.noJobs')} /> : null}
      {jobs.map((job) => {
        const isPinned = job.jobId === pinnedJobId;
        return (
          <div key={job.jobId} className={`host-job${isPinned ? ' is-pinned' : ''}`} data-testid="host-job" data-job-id={job.jobId} data-pinned={isPinned}>
            <div className="host-job-main">
              <div className="host-job-title">
                {isPinned ? <span className="presenting-tag">{t('host.jobs.presenting')}</span> : null}
                {job.title}
              </div>
              <div className="host-job-meta">{job.companyName} · {job.cityName} · {formatPay(job, language).headline}</div>
            </div>
            <div className="host-job-side">
              {isEnded ? null : isPinned ? (
                <Button size="small" icon={<PushpinFilled />} loading={busyJobId === job.jobId} onClick={() => handlePin(null, job.jobId)} data-testid="unpin-job">{t('host.jobs.unpin')}</Button>
              ) : (
                <Button size="small" type="primary" icon={<PushpinOutlined />} loading={busyJobId === job.jobId} onClick={() => handlePin(job.jobId, job.jobId)} data-testid="pin-job">{t('host.jobs.pin')}</Button>
              )}
              <span className="host-job-count" data-testid="host-job-count">{t('host.jobs.count', { count: counts.get(job.jobId) ?? 0 })}</span>
            </div>
          </div>
        );
      })}
    </Card>
  );
}
