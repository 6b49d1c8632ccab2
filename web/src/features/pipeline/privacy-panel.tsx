import { App, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { pipelineApi } from './api';
import { PIPELINE_NS } from './i18n';

/** Download everything about me; delete my account (applications are anonymised, statistics kept). */
export function PrivacyPanel() {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const [isDeleting, setIsDeleting] = useState(false);
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  const handleDelete = async () => {
    setIsBusy(true);
    try {
      await pipelineApi.deleteAccount(password);
      message.success(t('privacy.deleted'));
      await refresh();
      navigate('/');
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Card size="small" title={t('privacy.title')} data-testid="privacy-panel">
      <Space wrap>
        <a href={pipelineApi.personalDataUrl} download data-testid="download-my-data"><Button>{t('privacy.download')}</Button></a>
        <Button danger onClick={() => setIsDeleting(true)} data-testid="delete-account">{t('privacy.delete')}</Button>
      </Space>
      <Modal open={isDeleting} title={t('privacy.deleteTitle')} onCancel={() => setIsDeleting(false)} onOk={() => void handleDelete()} okButtonProps={{ danger: true, disabled: !password }} confirmLoading={isBusy} okText={t('privacy.delete')}>
        <Typography.Paragraph>{t('privacy.deleteWarning')}</Typography.Paragraph>
        <Input.Password value={password} onChange={(event) => setPassword(event.target.value)} placeholder={t('privacy.password')} data-testid="delete-password" />
      </Modal>
    </Card>
  );
}
