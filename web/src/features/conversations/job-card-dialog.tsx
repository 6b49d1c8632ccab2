import { Alert, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { listOwnJobs } from '../jobs/api';
import { CONVERSATIONS_NS } from './i18n';

/** Picks one of the company's open jobs to send as a card (发岗位). */
export function JobCardDialog({ defaultJobId, onCancel, onSubmit }: { defaultJobId: string; onCancel: () => void; onSubmit: (jobId: string) => Promise<void> }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { data } = useApi(listOwnJobs, 'own-jobs');
  const [jobId, setJobId] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const openJobs = (data?.jobs ?? []).filter((job) => job.status === 'open');
  const chosen = jobId ?? (openJobs.some((job) => job.id === defaultJobId) ? defaultJobId : openJobs[0]?.id ?? null);

  const handleOk = async () => {
    if (!chosen) return;
    setIsBusy(true);
    setProblem(null);
    try {
      await onSubmit(chosen);
    } catch (caught) {
      setProblem(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal open title={t('inbox.sendJobCard')} onCancel={onCancel} onOk={() => void handleOk()} confirmLoading={isBusy} okButtonProps={{ disabled: !chosen, 'data-testid': 'job-card-send' } as ButtonProps}
      okText={t('inbox.confirm')} cancelText={t('inbox.cancel')} destroyOnHidden>
      <p>{t('inbox.chooseJob')}</p>
      <Select style={{ width: '100%' }} value={chosen ?? undefined} onChange={setJobId} loading={!data} data-testid="job-card-job"
        options={openJobs.map((job) => ({ value: job.id, label: job.title }))} />
      {problem ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={problem} /> : null}
    </Modal>
  );
}
