import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPACT_INPUT_NAMES } from '../../../../contracts/impact-inputs';
import { applyServerErrors } from '../../components/server-form-errors';
import { impactApi, type ImpactMethodInput, type ImpactMethodView } from './api';
import { IMPACT_NS } from './i18n';

/** The whole method, prefilled from the latest version; saving stores the next version (nothing is updated in place). */
export function MethodForm({ method, onSaved, onCancel }: { method: ImpactMethodView; onSaved: (method: ImpactMethodView) => void; onCancel: () => void }) {
  const { t } = useTranslation(IMPACT_NS);
  const [form] = Form.useForm<ImpactMethodInput>();
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const inputOptions = IMPACT_INPUT_NAMES.map((name) => ({ value: name, label: t(`inputs.${name}`) }));
  const initialValues: ImpactMethodInput = {
    name: method.name,
    note: method.note,
    multiPlatformAdjustment: method.multiPlatformAdjustment,
    components: method.components.map((component) => ({ ...component })),
  };

  const handleFinish = async (values: ImpactMethodInput) => {
    setIsSaving(true);
    setProblem(null);
    try {
      onSaved(await impactApi.createMethod({ ...values, note: values.note ?? '' }));
    } catch (error) {
      // Problems inside a component (components.0.coefficient) are shown above the buttons with their path.
      setProblem(applyServerErrors(form, error, ['name', 'note']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={handleFinish} data-testid="impact-method-form">
      <Form.Item name="name" label={t('method.name')} rules={[{ required: true, min: 2, max: 80 }]}><Input /></Form.Item>
      <Space wrap align="start">
        <Form.Item name={['multiPlatformAdjustment', 'value']} label={t('method.adjustment')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={1} step={0.05} data-testid="impact-method-adjustment" />
        </Form.Item>
        <Form.Item name={['multiPlatformAdjustment', 'isAssumption']} valuePropName="checked" label=" "><Checkbox>{t('method.isAssumption')}</Checkbox></Form.Item>
      </Space>
      <Form.Item name={['multiPlatformAdjustment', 'source']} label={t('method.adjustmentSource')} rules={[{ required: true, min: 2 }]}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
      <Form.List name="components">
        {(fields) => fields.map((field) => (
          <Card key={field.key} size="small" style={{ marginBottom: 12 }} title={form.getFieldValue(['components', field.name, 'name']) as string} data-testid={`impact-method-component-${field.name}`}>
            <Space wrap align="start">
              <Form.Item name={[field.name, 'label']} label={t('method.label')} rules={[{ required: true, min: 2, max: 80 }]}><Input style={{ width: 200 }} /></Form.Item>
              <Form.Item name={[field.name, 'coefficient']} label={t('method.coefficient')} rules={[{ required: true }]}>
                <InputNumber min={0} max={1000} step={0.1} data-testid={`impact-method-coefficient-${field.name}`} />
              </Form.Item>
            </Space>
            <Form.Item name={[field.name, 'inputs']} label={t('method.inputs')} rules={[{ required: true, type: 'array', min: 1 }]}><Select mode="multiple" options={inputOptions} /></Form.Item>
            <Form.Item name={[field.name, 'source']} label={t('method.source')} rules={[{ required: true, min: 2 }]}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
            <Space wrap>
              <Form.Item name={[field.name, 'isAssumption']} valuePropName="checked" noStyle><Checkbox>{t('method.isAssumption')}</Checkbox></Form.Item>
              <Form.Item name={[field.name, 'multiPlatform']} valuePropName="checked" noStyle><Checkbox>{t('method.multiPlatform')}</Checkbox></Form.Item>
            </Space>
            <Form.Item name={[field.name, 'name']} hidden><Input /></Form.Item>
          </Card>
        ))}
      </Form.List>
      <Form.Item name="note" label={t('method.note')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="impact-method-problem" /> : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="impact-method-save">{t('method.save')}</Button>
        <Button onClick={onCancel}>{t('method.cancel')}</Button>
      </Space>
    </Form>
  );
}
