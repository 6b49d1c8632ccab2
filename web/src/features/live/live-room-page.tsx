import { Button, Result } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { getSession } from './api';
import { LIVE_NS } from './i18n';
import { LiveRoom } from './live-room';
import { arrivedSession, sessionForRoom } from './prefetch';
import './live.css';

/** /live/:sessionId — the live room, or its replay once the session has ended. */
export default function LiveRoomPage() {
  const { t } = useTranslation(LIVE_NS);
  const { sessionId = '' } = useParams();
  const { user } = useAuth();
  const [reloads, setReloads] = useState(0);
  // The first answer may already be here (the route's loader asked for it with the page's code); reloads ask again.
  const session = useApi(async () => ({ detail: await (reloads === 0 ? sessionForRoom(sessionId) : getSession(sessionId)), loadedAt: Date.now() }), `${sessionId}:${user?.id ?? ''}:${reloads}`, () => {
    const arrived = arrivedSession(sessionId);
    return arrived ? { detail: arrived, loadedAt: Date.now() } : undefined;
  });
  const reload = useCallback(() => setReloads((value) => value + 1), []);

  if (session.data) return <LiveRoom key={sessionId} detail={session.data.detail} loadedAt={session.data.loadedAt} onReload={reload} />;
  if (session.error instanceof ApiError && (session.error.status === 404 || session.error.code === 'validation_failed')) {
    return <Result status="404" title={t('room.notFound')} extra={<Link to="/live"><Button>{t('room.back')}</Button></Link>} />;
  }
  if (session.error) return <PageError error={session.error} onRetry={session.reload} />;
  return <PageLoading />;
}
