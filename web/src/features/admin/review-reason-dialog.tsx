import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADMIN_NS } from './i18n';

type Props = {
  decision: 'reject' | 'suspend';
  companyName: string;
  isOpen: boolean;
  isSubmitting: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
};

/** Rejecting or suspending needs a reason the company will see. */
export function ReviewReasonDialog({ decision, companyName, isOpen, isSubmitting, onCancel, onConfirm }: Props) {
  const { t } = useTranslation(ADMIN_NS);
  const [form] = Form.useForm<{ reason: string }>();
  const handleOk = async () => {
    const { reason } = await form.validateFields();
    onConfirm(reason.trim());
  };
  return (
    <Modal
      open={isOpen}
      title={t(decision === 'reject' ? 'review.rejectTitle' : 'review.suspendTitle', { name: companyName })}
      okText={t('review.confirm')}
      okButtonProps={{ danger: true, loading: isSubmitting, 'data-testid': 'review-confirm' } as ButtonProps & { 'data-testid': string }}
      onOk={() => void handleOk()}
      onCancel={onCancel}
      destroyOnHidden
      afterClose={() => form.resetFields()}
    >
      {decision === 'suspend' ? <Typography.Paragraph type="warning">{t('review.suspendHint')}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('review.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('review.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('review.reasonPlaceholder')} data-testid="review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
