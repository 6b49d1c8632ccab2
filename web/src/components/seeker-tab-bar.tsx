import { HeartOutlined, PlayCircleOutlined, SearchOutlined, UserOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { useAuth } from '../app/auth';

type Tab = { path: string; labelKey: string; icon: ReactNode; testId: string; isEnd?: boolean };

/** The seeker's bottom tab bar on a phone (guests too): jobs, the live feed, the live list, 关注 (signed in), their own page. */
export function SeekerTabBar() {
  const { t } = useTranslation();
  const { user } = useAuth();
  // 推荐 (/for-you) is a view of the jobs tab.
  const isForYou = useLocation().pathname === '/for-you';
  if (user && user.role !== 'seeker') return null;
  const tabs: Tab[] = [
    { path: '/', labelKey: 'nav.tabJobs', icon: <SearchOutlined />, testId: 'tab-jobs', isEnd: true },
    { path: '/feed', labelKey: 'nav.feed', icon: <PlayCircleOutlined />, testId: 'tab-feed' },
    { path: '/live', labelKey: 'nav.tabLive', icon: <VideoCameraOutlined />, testId: 'tab-live' },
    ...(user ? [{ path: '/following', labelKey: 'nav.following', icon: <HeartOutlined />, testId: 'tab-following' }] : []),
    { path: user ? '/me/applications' : '/sign-in', labelKey: 'nav.tabMe', icon: <UserOutlined />, testId: 'tab-me' },
  ];
  return (
    <nav className="seeker-tab-bar" data-testid="seeker-tab-bar">
      {tabs.map((tab) => (
        <NavLink key={tab.testId} to={tab.path} end={tab.isEnd} className={({ isActive }) => `seeker-tab${isActive || (isForYou && tab.path === '/') ? ' is-active' : ''}`} data-testid={tab.testId}>
          <span className="seeker-tab-icon">{tab.icon}</span>
          <span className="seeker-tab-label">{t(tab.labelKey)}</span>
        </NavLink>
      ))}
    </nav>
  );
}
