import { Alert, App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import type { AccountType } from '../../app/types';
import { useApi } from '../../app/use-api';
import { CatalogueSelect } from '../../components/catalogue-select';
import { CitySelect } from '../../components/city-select';
import { PageError, PageLoading } from '../../components/page-states';
import { applyServerErrors } from '../../components/server-form-errors';
import { getOwnCompany, registerCompany, resubmitCompany, type Company, type RegisterCompanyInput } from './api';
import { CompanyStatusBanner } from './company-status-banner';
import { COMPANIES_NS } from './i18n';

type Values = { name: string; creditCode: string; cityCode?: string; industryCode?: string; accountType: AccountType; hrLicenceNumber?: string };
const FIELD_NAMES = ['name', 'creditCode', 'cityCode', 'industryCode', 'accountType', 'hrLicenceNumber'] as const;
const ACCOUNT_TYPES: AccountType[] = ['direct', 'agency', 'dispatch', 'public'];
const needsHrLicence = (accountType: AccountType | undefined) => accountType === 'agency' || accountType === 'dispatch';

const formValuesOf = (company: Company): Values => ({
  name: company.name,
  creditCode: company.creditCode,
  cityCode: company.cityCode,
  industryCode: company.industryCode,
  accountType: company.accountType,
  hrLicenceNumber: company.hrLicenceNumber ?? undefined,
});

export default function RegisterCompanyPage() {
  const { t } = useTranslation(COMPANIES_NS);
  const { t: tCommon } = useTranslation();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const accountType = Form.useWatch('accountType', form);
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const { data, error, isLoading, reload } = useApi(getOwnCompany, 'own-company');

  if (isLoading && !data) return <PageLoading />;
  if (error) return <PageError error={error} onRetry={reload} />;
  // A rejected registration is corrected here and sent again; any other company has nothing to fill in.
  const rejected = data?.company?.status === 'rejected' ? data.company : null;
  if (data?.company && !rejected) return <Navigate to="/employer" replace />;

  const handleFinish = async (values: Values) => {
    setIsSubmitting(true);
    setFailure(null);
    const input: RegisterCompanyInput = {
      name: values.name.trim(),
      creditCode: values.creditCode.trim().toUpperCase(),
      cityCode: values.cityCode ?? '',
      industryCode: values.industryCode ?? '',
      accountType: values.accountType,
      hrLicenceNumber: needsHrLicence(values.accountType) ? values.hrLicenceNumber?.trim() || undefined : undefined,
    };
    try {
      await (rejected ? resubmitCompany(input) : registerCompany(input));
      await refresh();
      message.success(t('form.submitted'));
      navigate('/employer');
    } catch (caught) {
      setFailure(applyServerErrors(form, caught, FIELD_NAMES));
    } finally {
      setIsSubmitting(false);
    }
  };

  const required = { required: true, message: t('form.required') };
  return (
    <Card title={t(rejected ? 'form.correctTitle' : 'form.title')} className="form-card" style={{ margin: '0 auto' }}>
      {rejected ? <CompanyStatusBanner company={rejected} /> : null}
      <Typography.Paragraph type="secondary" style={rejected ? { marginTop: 16 } : undefined}>{t(rejected ? 'form.correctIntro' : 'form.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={handleFinish} initialValues={rejected ? formValuesOf(rejected) : { accountType: 'direct' }} data-testid="company-form">
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="company-form-error" /> : null}
        <Form.Item name="name" label={t('form.name')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={100} placeholder={t('form.namePlaceholder')} data-testid="company-name" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('form.creditCode')} extra={t('form.creditCodeHint')} rules={[required, { len: 18, message: t('form.creditCodeLength') }]}>
          <Input maxLength={18} style={{ textTransform: 'uppercase', fontFamily: 'monospace' }} data-testid="company-credit-code" />
        </Form.Item>
        <div className="form-grid">
          <Form.Item name="cityCode" label={t('form.city')} rules={[required]}>
            <CitySelect testId="company-city" placeholder={tCommon('common.searchCity')} />
          </Form.Item>
          <Form.Item name="industryCode" label={t('form.industry')} rules={[required]}>
            <CatalogueSelect catalogue="industries" testId="company-industry" />
          </Form.Item>
        </div>
        <Form.Item name="accountType" label={t('form.accountType')} rules={[required]}>
          <Radio.Group data-testid="company-account-type">
            <Space orientation="vertical">
              {ACCOUNT_TYPES.map((type) => (
                <Radio key={type} value={type} data-testid={`account-type-${type}`}>
                  {tCommon(`accountType.${type}`)} <Typography.Text type="secondary">— {t(`form.accountTypeHint.${type}`)}</Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {needsHrLicence(accountType) ? (
          <Form.Item name="hrLicenceNumber" label={t('form.hrLicence')} extra={t('form.hrLicenceHint')} rules={[required, { min: 4, message: t('form.hrLicenceHint') }]}>
            <Input maxLength={60} data-testid="company-hr-licence" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="company-submit">{t(rejected ? 'form.resubmit' : 'form.submit')}</Button>
      </Form>
    </Card>
  );
}
