import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { applyServerErrors } from '../../components/server-form-errors';
import { campaignsApi, type CampaignDetail, type CampaignSummary } from './api';
import { CAMPAIGNS_NS } from './i18n';

type Values = { name: string; description?: string; startsOn: string; endsOn: string; provinceCode?: string | null; cityCode?: string | null };
const FIELD_NAMES = ['name', 'description', 'startsOn', 'endsOn', 'provinceCode', 'cityCode'] as const;

/** Create or edit a campaign: name, description, period (China dates) and an optional region. */
export function CampaignForm({ campaign, onSaved }: { campaign?: CampaignSummary; onSaved: (detail: CampaignDetail) => void }) {
  const { t } = useTranslation(CAMPAIGNS_NS);
  const { message } = App.useApp();
  const { user } = useAuth();
  const { reference } = useReference();
  const language = currentLanguage();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  // A bureau's campaigns stay in its province: the field is fixed (the server checks it too).
  const ownProvince = user?.role === 'bureau' ? user.provinceCode : null;
  const provinceCode = Form.useWatch('provinceCode', form);

  const provinceOptions = useMemo(() => (reference?.provinces ?? []).map((province) => ({
    value: province.code, label: language === 'en' ? province.nameEn : province.name,
  })), [reference, language]);
  const cityOptions = useMemo(() => (reference?.cities ?? [])
    .filter((city) => city.provinceCode === provinceCode)
    .map((city) => ({ value: city.code, label: language === 'en' ? city.nameEn : city.name })), [reference, language, provinceCode]);

  const initialValues: Partial<Values> = campaign
    ? { name: campaign.name, description: campaign.description, startsOn: campaign.startsOn, endsOn: campaign.endsOn, provinceCode: campaign.provinceCode, cityCode: campaign.cityCode }
    : { provinceCode: ownProvince };

  const handleFinish = async (values: Values) => {
    setIsSubmitting(true);
    setFailure(null);
    const input = {
      name: values.name.trim(),
      description: values.description?.trim() ?? '',
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      provinceCode: values.provinceCode || null,
      cityCode: values.cityCode || null,
    };
    try {
      const detail = campaign ? await campaignsApi.update(campaign.id, input) : await campaignsApi.create(input);
      message.success(campaign ? t('form.saved') : t('form.created'));
      onSaved(detail);
    } catch (error) {
      setFailure(applyServerErrors(form, error, FIELD_NAMES));
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={initialValues} onFinish={handleFinish} data-testid="campaign-form">
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, min: 2, message: t('form.required') }]}>
        <Input maxLength={60} showCount placeholder={t('form.namePlaceholder')} data-testid="campaign-name" />
      </Form.Item>
      <div className="form-grid">
        <Form.Item name="startsOn" label={t('form.startsOn')} rules={[{ required: true, message: t('form.required') }]}>
          <Input type="date" data-testid="campaign-starts-on" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('form.endsOn')}
          dependencies={['startsOn']}
          rules={[
            { required: true, message: t('form.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => (!value || !getFieldValue('startsOn') || value >= getFieldValue('startsOn') ? Promise.resolve() : Promise.reject(new Error(t('form.endBeforeStart')))),
            }),
          ]}
        >
          <Input type="date" data-testid="campaign-ends-on" />
        </Form.Item>
        <Form.Item name="provinceCode" label={t('form.province')} extra={ownProvince ? t('form.provinceHint') : undefined}>
          <Select
            options={provinceOptions}
            allowClear={!ownProvince}
            disabled={Boolean(ownProvince)}
            placeholder={t('national')}
            showSearch={{ filterOption: (search, option) => String(option?.label ?? '').toLowerCase().includes(search.toLowerCase()) }}
            onChange={() => form.setFieldValue('cityCode', null)}
            data-testid="campaign-province"
          />
        </Form.Item>
        <Form.Item name="cityCode" label={t('form.city')}>
          <Select
            options={cityOptions}
            allowClear
            disabled={!provinceCode}
            showSearch={{ filterOption: (search, option) => String(option?.label ?? '').toLowerCase().includes(search.toLowerCase()) }}
            data-testid="campaign-city"
          />
        </Form.Item>
      </div>
      <Form.Item name="description" label={t('form.description')}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('form.descriptionPlaceholder')} data-testid="campaign-description" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={isSubmitting} data-testid="campaign-submit">
        {t('form.submit')}
      </Button>
    </Form>
  );
}
