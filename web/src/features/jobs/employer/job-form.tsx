import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../app/api';
import { currentLanguage } from '../../../app/i18n';
import { CatalogueSelect } from '../../../components/catalogue-select';
import { CitySelect } from '../../../components/city-select';
import { applyServerErrors } from '../../../components/server-form-errors';
import { OccupationSelect } from '../../impact/occupation-fields';
import { JOBS_NS } from '../i18n';
import { HOUSING_OPTIONS, MEAL_OPTIONS, SHIFT_PATTERNS, type JobInput } from '../types';
import { EMPLOYER_JOBS_NS } from './i18n';
import { JOB_FORM_FIELDS, toJobInput, type JobFormValues } from './job-form-values';
import { isPostingViolationList, violationFieldErrors } from './posting-errors';

type Props = { initialValues: JobFormValues; submitLabel: string; onSubmit: (input: JobInput) => Promise<void> };
type Failure = { kind: 'rejected' } | { kind: 'not-verified' } | { kind: 'other'; message: string };

/** Every field of POST /api/employer/jobs; rule violations come back on the fields that contain them. */
export function JobForm({ initialValues, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation(EMPLOYER_JOBS_NS);
  const { t: tJobs } = useTranslation(JOBS_NS);
  const [form] = Form.useForm<JobFormValues>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const handleFinish = async (values: JobFormValues) => {
    setIsSubmitting(true);
    setFailure(null);
    try {
      await onSubmit(toJobInput(values));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'posting_rejected' && isPostingViolationList(error.body.violations)) {
        const fieldErrors = violationFieldErrors(error.body.violations, (kind) => t(`violation.${kind}`), currentLanguage());
        form.setFields(fieldErrors as Parameters<typeof form.setFields>[0]);
        form.scrollToField(fieldErrors[0]!.name, { block: 'center' });
        setFailure({ kind: 'rejected' });
      } else if (error instanceof ApiError && error.code === 'forbidden') {
        setFailure({ kind: 'not-verified' });
      } else {
        const message = applyServerErrors(form, error, JOB_FORM_FIELDS);
        if (message) setFailure({ kind: 'other', message });
      }
    } finally {
      setIsSubmitting(false);
    }
  };

  const required = { required: true, message: t('form.required') };
  const payRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: number | null | undefined) =>
      value == null && getFieldValue('payHourly') == null ? Promise.reject(new Error(t('form.payMissing'))) : Promise.resolve(),
  });
  const payMaxRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: number | null | undefined) => {
      const min = getFieldValue('payMonthlyMin') as number | null | undefined;
      return value != null && min != null && value < min ? Promise.reject(new Error(t('form.payMaxBelowMin'))) : Promise.resolve();
    },
  });
  const validUntilRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: string | undefined) =>
      value && value < String(getFieldValue('validFrom') ?? '') ? Promise.reject(new Error(t('form.validityOrder'))) : Promise.resolve(),
  });

  return (
    <Form<JobFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={handleFinish} scrollToFirstError data-testid="job-form" className="stack">
      <Alert type="info" showIcon title={t('form.rulesNotice')} />
      {failure?.kind === 'rejected' ? <Alert type="error" showIcon title={t('form.rejectedTitle')} description={t('form.rejectedHint')} data-testid="posting-rejected" /> : null}
      {failure?.kind === 'not-verified' ? <Alert type="warning" showIcon title={t('form.notVerified')} action={<Link to="/employer">{t('form.goCompany')}</Link>} /> : null}
      {failure?.kind === 'other' ? <Alert type="error" showIcon title={failure.message} data-testid="job-form-error" /> : null}

      <Card size="small" title={t('form.sectionBasics')}>
        <Form.Item name="title" label={t('form.title')} rules={[{ ...required, whitespace: true }, { min: 2, message: t('form.required') }]}>
          <Input maxLength={60} placeholder={t('form.titlePlaceholder')} data-testid="job-title-input" />
        </Form.Item>
        <div className="form-grid three">
          <Form.Item name="categoryCode" label={t('form.category')} rules={[required]}><CatalogueSelect catalogue="categories" testId="job-category" /></Form.Item>
          <Form.Item name="industryCode" label={t('form.industry')} rules={[required]}><CatalogueSelect catalogue="industries" testId="job-industry" /></Form.Item>
          <Form.Item name="cityCode" label={t('form.city')} rules={[required]}><CitySelect testId="job-city" /></Form.Item>
        </div>
        <Form.Item name="occupationId" label={t('form.occupation')} extra={t('form.occupationHint')} style={{ maxWidth: 480 }}>
          <OccupationSelect testId="job-occupation" placeholder={t('form.occupationPlaceholder')} />
        </Form.Item>
      </Card>

      <Card size="small" title={t('form.sectionPay')} extra={<Typography.Text type="secondary">{t('form.payHint')}</Typography.Text>}>
        <div className="form-grid three">
          <Form.Item name="payMonthlyMin" label={t('form.payMonthlyMin')} dependencies={['payHourly']} rules={[payRule]}>
            <InputNumber min={1000} max={100000} step={100} precision={0} suffix={t('form.yuanPerMonth')} style={{ width: '100%' }} data-testid="job-pay-min" />
          </Form.Item>
          <Form.Item name="payMonthlyMax" label={t('form.payMonthlyMax')} dependencies={['payMonthlyMin']} rules={[payMaxRule]}>
            <InputNumber min={1000} max={100000} step={100} precision={0} suffix={t('form.yuanPerMonth')} style={{ width: '100%' }} data-testid="job-pay-max" />
          </Form.Item>
          <Form.Item name="payHourly" label={t('form.payHourly')}>
            <InputNumber min={10} max={500} step={0.5} precision={2} suffix={t('form.yuanPerHour')} style={{ width: '100%' }} data-testid="job-pay-hourly" />
          </Form.Item>
        </div>
        <Space align="center">
          <Form.Item name="isDailyPay" valuePropName="checked" noStyle><Switch data-testid="job-daily-pay" /></Form.Item>
          <Typography.Text>{t('form.isDailyPay')}</Typography.Text>
          <Typography.Text type="secondary">{t('form.isDailyPayHint')}</Typography.Text>
        </Space>
      </Card>

      <Card size="small" title={t('form.sectionConditions')}>
        <Form.Item name="shiftPattern" label={t('form.shiftPattern')} rules={[required]}>
          <Select data-testid="job-shift" style={{ maxWidth: 320 }} options={SHIFT_PATTERNS.map((value) => ({ value, label: tJobs(`shift.${value}`) }))} />
        </Form.Item>
        <div className="form-grid">
          <Form.Item name="housing" label={t('form.housing')} rules={[required]}>
            <Radio.Group data-testid="job-housing" optionType="button" options={HOUSING_OPTIONS.map((value) => ({ value, label: tJobs(`housing.${value}`) }))} />
          </Form.Item>
          <Form.Item name="meals" label={t('form.meals')} rules={[required]}>
            <Radio.Group data-testid="job-meals" optionType="button" options={MEAL_OPTIONS.map((value) => ({ value, label: tJobs(`meals.${value}`) }))} />
          </Form.Item>
        </div>
      </Card>

      <Card size="small" title={t('form.sectionText')}>
        <Form.Item name="requirements" label={t('form.requirements')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('form.requirementsPlaceholder')} data-testid="job-requirements-input" />
        </Form.Item>
        <Form.Item name="benefits" label={t('form.benefits')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('form.benefitsPlaceholder')} data-testid="job-benefits-input" />
        </Form.Item>
        <Form.Item name="description" label={t('form.description')}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('form.descriptionPlaceholder')} data-testid="job-description-input" />
        </Form.Item>
      </Card>

      <Card size="small" title={t('form.sectionValidity')}>
        <div className="form-grid three">
          <Form.Item name="headcount" label={t('form.headcount')} rules={[required]}>
            <InputNumber min={1} max={10000} precision={0} suffix={t('form.people')} style={{ width: '100%' }} data-testid="job-headcount" />
          </Form.Item>
          <Form.Item name="validFrom" label={t('form.validFrom')} rules={[required]}>
            <Input type="date" data-testid="job-valid-from" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('form.validUntil')} dependencies={['validFrom']} rules={[required, validUntilRule]}>
            <Input type="date" data-testid="job-valid-until" />
          </Form.Item>
        </div>
      </Card>

      <div>
        <Button type="primary" size="large" htmlType="submit" loading={isSubmitting} data-testid="job-submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
