import { App, Badge, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import { pipelineApi, type ConversationEvidence, type Report } from './api';
import { formatDateTime } from './format';
import { CONSENTS_NS } from './consents-i18n';
import { PIPELINE_NS } from './i18n';
import { ResolveReportDialog } from './resolve-report-dialog';

const STATUSES: Report['status'][] = ['open', 'resolved', 'dismissed'];

/** What was reported, with links: the job, the session (its room or replay), the company's and the host's pages. */
function ReportTarget({ report }: { report: Report }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { t: tEvidence } = useTranslation(CONSENTS_NS);
  const companyLink = report.companyId ? <Link to={`/companies/${report.companyId}`}>{report.companyName}</Link> : null;
  const hostLink = report.hostUserId ? <Link to={`/hosts/${report.hostUserId}`}>{report.hostName}</Link> : null;
  return (
    <div data-testid="report-target" data-target-kind={report.targetKind}>
      <Tag>{report.targetKind === 'conversation' ? tEvidence('evidence.conversation') : t(`queue.${report.targetKind}`)}</Tag>
      {report.jobId ? <Link to={`/jobs/${report.jobId}`}>{report.jobTitle}</Link> : null}
      {report.sessionId ? <Link to={`/live/${report.sessionId}`} data-testid="report-session-link">{report.sessionTitle}</Link> : null}
      {report.targetKind === 'company' ? companyLink : null}
      {report.targetKind === 'conversation' ? <>{report.evidence?.job.title ?? report.jobTitle} · {report.evidence?.companyName ?? report.companyName}{report.evidence?.hostName ? ` · ${report.evidence.hostName}` : ''}</> : null}
      <div>
        {report.targetKind === 'job' ? companyLink : null}
        {report.targetKind === 'session' ? hostLink : null}
        {report.isHostBanned ? <Tag color="red" style={{ marginLeft: 6 }}>{t('queue.banned')}</Tag> : null}
        {report.companyStatus === 'suspended' ? <Tag color="red" style={{ marginLeft: 6 }}>suspended</Tag> : null}
      </div>
    </div>
  );
}

const REPORTED_BY: Record<string, string> = { seeker: 'evidence.reportedBySeeker', employer: 'evidence.reportedByEmployer', host: 'evidence.reportedByHost' };

/** A reported conversation's messages as evidence, oldest first, as plain text (links are not followed here). */
function ConversationMessages({ evidence }: { evidence: ConversationEvidence }) {
  const { t } = useTranslation(CONSENTS_NS);
  const language = currentLanguage();
  return (
    <div data-testid="report-evidence">
      <Typography.Text strong>{t('evidence.title')}</Typography.Text>
      {REPORTED_BY[evidence.reportedBy] ? <Tag style={{ marginLeft: 8 }}>{t(REPORTED_BY[evidence.reportedBy])}</Tag> : null}
      {evidence.messages.length === 0 ? <div><Typography.Text type="secondary">{t('evidence.empty')}</Typography.Text></div> : (
        <ol style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
          {evidence.messages.map((item) => (
            <li key={item.id} data-testid="report-evidence-message" style={{ marginBottom: 6 }}>
              <Typography.Text type="secondary">{formatDateTime(item.sentAt, language)} · {item.senderName ?? item.senderRole}（{item.senderRole}）：</Typography.Text>
              <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{item.body}</Typography.Text>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

const hasEvidence = (report: Report) => report.targetKind === 'conversation' && !!report.evidence && Array.isArray(report.evidence.messages);

/** The admin queue of reports about jobs, sessions, companies and conversations (with their messages). */
export default function ReportsQueuePage() {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(searchParams.get('status') ?? '') ? (searchParams.get('status') as Report['status']) : 'open';
  const { data, error, isLoading, reload } = useApi(() => pipelineApi.listReports(status), status);
  const [acting, setActing] = useState<{ report: Report; decision: 'resolve' | 'dismiss' } | null>(null);

  const columns: ColumnsType<Report> = [
    {
      title: t('queue.target'), key: 'target',
      render: (_value, report) => <ReportTarget report={report} />,
    },
    { title: t('queue.reason'), key: 'reason', width: 130, render: (_value, report) => <Tag color={report.reason === 'fee_request' ? 'red' : 'orange'}>{t(`report.reasons.${report.reason}`)}</Tag> },
    {
      title: t('queue.details'), dataIndex: 'details',
      render: (value: string, report) => (
        <>
          {value || (report.reporterName === null ? <Typography.Text type="secondary">{t('queue.textErased')}</Typography.Text> : null)}
          {report.resolution ? <div><Typography.Text type="secondary">→ {report.resolution}</Typography.Text></div> : null}
          {hasEvidence(report) ? <ConversationMessages evidence={report.evidence!} /> : null}
        </>
      ),
    },
    { title: t('queue.count'), key: 'count', width: 110, render: (_value, report) => <Badge count={report.openReportsOnTarget} showZero color={report.openReportsOnTarget > 1 ? 'red' : 'gray'} /> },
    { title: t('queue.reporter'), dataIndex: 'reporterName', width: 110, render: (value: string | null) => value ?? <Typography.Text type="secondary">{t('queue.reporterDeleted')}</Typography.Text> },
    { title: t('queue.createdAt'), key: 'createdAt', width: 120, render: (_value, report) => formatDateTime(report.createdAt, language) },
    ...(status === 'open' ? [{
      title: t('queue.actions'), key: 'actions', width: 160,
      render: (_value: unknown, report: Report) => (
        <Space>
          <Button size="small" type="primary" danger onClick={() => setActing({ report, decision: 'resolve' })} data-testid="report-resolve">{t('queue.resolve')}</Button>
          <Button size="small" onClick={() => setActing({ report, decision: 'dismiss' })} data-testid="report-dismiss">{t('queue.dismiss')}</Button>
        </Space>
      ),
    }] : []),
  ];

  return (
    <div className="stack" data-testid="reports-queue">
      <Typography.Title level={3} className="page-title">{t('queue.title')}</Typography.Title>
      <Tabs activeKey={status} onChange={(key) => setSearchParams({ status: key })} items={STATUSES.map((key) => ({ key, label: t(`queue.tabs.${key}`) }))} />
      {error ? <PageError error={error} onRetry={reload} /> : (
        <Table<Report> rowKey="id" columns={columns} dataSource={data?.reports ?? []} loading={isLoading} locale={{ emptyText: t('queue.empty') }} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 1000 }} data-testid="reports-table" />
      )}
      {acting ? (
        <ResolveReportDialog report={acting.report} decision={acting.decision} onCancel={() => setActing(null)} onSubmit={async (values) => {
          try {
            await pipelineApi.resolveReport(acting.report.id, { decision: acting.decision, ...values });
            message.success(t('queue.done'));
            setActing(null);
            reload();
          } catch (caught) {
            message.error(pickLanguage((caught as Error).message, language));
          }
        }} />
      ) : null}
    </div>
  );
}
