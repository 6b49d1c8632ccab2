import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import { AccountTypeTag } from '../../components/account-type-tag';
import type { Company } from './api';
import { COMPANIES_NS } from './i18n';

const STATUS_COLORS = { pending: 'processing', verified: 'success', rejected: 'error', suspended: 'warning' } as const;

export function CompanyStatusTag({ status }: { status: Company['status'] }) {
  const { t } = useTranslation(COMPANIES_NS);
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

export function CompanyDetails({ company }: { company: Company }) {
  const { t } = useTranslation(COMPANIES_NS);
  const names = useLocalizedNames(currentLanguage());
  return (
    <Descriptions title={company.name} column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={t('details.status')}><CompanyStatusTag status={company.status} /></Descriptions.Item>
      <Descriptions.Item label={t('details.creditCode')}>{company.creditCode}</Descriptions.Item>
      <Descriptions.Item label={t('details.city')}>{names.city(company.cityCode, company.cityName)}</Descriptions.Item>
      <Descriptions.Item label={t('details.industry')}>{names.industry(company.industryCode, company.industryName)}</Descriptions.Item>
      <Descriptions.Item label={t('details.accountType')}><AccountTypeTag accountType={company.accountType} /></Descriptions.Item>
      {company.hrLicenceNumber ? <Descriptions.Item label={t('details.hrLicence')}>{company.hrLicenceNumber}</Descriptions.Item> : null}
    </Descriptions>
  );
}
