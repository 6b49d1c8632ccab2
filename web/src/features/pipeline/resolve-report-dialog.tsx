import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from './api';
import { PIPELINE_NS } from './i18n';

type Values = { note: string; suspendCompany: boolean; banHost: boolean };

/** Act on (optionally suspending the company or banning the host) or dismiss a report, with a note for the reporter. */
export function ResolveReportDialog({ report, decision, onCancel, onSubmit }: {
  report: Report;
  decision: 'resolve' | 'dismiss';
  onCancel: () => void;
  onSubmit: (values: Values) => Promise<void>;
}) {
  const { t } = useTranslation(PIPELINE_NS);
  const [form] = Form.useForm<Values>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const handleOk = async () => {
    const values = await form.validateFields();
    setIsSubmitting(true);
    try {
      await onSubmit({ note: values.note.trim(), suspendCompany: Boolean(values.suspendCompany), banHost: Boolean(values.banHost) });
    } finally {
      setIsSubmitting(false);
    }
  };
  return (
    <Modal open title={`${t(decision === 'resolve' ? 'queue.resolve' : 'queue.dismiss')} · #${report.id}`} onCancel={onCancel} onOk={() => void handleOk()} confirmLoading={isSubmitting} okButtonProps={{ danger: decision === 'resolve' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ suspendCompany: false, banHost: false }}>
        <Form.Item name="note" label={t('queue.note')} rules={[{ required: true, whitespace: true, min: 2, message: t('queue.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="resolve-note" />
        </Form.Item>
        {decision === 'resolve' && report.companyId ? (
          <Form.Item name="suspendCompany" valuePropName="checked"><Checkbox data-testid="resolve-suspend">{t('queue.suspendCompany')}</Checkbox></Form.Item>
        ) : null}
        {decision === 'resolve' && report.hostUserId ? (
          <Form.Item name="banHost" valuePropName="checked"><Checkbox data-testid="resolve-ban">{t('queue.banHost')}</Checkbox></Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
