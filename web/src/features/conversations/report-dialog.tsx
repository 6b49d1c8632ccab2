import { App, Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { conversationsApi, REPORT_REASONS, type ConversationReportReason } from './api';
import { CONVERSATIONS_NS } from './i18n';

/** Reports the conversation: the admins' queue gets it with its messages. */
export function ConversationReportDialog({ conversationId, isOpen, onClose }: { conversationId: number; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { message } = App.useApp();
  const [isBusy, setIsBusy] = useState(false);
  const [form] = Form.useForm<{ reason: ConversationReportReason; details: string }>();

  const handleSubmit = async () => {
    const values = await form.validateFields();
    setIsBusy(true);
    try {
      await conversationsApi.report(conversationId, { reason: values.reason, details: values.details?.trim() ?? '' });
      message.success(t('report.done'));
      onClose();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal open={isOpen} title={t('report.title')} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('report.submit')} confirmLoading={isBusy} destroyOnHidden
      okButtonProps={{ danger: true, 'data-testid': 'conversation-report-submit' } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={{ reason: 'fee_request', details: '' }}>
        <Form.Item name="reason" label={t('report.reason')}>
          <Radio.Group options={REPORT_REASONS.map((reason) => ({ value: reason, label: t(`report.reasons.${reason}`) }))} data-testid="conversation-report-reason" />
        </Form.Item>
        <Form.Item name="details" label={t('report.details')} rules={[({ getFieldValue }) => ({
          validator: (_rule, value?: string) => (getFieldValue('reason') !== 'other' || (value?.trim().length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('report.detailsRequired')))),
        })]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('report.detailsPlaceholder')} data-testid="conversation-report-details" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
