import { EyeInvisibleOutlined, EyeOutlined, ReloadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { useApi } from '../../../app/use-api';
import { getStreamKey, rotateStreamKey, type SessionStatus, type StreamKeyInfo } from '../api';
import { LIVE_NS } from '../i18n';
import { STUDIO_NS } from './studio-i18n';

/** 网页开播 (the session's host only), then OBS's two fields (服务器, 串流密钥) with copy buttons, the steps, and 重置密钥. */
export function GoLivePanel({ sessionId, status, isHost }: { sessionId: string; status: SessionStatus; isHost: boolean }) {
  const { t } = useTranslation(LIVE_NS);
  const { t: tStudio } = useTranslation(STUDIO_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [isKeyShown, setIsKeyShown] = useState(false);
  const [rotated, setRotated] = useState<StreamKeyInfo | null>(null);
  const [isRotating, setIsRotating] = useState(false);
  const loaded = useApi(() => getStreamKey(sessionId), sessionId);
  const info = rotated ?? loaded.data;

  const handleRotate = async () => {
    setIsRotating(true);
    try {
      setRotated(await rotateStreamKey(sessionId));
      message.success(t('host.goLive.rotated'));
    } catch (error) {
      message.error(pickLanguage((error as Error).message, currentLanguage()));
    } finally {
      setIsRotating(false);
    }
  };

  if (status === 'ended') {
    return <Card title={t('host.goLive.title')} size="small"><Typography.Text type="secondary">{t('host.goLive.endedHint')}</Typography.Text></Card>;
  }

  return (
    <Card
      title={t('host.goLive.title')}
      size="small"
      data-testid="go-live-panel"
      extra={(
        <Popconfirm title={t('host.goLive.rotateConfirm')} onConfirm={handleRotate} okButtonProps={{ danger: true }}>
          <Button size="small" icon={<ReloadOutlined />} loading={isRotating} data-testid="rotate-key">{t('host.goLive.rotate')}</Button>
        </Popconfirm>
      )}
    >
      {isHost && status !== 'missed' ? (
        <div className="studio-entry">
          <Button type="primary" icon={<VideoCameraOutlined />} block onClick={() => navigate(`/host/sessions/${sessionId}/studio`)} data-testid="open-studio">{tStudio('open')}</Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 12px' }}>{tStudio('openHint')}</Typography.Paragraph>
        </div>
      ) : null}
      {!info ? <Skeleton active paragraph={{ rows: 2 }} /> : (
        <>
          <div className="stream-field">
            <span className="stream-field-label">{t('host.goLive.server')}</span>
            <Typography.Paragraph className="stream-field-value" copyable={{ text: info.rtmpUrl }} data-testid="rtmp-server">{info.rtmpUrl}</Typography.Paragraph>
          </div>
          <div className="stream-field">
            <span className="stream-field-label">
              {t('host.goLive.streamKey')}{' '}
              <Button type="link" size="small" icon={isKeyShown ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setIsKeyShown(!isKeyShown)} data-testid="toggle-key">
                {isKeyShown ? t('host.goLive.hide') : t('host.goLive.show')}
              </Button>
            </span>
            <Typography.Paragraph className="stream-field-value" copyable={{ text: info.streamKey }} data-testid="stream-key" data-key-shown={isKeyShown}>
              {isKeyShown ? info.streamKey : `${info.streamKey.split('?')[0]}?key=${'•'.repeat(16)}`}
            </Typography.Paragraph>
          </div>
          <Alert type="warning" showIcon title={t('host.goLive.secretWarning')} style={{ marginBottom: 12 }} />
        </>
      )}
      <Typography.Text strong>{t('host.goLive.obsTitle')}</Typography.Text>
      <ol className="obs-steps">
        <li>{t('host.goLive.obsSteps.one')}</li>
        <li>{t('host.goLive.obsSteps.two')}</li>
        <li>{t('host.goLive.obsSteps.three')}</li>
        <li>{t('host.goLive.obsSteps.four')}</li>
        <li>{t('host.goLive.obsSteps.five')}</li>
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>{t('host.goLive.obsTip')}</Typography.Paragraph>
    </Card>
  );
}
