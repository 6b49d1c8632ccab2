import { App, Button, Card, Input, Modal, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { PhoneCodeInput } from '../auth/phone-code-input';
import { pipelineApi } from './api';
import { CONSENTS_NS } from './consents-i18n';
import { PIPELINE_NS } from './i18n';

/** Download everything about me; delete my account (applications are anonymised, statistics kept). */
export function PrivacyPanel() {
  const { t } = useTranslation(PIPELINE_NS);
  const { t: tConsents } = useTranslation(CONSENTS_NS);
  const { message } = App.useApp();
  const { user, refresh } = useAuth();
  const navigate = useNavigate();
  const [isDeleting, setIsDeleting] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Accounts made by phone-code sign-in have no password they know: a code to their phone confirms.
  const [proof, setProof] = useState<'code' | 'password'>(user?.phone ? 'code' : 'password');
  const [isBusy, setIsBusy] = useState(false);

  const handleDelete = async () => {
    setIsBusy(true);
    try {
      await pipelineApi.deleteAccount(proof === 'code' ? { code } : { password });
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
      <Link to="/me/contact-consents" data-testid="contact-consents-link" style={{ display: 'block', marginBottom: 12 }}>
        <Typography.Text strong>{tConsents('consents.link')} ›</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{tConsents('consents.linkHint')}</Typography.Paragraph>
      </Link>
      <Space wrap>
        <a href={pipelineApi.personalDataUrl} download data-testid="download-my-data"><Button>{t('privacy.download')}</Button></a>
        <Button danger onClick={() => setIsDeleting(true)} data-testid="delete-account">{t('privacy.delete')}</Button>
      </Space>
      <Modal open={isDeleting} title={t('privacy.deleteTitle')} onCancel={() => setIsDeleting(false)} onOk={() => void handleDelete()} okButtonProps={{ danger: true, disabled: proof === 'code' ? code.length !== 6 : !password }} confirmLoading={isBusy} okText={t('privacy.delete')}>
        <Typography.Paragraph>{t('privacy.deleteWarning')}</Typography.Paragraph>
        {user?.phone ? (
          <Segmented<'code' | 'password'> block value={proof} onChange={(value) => setProof(value)} style={{ marginBottom: 12 }}
            options={[{ value: 'code', label: t('privacy.byCode') }, { value: 'password', label: t('privacy.byPassword') }]} data-testid="delete-proof" />
        ) : null}
        {proof === 'code' && user?.phone ? (
          <PhoneCodeInput value={code} onChange={setCode} getPhone={async () => user.phone} onSendError={(problem) => message.error(problem)} testIdPrefix="delete" />
        ) : (
          <Input.Password value={password} onChange={(event) => setPassword(event.target.value)} placeholder={t('privacy.password')} data-testid="delete-password" />
        )}
      </Modal>
    </Card>
  );
}
