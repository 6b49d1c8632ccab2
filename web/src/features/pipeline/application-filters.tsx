import { Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/use-api';
import { listOwnJobs } from '../jobs/api';
import { APPLICATION_STATUSES, type ApplicationFilter } from './api';
import { PIPELINE_NS } from './i18n';

/** Job, session, status and applied-date filters; the values live in the page's URL. */
export function ApplicationFilters({ filter, onChange }: { filter: ApplicationFilter; onChange: (next: ApplicationFilter) => void }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { data } = useApi(listOwnJobs, 'own-jobs');
  const set = (patch: Partial<ApplicationFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="filter-bar">
      <div className="filter-row">
        <Select allowClear placeholder={t('console.filters.job')} value={filter.jobId} onChange={(jobId?: string) => set({ jobId })} options={(data?.jobs ?? []).map((job) => ({ value: job.id, label: job.title }))} data-testid="filter-job" />
        <Select allowClear placeholder={t('console.filters.status')} value={filter.status} onChange={(status?: ApplicationFilter['status']) => set({ status })} options={APPLICATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} data-testid="filter-status" />
        <Input allowClear placeholder={t('console.filters.session')} value={filter.sessionId ?? ''} onChange={(event) => set({ sessionId: event.target.value.trim() || undefined })} style={{ flex: '1 1 150px' }} />
        <Input type="date" value={filter.appliedFrom ?? ''} onChange={(event) => set({ appliedFrom: event.target.value || undefined })} style={{ flex: '0 1 150px' }} aria-label={`${t('console.filters.applied')} ≥`} />
        <Input type="date" value={filter.appliedTo ?? ''} onChange={(event) => set({ appliedTo: event.target.value || undefined })} style={{ flex: '0 1 150px' }} aria-label={`${t('console.filters.applied')} ≤`} />
        <Button onClick={() => onChange({})}>{t('console.filters.reset')}</Button>
      </div>
    </div>
  );
}
