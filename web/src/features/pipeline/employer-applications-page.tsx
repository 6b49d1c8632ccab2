import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import { pipelineApi, type ApplicationFilter, type ChangeBody, type EmployerApplication } from './api';
import { ActionDialog } from './action-dialog';
import { ApplicationDrawer } from './application-drawer';
import { ApplicationFilters } from './application-filters';
import { DueChecksPanel } from './due-checks-panel';
import { formatDateTime } from './format';
import { PIPELINE_NS } from './i18n';
import { StatusTag } from './status-tag';

const FILTER_KEYS = ['jobId', 'sessionId', 'status', 'appliedFrom', 'appliedTo'] as const;
const PAGE_SIZE = 50;

/** The employer console: every application to the company's jobs, filters, bulk changes, 7-day checks. */
export default function EmployerApplicationsPage() {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter: ApplicationFilter = Object.fromEntries(FILTER_KEYS.map((key) => [key, searchParams.get(key) ?? undefined]).filter(([, value]) => value));
  const page = Number(searchParams.get('page') ?? '1') || 1;
  const [version, setVersion] = useState(0);
  const { data, error, isLoading, reload } = useApi(() => pipelineApi.listEmployerApplications(filter, page, PAGE_SIZE), `${searchParams.toString()}-${version}`);
  const [selected, setSelected] = useState<number[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [isRejecting, setIsRejecting] = useState(false);
  const refresh = () => setVersion((value) => value + 1);

  const setFilter = (next: ApplicationFilter) => {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) params.set(key, String(next[key]));
    setSearchParams(params);
    setSelected([]);
  };

  const bulk = async (change: ChangeBody) => {
    const result = await pipelineApi.bulk(selected, change);
    message.info(t('console.bulkDone', { ok: result.succeeded, failed: result.failed }));
    setSelected([]);
    refresh();
  };
  const handleBulk = (change: ChangeBody) => bulk(change).catch((caught: Error) => message.error(pickLanguage(caught.message, language)));

  const columns: ColumnsType<EmployerApplication> = [
    {
      title: t('console.columns.seeker'), key: 'seeker',
      render: (_value, item) => (
        <div>
          <a onClick={() => setOpenId(item.id)} data-testid="open-application">{item.seeker.name}</a>
          <div><Typography.Text type="secondary">{item.seeker.phoneMasked ?? '—'} · {item.seeker.cityName ?? ''}</Typography.Text></div>
          {item.isShared ? <Tag color="purple">{t('console.shared')}</Tag> : null}
        </div>
      ),
    },
    { title: t('console.columns.job'), key: 'job', render: (_value, item) => item.job.title },
    { title: t('console.columns.session'), key: 'session', render: (_value, item) => item.session?.title ?? '—' },
    { title: t('console.columns.status'), key: 'status', width: 120, render: (_value, item) => <StatusTag status={item.status} /> },
    { title: t('console.columns.applied'), key: 'applied', width: 130, render: (_value, item) => formatDateTime(item.appliedAt, language) },
    { title: t('console.columns.changed'), key: 'changed', width: 130, render: (_value, item) => formatDateTime(item.statusChangedAt, language) },
    { title: t('console.columns.actions'), key: 'actions', width: 90, render: (_value, item) => <Button size="small" onClick={() => setOpenId(item.id)}>{t('console.open')}</Button> },
  ];

  return (
    <div className="stack" data-testid="employer-applications">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <div>
          <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>{t('console.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('console.subtitle')}</Typography.Text>
        </div>
        <a href={pipelineApi.exportCsvUrl(filter)} download data-testid="export-csv"><Button>{t('console.exportCsv')}</Button></a>
      </div>
      <DueChecksPanel version={version} onChanged={refresh} onOpen={setOpenId} />
      <ApplicationFilters filter={filter} onChange={setFilter} />
      {selected.length > 0 ? (
        <Space wrap data-testid="bulk-bar">
          <Typography.Text>{t('console.selected', { count: selected.length })}</Typography.Text>
          <Button size="small" onClick={() => void handleBulk({ action: 'view' })}>{t('action.view')}</Button>
          <Button size="small" onClick={() => void handleBulk({ action: 'contact' })}>{t('action.contact')}</Button>
          <Button size="small" danger onClick={() => setIsRejecting(true)} data-testid="bulk-reject">{t('action.reject')}</Button>
        </Space>
      ) : null}
      {error ? <PageError error={error} onRetry={reload} /> : (
        <Table<EmployerApplication>
          rowKey="id"
          columns={columns}
          dataSource={data?.applications ?? []}
          loading={isLoading}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (item) => ({ disabled: item.isShared }) }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, hideOnSinglePage: true, showTotal: (total) => t('console.total', { count: total }), onChange: (next) => setSearchParams((params) => { params.set('page', String(next)); return params; }) }}
          locale={{ emptyText: t('console.empty') }}
          scroll={{ x: 900 }}
          data-testid="applications-table"
        />
      )}
      {openId !== null ? <ApplicationDrawer applicationId={openId} onClose={() => setOpenId(null)} onChanged={refresh} /> : null}
      {isRejecting ? <ActionDialog action="reject" onCancel={() => setIsRejecting(false)} onSubmit={async (body) => { await bulk(body); setIsRejecting(false); }} /> : null}
    </div>
  );
}
