import { App, Button, Popconfirm, Space, Table, Tabs, Typography, type ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { AccountTypeTag } from '../../components/account-type-tag';
import { PageError } from '../../components/page-states';
import { SyntheticNotice, SyntheticTag } from '../../components/synthetic-notice';
import type { Company, CompanyStatus } from '../companies/api';
import { listCompaniesByStatus, reviewCompany, type ReviewDecision } from './api';
import { ADMIN_NS } from './i18n';
import { ReviewReasonDialog } from './review-reason-dialog';

const STATUSES: CompanyStatus[] = ['pending', 'verified', 'rejected', 'suspended'];
type PendingReason = { company: Company; decision: 'reject' | 'suspend' };

/** The verification queue: companies by status, with verify / reject / suspend. */
export default function CompaniesQueuePage() {
  const { t } = useTranslation(ADMIN_NS);
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(searchParams.get('status') ?? '') ? (searchParams.get('status') as CompanyStatus) : 'pending';
  const { data, error, isLoading, reload } = useApi(() => listCompaniesByStatus(status), status);
  const [reasonFor, setReasonFor] = useState<PendingReason | null>(null);
  const [busyCompanyId, setBusyCompanyId] = useState<string | null>(null);
  const language = currentLanguage();
  const names = useLocalizedNames(language);

  const handleReview = async (company: Company, decision: ReviewDecision) => {
    setBusyCompanyId(company.id);
    try {
      await reviewCompany(company.id, decision);
      message.success(t('queue.done'));
      setReasonFor(null);
      reload();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    } finally {
      setBusyCompanyId(null);
    }
  };

  const actions = (company: Company) => {
    const isBusy = busyCompanyId === company.id;
    const verifyLabel = company.status === 'pending' ? t('queue.verify') : t('queue.reinstate');
    return (
      <Space wrap>
        {company.status !== 'verified' ? (
          <Popconfirm title={t('queue.verifyConfirm')} onConfirm={() => handleReview(company, { decision: 'verify' })} okButtonProps={{ 'data-testid': 'verify-confirm' } as ButtonProps & { 'data-testid': string }}>
            <Button size="small" type="primary" loading={isBusy} data-testid="verify-company">{verifyLabel}</Button>
          </Popconfirm>
        ) : null}
        {company.status === 'pending' ? (
          <Button size="small" danger onClick={() => setReasonFor({ company, decision: 'reject' })} data-testid="reject-company">{t('queue.reject')}</Button>
        ) : null}
        {company.status === 'verified' ? (
          <Button size="small" onClick={() => setReasonFor({ company, decision: 'suspend' })} data-testid="suspend-company">{t('queue.suspend')}</Button>
        ) : null}
      </Space>
    );
  };

  const columns: ColumnsType<Company> = [
    { title: t('queue.name'), dataIndex: 'name', render: (_value, company) => <Space size={4} wrap>{company.name}<SyntheticTag isSynthetic={company.isSynthetic} /></Space> },
    { title: t('queue.creditCode'), dataIndex: 'creditCode', width: 230, render: (value: string) => <Typography.Text code copyable style={{ whiteSpace: 'nowrap' }}>{value}</Typography.Text> },
    { title: t('queue.city'), key: 'city', width: 90, render: (_value, company) => names.city(company.cityCode, company.cityName) },
    { title: t('queue.industry'), key: 'industry', width: 150, render: (_value, company) => names.industry(company.industryCode, company.industryName) },
    { title: t('queue.accountType'), key: 'accountType', width: 110, render: (_value, company) => <AccountTypeTag accountType={company.accountType} /> },
    { title: t('queue.hrLicence'), dataIndex: 'hrLicenceNumber', render: (value: string | null) => value ?? '—' },
    { title: t('queue.registeredAt'), dataIndex: 'createdAt', width: 120, render: (value: string) => new Date(value).toLocaleDateString() },
    ...(status === 'rejected' || status === 'suspended' ? [{ title: t('queue.reason'), dataIndex: 'reviewReason' } as const] : []),
    { title: t('queue.actions'), key: 'actions', width: 200, render: (_value, company) => actions(company) },
  ];

  return (
    <div className="stack">
      <Typography.Title level={3} className="page-title">{t('queue.title')}</Typography.Title>
      <Tabs activeKey={status} onChange={(key) => setSearchParams({ status: key })} items={STATUSES.map((key) => ({ key, label: t(`queue.tabs.${key}`) }))} />
      <SyntheticNotice isShown={(data?.companies ?? []).some((company) => company.isSynthetic)} />
      {error ? <PageError error={error} onRetry={reload} /> : (
        <Table<Company> rowKey="id" columns={columns} dataSource={data?.companies ?? []} loading={isLoading} locale={{ emptyText: t('queue.empty') }} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 1000 }} data-testid="companies-table" />
      )}
      {reasonFor ? (
        <ReviewReasonDialog
          isOpen
          decision={reasonFor.decision}
          companyName={reasonFor.company.name}
          isSubmitting={busyCompanyId === reasonFor.company.id}
          onCancel={() => setReasonFor(null)}
          onConfirm={(reason) => void handleReview(reasonFor.company, { decision: reasonFor.decision, reason })}
        />
      ) : null}
    </div>
  );
}
