import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/server-form-errors';
import { OCCUPATION_GROUP_KEYS, occupationsApi, OCCUPATIONS_NS, type Occupation } from './occupation-fields';
import type { OccupationInput } from './occupations-api';

const FIELDS = ['name', 'groupKey', 'classificationCode', 'announcementBatch', 'source'] as const;
const CODE = /^\d-\d{2}-\d{2}-\d{2}$/;

type Values = { name: string; groupKey?: Occupation['groupKey']; classificationCode?: string; announcementBatch?: string; source: string };

const emptyToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Adds an entry (occupation undefined) or corrects one; the server's field problems come back on their fields. */
export function OccupationForm({ occupation, onSaved, onCancel }: { occupation?: Occupation; onSaved: (occupation: Occupation) => void; onCancel: () => void }) {
  const { t } = useTranslation(OCCUPATIONS_NS);
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const initialValues: Values = {
    name: occupation?.name ?? '',
    groupKey: occupation?.groupKey,
    classificationCode: occupation?.classificationCode ?? '',
    announcementBatch: occupation?.announcementBatch ?? '',
    source: occupation?.source ?? '',
  };

  const handleFinish = async (values: Values) => {
    const input: OccupationInput = {
      name: values.name.trim(),
      groupKey: values.groupKey!,
      classificationCode: emptyToNull(values.classificationCode),
      announcementBatch: emptyToNull(values.announcementBatch),
      source: values.source.trim(),
    };
    setIsSaving(true);
    setProblem(null);
    try {
      onSaved(occupation ? await occupationsApi.update(occupation.id, input) : await occupationsApi.create(input));
    } catch (error) {
      setProblem(applyServerErrors(form, error, FIELDS));
    } finally {
      setIsSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('catalogue.required', { field }) });
  const codeRule = { pattern: CODE, message: t('catalogue.codeFormat') };
  const sourceNamesCodeRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: string | undefined) => {
      const code = String(getFieldValue('classificationCode') ?? '').trim();
      return code && CODE.test(code) && !(value ?? '').includes(code) ? Promise.reject(new Error(t('catalogue.codeNeedsSource'))) : Promise.resolve();
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={handleFinish} data-testid="occupation-form">
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="occupation-form-error" /> : null}
      <Form.Item name="name" label={t('catalogue.name')} rules={[required(t('catalogue.name')), { min: 2, max: 40, message: t('catalogue.nameLength') }]}>
        <Input maxLength={40} data-testid="occupation-name" />
      </Form.Item>
      <Form.Item name="groupKey" label={t('catalogue.group')} rules={[{ required: true, message: t('catalogue.chooseGroup') }]}>
        <Select data-testid="occupation-group" options={OCCUPATION_GROUP_KEYS.map((groupKey) => ({ value: groupKey, label: t(`groups.${groupKey}`) }))} />
      </Form.Item>
      <Form.Item name="classificationCode" label={t('catalogue.code')} rules={[codeRule]}>
        <Input placeholder={t('catalogue.codePlaceholder')} maxLength={10} data-testid="occupation-code" />
      </Form.Item>
      <Form.Item name="announcementBatch" label={t('catalogue.batch')} rules={[{ min: 2, max: 80, message: t('catalogue.batchLength') }]}>
        <Input placeholder={t('catalogue.batchPlaceholder')} maxLength={80} data-testid="occupation-batch" />
      </Form.Item>
      <Form.Item name="source" label={t('catalogue.source')} dependencies={['classificationCode']} rules={[required(t('catalogue.source')), { min: 2, max: 500, message: t('catalogue.sourceLength') }, sourceNamesCodeRule]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} placeholder={t('catalogue.sourcePlaceholder')} data-testid="occupation-source" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="occupation-save">{t('catalogue.save')}</Button>
        <Button onClick={onCancel}>{t('catalogue.cancel')}</Button>
      </Space>
    </Form>
  );
}
