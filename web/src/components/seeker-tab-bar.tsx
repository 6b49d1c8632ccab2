import { HeartOutlined, PlayCircleOutlined, SearchOutlined, UserOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { useAuth } from '../app/auth';
import { MessageIcon } from './message-icon';
import { useUnreadCount } from '../features/conversations/unread-count';

/** The 消息 tab's unread count: kept current by the header's 消息 button, which loads the socket after the first screen. */
function MessagesBadge() {
  const unread = useUnreadCount();
  if (unread <= 0) return null;
  return <span className="tab-badge" data-testid="messages-unread">{unread > 99 ? '99+' : unread}</span>;
}

type Tab = { path: string; labelKey: string; icon: ReactNode; testId: string; isEnd?: boolean; badge?: ReactNode };

/**
 * The seeker's bottom tab bar on a phone (guests too): jobs, the live feed, the live list, 关注 and 消息 (signed
 * in), their own page. A chat has its own send box at the bottom instead.
 */
export function SeekerTabBar() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { pathname } = useLocation();
  // 推荐 (/for-you) is a view of the jobs tab.
  const isForYou = pathname === '/for-you';
  if (user && user.role !== 'seeker') return null;
  if (pathname.startsWith('/messages/')) return null;
  const tabs: Tab[] = [
    { path: '/', labelKey: 'nav.tabJobs', icon: <SearchOutlined />, testId: 'tab-jobs', isEnd: true },
    { path: '/feed', labelKey: 'nav.feed', icon: <PlayCircleOutlined />, testId: 'tab-feed' },
    { path: '/live', labelKey: 'nav.tabLive', icon: <VideoCameraOutlined />, testId: 'tab-live' },
    ...(user ? [
      { path: '/following', labelKey: 'nav.following', icon: <HeartOutlined />, testId: 'tab-following' },
      { path: '/messages', labelKey: 'nav.messages', icon: <MessageIcon />, testId: 'tab-messages', badge: <MessagesBadge /> },
    ] : []),
    { path: user ? '/me/applications' : '/sign-in', labelKey: 'nav.tabMe', icon: <UserOutlined />, testId: 'tab-me' },
  ];
  return (
    <nav className="seeker-tab-bar" data-testid="seeker-tab-bar">
      {tabs.map((tab) => (
        <NavLink key={tab.testId} to={tab.path} end={tab.isEnd} className={({ isActive }) => `seeker-tab${isActive || (isForYou && tab.path === '/') ? ' is-active' : ''}`} data-testid={tab.testId}>
          <span className="seeker-tab-icon">{tab.icon}{tab.badge}</span>
          <span className="seeker-tab-label">{t(tab.labelKey)}</span>
        </NavLink>
      ))}
    </nav>
  );
}
