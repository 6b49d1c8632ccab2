import { Card, Input, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import { pipelineApi, type Funnel, type OutcomeGroupBy, type OutcomeRow } from './api';
import { formatDateTime, formatHours, formatPercent } from './format';
import { FunnelComparisonChart } from './funnel-chart';
import { PIPELINE_NS } from './i18n';

const GROUPS: OutcomeGroupBy[] = ['company', 'host', 'session', 'category', 'campaign'];

/** Outcomes per company, host, session, category or campaign, and the session funnels compared (scoped to the user). */
export default function OutcomesPage() {
  const { t } = useTranslation(PIPELINE_NS);
  const language = currentLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const groupBy = (GROUPS as string[]).includes(searchParams.get('groupBy') ?? '') ? (searchParams.get('groupBy') as OutcomeGroupBy) : 'company';
  const from = searchParams.get('from') ?? undefined;
  const to = searchParams.get('to') ?? undefined;
  const outcomes = useApi(() => pipelineApi.listOutcomes(groupBy, from, to), `${groupBy}-${from}-${to}`);
  const funnels = useApi(() => pipelineApi.compareFunnels(from, to), `funnels-${from}-${to}`);
  const setParam = (key: string, value: string | undefined) => setSearchParams((params) => {
    if (value) params.set(key, value); else params.delete(key);
    return params;
  });
  const hours = (value: number | null) => (value === null ? '—' : t('outcomes.hours', { value: formatHours(value) }));

  const columns: ColumnsType<OutcomeRow> = [
    { title: t('outcomes.columns.name'), key: 'name', render: (_value, row) => (groupBy === 'campaign' ? <Link to={`/campaigns/${row.key}`}>{row.label ?? row.key}</Link> : row.label ?? row.key) },
    { title: t('outcomes.columns.applications'), dataIndex: 'applications', width: 80 },
    { title: t('outcomes.columns.interviews'), dataIndex: 'interviews', width: 80 },
    { title: t('outcomes.columns.hires'), dataIndex: 'hires', width: 80 },
    { title: t('outcomes.columns.onboarded'), dataIndex: 'onboarded', width: 80 },
    { title: t('outcomes.columns.stayed'), dataIndex: 'stayed7Days', width: 90 },
    { title: t('outcomes.columns.left'), dataIndex: 'leftWithin7Days', width: 100 },
    { title: t('outcomes.columns.attrition'), key: 'attrition', width: 110, render: (_value, row) => <Typography.Text strong data-testid="attrition">{formatPercent(row.sevenDayAttrition)}</Typography.Text> },
    { title: t('outcomes.columns.pending'), dataIndex: 'pendingChecks', width: 90 },
    { title: t('outcomes.columns.firstContact'), key: 'firstContact', width: 150, render: (_value, row) => hours(row.medianHoursToFirstContact) },
    { title: t('outcomes.columns.toHire'), key: 'toHire', width: 150, render: (_value, row) => hours(row.medianHoursToHire) },
  ];
  const funnelColumns: ColumnsType<Funnel> = [
    { title: t('outcomes.columns.name'), key: 'title', render: (_value, funnel) => <><Link to={`/outcomes/sessions/${funnel.sessionId}`} data-testid="funnel-link">{funnel.title}</Link><div><Typography.Text type="secondary">{formatDateTime(funnel.startsAt, language)} · {funnel.hostName}</Typography.Text></div></> },
    ...(funnels.data?.sessions[0]?.steps ?? []).map((step, index) => ({ title: language === 'en' ? step.en : step.zh, key: step.key, width: 90, render: (_value: unknown, funnel: Funnel) => funnel.steps[index].value })),
    { title: t('outcomes.columns.attrition'), key: 'attrition', width: 100, render: (_value, funnel) => formatPercent(funnel.rates.sevenDayAttrition) },
  ];

  return (
    <div className="stack" data-testid="outcomes-page">
      <Typography.Title level={3} className="page-title">{t('outcomes.title')}</Typography.Title>
      <Space wrap>
        <Segmented value={groupBy} onChange={(value) => setParam('groupBy', String(value))} options={GROUPS.map((key) => ({ value: key, label: t(`outcomes.groupBy.${key}`) }))} />
        <Typography.Text type="secondary">{t('outcomes.window')}</Typography.Text>
        <Input type="date" value={from ?? outcomes.data?.window.from ?? ''} onChange={(event) => setParam('from', event.target.value || undefined)} style={{ width: 150 }} />
        <Input type="date" value={to ?? outcomes.data?.window.to ?? ''} onChange={(event) => setParam('to', event.target.value || undefined)} style={{ width: 150 }} />
      </Space>
      {outcomes.error ? <PageError error={outcomes.error} onRetry={outcomes.reload} /> : (
        <Table<OutcomeRow> rowKey="key" columns={columns} dataSource={outcomes.data?.rows ?? []} loading={outcomes.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 1200 }} size="small" data-testid="outcomes-table" />
      )}
      <Card title={t('outcomes.funnelTitle')} size="small">
        {funnels.error ? <PageError error={funnels.error} onRetry={funnels.reload} /> : (funnels.data?.sessions.length ?? 0) === 0 ? (
          <Typography.Text type="secondary">{t('outcomes.funnelEmpty')}</Typography.Text>
        ) : (
          <div className="stack">
            <FunnelComparisonChart sessions={funnels.data!.sessions.slice(0, 8)} language={language} />
            <Table<Funnel> rowKey="sessionId" columns={funnelColumns} dataSource={funnels.data!.sessions} pagination={{ pageSize: 10, hideOnSinglePage: true }} size="small" scroll={{ x: 900 }} data-testid="funnels-table" />
          </div>
        )}
      </Card>
    </div>
  );
}
