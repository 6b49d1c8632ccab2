import { Drawer, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionJob } from '../../../../contracts/live';
import { LIVE_NS } from './i18n';
import { SessionJobRow } from './session-job';
import type { ApplyController } from './use-apply';

type Props = { isOpen: boolean; onClose: () => void; jobs: SessionJob[]; pinnedJobId: string | null; apply: ApplyController };

/** Every job of the session, the presented one first; each can be applied to. */
export function JobsDrawer({ isOpen, onClose, jobs, pinnedJobId, apply }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const ordered = [...jobs].sort((a, b) => Number(b.jobId === pinnedJobId) - Number(a.jobId === pinnedJobId) || a.position - b.position);
  return (
    <Drawer open={isOpen} onClose={onClose} placement="bottom" size="70%" title={t('room.jobsTitle', { count: jobs.length })} className="jobs-drawer">
      {jobs.length === 0 ? <Empty description={t('room.noJobs')} /> : null}
      <ul className="session-job-list" data-testid="jobs-drawer">
        {ordered.map((job) => (
          <SessionJobRow
            key={job.jobId}
            job={job}
            isPinned={job.jobId === pinnedJobId}
            isApplied={apply.appliedJobIds.has(job.jobId)}
            isBusy={apply.busyJobId === job.jobId}
            onApply={apply.startApply}
          />
        ))}
      </ul>
    </Drawer>
  );
}
