// The header's bell: the signed-in user's durable in-app notifications (GET /api/notifications), e.g. "a session
// you booked is live" while the app was closed, with the unread count; new ones arrive over the socket.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Grid, Popover } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ServerToClientEvents } from '../../../../contracts/live';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { formatStart } from './format';
import { LIVE_NS } from './i18n';
import { useLiveSocket } from './socket';
import './notification-bell.css';

type StoredNotification = { id: number; kind: string; title: string; body: string; link: string | null; payload: Record<string, unknown>; createdAt: string; readAt: string | null };
type Item = { id: number; title: string; titleEn: string | null; body: string; link: string | null; createdAt: string; isRead: boolean };

const LIMIT = 20;
const toItem = (stored: StoredNotification): Item => ({
  id: stored.id,
  title: stored.title,
  titleEn: typeof stored.payload.en === 'string' ? stored.payload.en : null,
  body: stored.body,
  link: stored.link,
  createdAt: stored.createdAt,
  isRead: stored.readAt !== null,
});

function Bell() {
  const { t } = useTranslation(LIVE_NS);
  const navigate = useNavigate();
  const socket = useLiveSocket();
  const language = currentLanguage();
  const [items, setItems] = useState<Item[]>([]);
  const [unread, setUnread] = useState(0);
  const [isOpen, setIsOpen] = useState(false);
  // A phone gets a sheet from the top (a popover beside the bell would run off a 390 px screen).
  const isPhone = Grid.useBreakpoint().md === false;

  const load = useCallback(() => {
    api.get<{ notifications: StoredNotification[]; unread: number }>('/api/notifications', { limit: LIMIT })
      .then((answer) => {
        setItems(answer.notifications.map(toItem));
        setUnread(answer.unread);
      })
      .catch(() => undefined);
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    if (!socket) return;
    const handleNotification: ServerToClientEvents['notification'] = (payload) => {
      setItems((previous) => (previous.some((item) => item.id === payload.id)
        ? previous
        : [{ id: payload.id, title: payload.title, titleEn: payload.titleEn, body: payload.body, link: payload.link, createdAt: payload.createdAt, isRead: false }, ...previous].slice(0, LIMIT)));
      setUnread((value) => value + 1);
    };
    // After a reconnect, catch up with what arrived while offline.
    socket.on('notification', handleNotification);
    socket.io.on('reconnect', load);
    return () => {
      socket.off('notification', handleNotification);
      socket.io.off('reconnect', load);
    };
  }, [socket, load]);

  const markRead = (ids: number[] | 'all') => {
    api.post<{ ok: true }>('/api/notifications/read', { ids }).catch(() => undefined);
    setItems((previous) => previous.map((item) => (ids === 'all' || ids.includes(item.id) ? { ...item, isRead: true } : item)));
    setUnread((value) => (ids === 'all' ? 0 : Math.max(0, value - items.filter((item) => ids.includes(item.id) && !item.isRead).length)));
  };

  const handleOpen = (item: Item) => {
    if (!item.isRead) markRead([item.id]);
    setIsOpen(false);
    if (item.link?.startsWith('/')) navigate(item.link);
  };

  const content = (
    <div className="notification-panel" data-testid="notification-panel">
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} /> : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className={`notification-item${item.isRead ? '' : ' is-unread'}`} onClick={() => handleOpen(item)} data-testid="notification-item">
                <span className="notification-item-title">{language === 'en' && item.titleEn ? item.titleEn : pickLanguage(item.title, language)}</span>
                {item.body ? <span className="notification-item-body">{pickLanguage(item.body, language)}</span> : null}
                <span className="notification-item-time">{formatStart(item.createdAt, new Date(), language)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  const head = (
    <div className="notification-panel-head">
      <span>{t('notification.inbox')}</span>
      {unread > 0 ? <Button type="link" size="small" onClick={() => markRead('all')} data-testid="notification-read-all">{t('notification.markAllRead')}</Button> : null}
    </div>
  );
  const bell = (
    <Button size="small" type="text" aria-label={t('notification.inbox')} onClick={isPhone ? () => setIsOpen(true) : undefined} data-testid="notification-bell">
      <Badge count={unread} size="small" offset={[4, -2]} data-testid="notification-count">
        <BellOutlined style={{ fontSize: 16 }} />
      </Badge>
    </Button>
  );

  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer open={isOpen} onClose={() => setIsOpen(false)} placement="top" title={head} styles={{ body: { padding: '0 12px 12px' } }}>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover trigger="click" placement="bottomRight" open={isOpen} onOpenChange={setIsOpen} title={head} content={content}>
      {bell}
    </Popover>
  );
}

/** Mounted once in the header; only for someone signed in. */
export function NotificationBell() {
  const { user } = useAuth();
  return user ? <Bell key={user.id} /> : null;
}
