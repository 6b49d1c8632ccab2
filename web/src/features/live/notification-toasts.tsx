// In-app notifications pushed over the socket (e.g. "a session you booked is live") shown as toasts. The
// notification itself is durable on the server; this only announces it while the app is open.
import { BellOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { ServerToClientEvents } from '../../../../contracts/live';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { LIVE_NS } from './i18n';
import { useLiveSocket } from './socket';

function NotificationListener() {
  const { t } = useTranslation(LIVE_NS);
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const socket = useLiveSocket();
  const { pathname } = useLocation();
  const pathnameRef = useRef(pathname);
  pathnameRef.current = pathname;

  useEffect(() => {
    if (!socket) return;
    const handleNotification: ServerToClientEvents['notification'] = (payload) => {
      const key = `notification-${payload.id}`;
      // Only links inside the app, and none to the page already open.
      const link = payload.link && payload.link.startsWith('/') && payload.link !== pathnameRef.current ? payload.link : null;
      notification.open({
        key,
        title: currentLanguage() === 'en' && payload.titleEn ? payload.titleEn : pickLanguage(payload.title, currentLanguage()),
        description: pickLanguage(payload.body, currentLanguage()),
        icon: <BellOutlined style={{ color: '#fa541c' }} />,
        placement: 'top',
        duration: 8,
        actions: link ? (
          <Button type="primary" size="small" onClick={() => { notification.destroy(key); navigate(link); }} data-testid="notification-open">
            {t('notification.open')}
          </Button>
        ) : undefined,
        props: { 'data-testid': 'notification-toast' } as Record<string, string>,
      });
    };
    socket.on('notification', handleNotification);
    return () => {
      socket.off('notification', handleNotification);
    };
  }, [navigate, notification, socket, t]);

  return null;
}

/** Mounted once in the layout; listens only while someone is signed in. */
export function NotificationToasts() {
  const { user } = useAuth();
  return user ? <NotificationListener /> : null;
}
