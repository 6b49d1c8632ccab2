import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Company } from './api';
import { COMPANIES_NS } from './i18n';

const TYPES = { pending: 'info', verified: 'success', rejected: 'error', suspended: 'warning' } as const;

/** Where the company stands: pending, rejected (with the reason), suspended or verified. */
export function CompanyStatusBanner({ company }: { company: Pick<Company, 'status' | 'reviewReason'> }) {
  const { t } = useTranslation(COMPANIES_NS);
  const reason = company.reviewReason ? t('status.reason', { reason: company.reviewReason }) : undefined;
  return (
    <Alert
      type={TYPES[company.status]}
      showIcon
      title={t(`status.${company.status}Banner`)}
      description={company.status === 'rejected' || company.status === 'suspended' ? reason : undefined}
      data-testid="company-status"
      data-status={company.status}
    />
  );
}
