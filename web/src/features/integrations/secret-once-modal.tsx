import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INTEGRATIONS_NS } from './i18n';

/** A secret (an API token, a webhook's signing secret) shown this once, with 复制; closed only by 我已保存. */
export function SecretOnceModal({ secret, title, hint, testId, onDone }: { secret: string | null; title: string; hint: string; testId: string; onDone: () => void }) {
  const { t } = useTranslation(INTEGRATIONS_NS);
  const { message } = App.useApp();

  const handleCopy = async () => {
    if (!secret) return;
    await navigator.clipboard?.writeText(secret).catch(() => undefined);
    message.success(t('tokens.copied'));
  };

  return (
    <Modal open={secret !== null} title={title} closable={false} maskClosable={false} onOk={onDone} okText={t('tokens.done')} cancelButtonProps={{ style: { display: 'none' } }}>
      <Typography.Paragraph type="warning">{hint}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={secret ?? ''} data-testid={testId} />
        <Button onClick={() => void handleCopy()}>{t('tokens.copy')}</Button>
      </Space.Compact>
    </Modal>
  );
}
