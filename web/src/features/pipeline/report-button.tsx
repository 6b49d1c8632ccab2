import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { pipelineApi, type ReportReason } from './api';
import { PIPELINE_NS } from './i18n';

const REASONS: ReportReason[] = ['fee_request', 'fake_job', 'harassment', 'other'];

/** "Report" for a job page or a live room: reason and details, sent to the admins' queue. */
export function ReportButton({ targetKind, targetId }: { targetKind: 'job' | 'session'; targetId: string }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [form] = Form.useForm<{ reason: ReportReason; details: string }>();

  const handleOpen = () => (user ? setIsOpen(true) : navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`));
  const handleSubmit = async () => {
    const values = await form.validateFields();
    setIsBusy(true);
    try {
      await pipelineApi.fileReport({ targetKind, targetId, reason: values.reason, details: values.details?.trim() ?? '' });
      message.success(t('report.done'));
      setIsOpen(false);
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      <Button type="link" danger size="small" onClick={handleOpen} data-testid="report-button">{t('report.button')}</Button>
      <Modal open={isOpen} title={t('report.title')} onCancel={() => setIsOpen(false)} onOk={() => void handleSubmit()} okText={t('report.submit')} confirmLoading={isBusy} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ reason: 'fee_request', details: '' }}>
          <Form.Item name="reason" label={t('report.reason')}>
            <Radio.Group options={REASONS.map((reason) => ({ value: reason, label: t(`report.reasons.${reason}`) }))} data-testid="report-reason" />
          </Form.Item>
          <Form.Item name="details" label={t('report.details')} rules={[({ getFieldValue }) => ({
            validator: (_rule, value?: string) => (getFieldValue('reason') !== 'other' || (value?.trim().length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('report.details')))),
          })]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('report.detailsPlaceholder')} data-testid="report-details" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
