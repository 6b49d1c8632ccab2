import { Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PIPELINE_NS } from './i18n';
import { SessionFunnelCard } from './session-funnel-card';

/** /outcomes/sessions/:sessionId — one session's funnel, for its host, its employers, bureaus and admins. */
export default function SessionFunnelPage() {
  const { t } = useTranslation(PIPELINE_NS);
  const { sessionId = '' } = useParams();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 880, margin: '0 auto', display: 'flex' }}>
      <Link to="/outcomes?groupBy=session">← {t('outcomes.title')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('funnel.pageTitle')}</Typography.Title>
      <SessionFunnelCard
        sessionId={sessionId}
        showSession
        unavailable={<Result status="404" title={t('funnel.unavailable')} extra={<Link to="/outcomes"><Button>{t('outcomes.title')}</Button></Link>} />}
      />
    </Space>
  );
}
