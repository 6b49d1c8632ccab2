import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import type { ApplicationStatus, Handoff } from './api';
import { formatDateTime } from './format';
import { PIPELINE_NS } from './i18n';
import { StatusTag } from './status-tag';

type Lead = { id: number; job: { title: string | null }; companyName: string | null; session: { id: string; title: string | null }; seeker: { name: string; phoneMasked: string | null; cityName: string | null }; status: ApplicationStatus; appliedAt: string; handoffs: Handoff[] };

/** A host's leads across its sessions, with where each one got to (phones masked). */
export default function HostLeadsPage() {
  const { t } = useTranslation(PIPELINE_NS);
  const language = currentLanguage();
  const { data, error, isLoading, reload } = useApi(() => api.get<{ leads: Lead[]; total: number }>('/api/host/leads', { pageSize: 200 }), 'host-leads');
  const columns: ColumnsType<Lead> = [
    { title: t('console.columns.seeker'), key: 'seeker', render: (_value, lead) => <>{lead.seeker.name}<div><Typography.Text type="secondary">{lead.seeker.phoneMasked} · {lead.seeker.cityName}</Typography.Text></div></> },
    { title: t('console.columns.job'), key: 'job', render: (_value, lead) => <>{lead.job.title}<div><Typography.Text type="secondary">{lead.companyName}</Typography.Text></div></> },
    { title: t('console.columns.session'), key: 'session', render: (_value, lead) => lead.session.title },
    { title: t('console.columns.status'), key: 'status', width: 120, render: (_value, lead) => <StatusTag status={lead.status} /> },
    { title: t('console.columns.applied'), key: 'applied', width: 130, render: (_value, lead) => formatDateTime(lead.appliedAt, language) },
  ];
  return (
    <div className="stack" data-testid="host-leads">
      <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>{t('host.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('host.hint')}</Typography.Text>
      {error ? <PageError error={error} onRetry={reload} /> : (
        <Table<Lead> rowKey="id" columns={columns} dataSource={data?.leads ?? []} loading={isLoading} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 800 }} />
      )}
    </div>
  );
}
