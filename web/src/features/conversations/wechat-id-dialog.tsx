// 交换微信 without a WeChat ID in the profile: the seeker types it here; accepting saves it to the profile
// (server: decideContact with `wechatId`, which checks the pattern and names the field). Part of the chat's lazy
// chunk (a chunk of its own re-split antd's shared code and grew the seekers' first screens by 0.7 KiB); it does
// not import contracts/wechat.ts, which stays in the profile page's chunk.
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/server-form-errors';
import { CONVERSATIONS_NS } from './i18n';

export function WechatIdDialog({ onSubmit, onCancel }: { onSubmit: (wechatId: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const [form] = Form.useForm<{ wechatId: string }>();
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const handleOk = async () => {
    const { wechatId } = await form.validateFields();
    setIsBusy(true);
    setFailure(null);
    try {
      await onSubmit(wechatId.trim());
    } catch (caught) {
      setFailure(applyServerErrors(form, caught, ['wechatId']));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal open title={t('contact.wechatIdTitle')} onCancel={onCancel} onOk={() => void handleOk()} okText={t('contact.wechatIdSubmit')} cancelText={t('inbox.cancel')}
      confirmLoading={isBusy} destroyOnHidden okButtonProps={{ 'data-testid': 'wechat-id-submit' } as ButtonProps}>
      <Typography.Paragraph type="secondary">{t('contact.wechatIdHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void handleOk()}>
        <Form.Item name="wechatId" label={t('contact.wechatIdLabel')} validateTrigger="onBlur"
          rules={[{ required: true, whitespace: true, message: t('contact.wechatIdInvalid') }]}>
          <Input autoFocus maxLength={20} autoComplete="off" placeholder={t('contact.wechatIdPlaceholder')} data-testid="wechat-id-input" />
        </Form.Item>
        {failure ? <Typography.Text type="danger">{failure}</Typography.Text> : null}
      </Form>
    </Modal>
  );
}
