import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { useLocalizedNames } from '../../../app/reference';
import { useApi } from '../../../app/use-api';
import { PageError } from '../../../components/page-states';
import { listOwnJobs, setJobStatus } from '../api';
import { formatPay } from '../pay';
import type { Job } from '../types';
import { EMPLOYER_JOBS_NS } from './i18n';
import { localIsoDate } from './job-form-values';

/** The company's jobs, open and closed, with open/close and edit. */
export default function MyJobsPage() {
  const { t } = useTranslation(EMPLOYER_JOBS_NS);
  const { message } = App.useApp();
  const { data, error, isLoading, reload } = useApi(listOwnJobs, 'own-jobs');
  const [busyJobId, setBusyJobId] = useState<string | null>(null);
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const today = localIsoDate(new Date());

  const handleStatus = async (job: Job, status: 'open' | 'closed') => {
    setBusyJobId(job.id);
    try {
      await setJobStatus(job.id, status);
      message.success(t('table.statusChanged'));
      reload();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    } finally {
      setBusyJobId(null);
    }
  };

  const columns: ColumnsType<Job> = [
    { title: t('table.job'), dataIndex: 'title', render: (_value, job) => <Link to={`/jobs/${job.id}`}>{job.title}</Link> },
    { title: t('table.city'), key: 'city', width: 110, render: (_value, job) => names.city(job.cityCode, job.cityName) },
    { title: t('table.pay'), key: 'pay', render: (_value, job) => { const pay = formatPay(job, language); return <>{pay.headline}{pay.secondary ? <div><Typography.Text type="secondary">{pay.secondary}</Typography.Text></div> : null}</>; } },
    { title: t('table.headcount'), dataIndex: 'headcount', width: 80 },
    { title: t('table.validity'), key: 'validity', render: (_value, job) => `${job.validFrom} ~ ${job.validUntil}` },
    {
      title: t('table.status'),
      key: 'status',
      width: 100,
      render: (_value, job) => {
        if (job.status === 'closed') return <Tag>{t('table.closed')}</Tag>;
        if (job.validUntil < today) return <Tag color="warning">{t('table.expired')}</Tag>;
        // Seekers see a job from its first valid day on.
        if (job.validFrom > today) return <Tag color="processing">{t('table.notYetValid')}</Tag>;
        return <Tag color="success" data-testid="job-status-open">{t('table.open')}</Tag>;
      },
    },
    {
      title: t('table.actions'),
      key: 'actions',
      width: 170,
      render: (_value, job) => (
        <Space>
          <Link to={`/employer/jobs/${job.id}/edit`}>{t('table.edit')}</Link>
          {job.status === 'open' ? (
            <Popconfirm title={t('table.closeConfirm')} onConfirm={() => handleStatus(job, 'closed')}>
              <Button size="small" danger loading={busyJobId === job.id} data-testid="job-close">{t('table.close')}</Button>
            </Popconfirm>
          ) : (
            <Button size="small" loading={busyJobId === job.id} onClick={() => void handleStatus(job, 'open')} data-testid="job-reopen">{t('table.reopen')}</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="stack">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>{t('table.title')}</Typography.Title>
        <Link to="/employer/jobs/new"><Button type="primary" data-testid="post-job-button">{t('table.post')}</Button></Link>
      </div>
      {error ? <PageError error={error} onRetry={reload} /> : (
        <Table<Job> rowKey="id" columns={columns} dataSource={data?.jobs ?? []} loading={isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('table.empty') }} scroll={{ x: 900 }} data-testid="my-jobs-table" />
      )}
    </div>
  );
}
