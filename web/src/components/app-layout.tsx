import { MenuOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../app/auth';
import { navigationFor, type NavigationEntry } from '../app/navigation';
import { DESKTOP_QUERY, useMediaQuery } from '../app/use-media-query';
import { LanguageSwitch } from './language-switch';
import { OfflineNotice } from './offline-notice';
import { SeekerTabBar } from './seeker-tab-bar';

// Loaded when needed, not with a visitor's first screen: the menu, the drawer and the signed-in parts.
const HeaderNav = lazy(() => import('./nav-menu'));
const NavDrawer = lazy(() => import('./nav-menu').then((module) => ({ default: module.NavDrawer })));
const NotificationBell = lazy(() => import('./signed-in-header'));
const NotificationToasts = lazy(() => import('./signed-in-header').then((module) => ({ default: module.NotificationToasts })));
const SignedInUserMenu = lazy(() => import('./signed-in-header').then((module) => ({ default: module.SignedInUserMenu })));

/** The entry whose path is the longest prefix of the current location. */
function selectedPath(entries: NavigationEntry[], pathname: string): string[] {
  const matches = entries.filter((entry) => (entry.path === '/' ? pathname === '/' || pathname.startsWith('/jobs') : pathname === entry.path || pathname.startsWith(`${entry.path}/`)));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best ? [best.path] : [];
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const [hasOpenedDrawer, setHasOpenedDrawer] = useState(false);
  const isDesktop = useMediaQuery(DESKTOP_QUERY);

  const entries = navigationFor(user?.role ?? null);
  const items = entries.map((entry) => ({ key: entry.path, label: t(entry.labelKey) }));
  const selectedKeys = selectedPath(entries, location.pathname);
  const handleNavigate = ({ key }: { key: string }) => {
    setIsDrawerOpen(false);
    navigate(key);
  };

  return (
    <div className="app-shell">
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="brand-mark">▶</span>
          {t('appShortName')}
          <span className="brand-sub">{t('nav.live')}</span>
        </Link>
        {isDesktop ? (
          <Suspense fallback={<div className="nav" />}>
            <HeaderNav items={items} selectedKeys={selectedKeys} onNavigate={handleNavigate} />
          </Suspense>
        ) : null}
        <div className="header-actions">
          <Suspense fallback={null}>{user ? <NotificationBell /> : null}</Suspense>
          <LanguageSwitch />
          {user ? (
            <Suspense fallback={null}><SignedInUserMenu /></Suspense>
          ) : (
            <Link to="/sign-in">
              <Button type="primary" size="small" data-testid="header-sign-in">{t('auth.signIn')}</Button>
            </Link>
          )}
          {!isDesktop && entries.length > 1 ? (
            <Button size="small" icon={<MenuOutlined />} aria-label={t('nav.menu')} data-testid="nav-toggle" onClick={() => { setHasOpenedDrawer(true); setIsDrawerOpen(true); }} />
          ) : null}
        </div>
      </header>
      {hasOpenedDrawer ? (
        <Suspense fallback={null}>
          <NavDrawer isOpen={isDrawerOpen} title={t('appName')} onClose={() => setIsDrawerOpen(false)} items={items} selectedKeys={selectedKeys} onNavigate={handleNavigate} />
        </Suspense>
      ) : null}
      <main className="app-main">
        <OfflineNotice />
        <Outlet />
      </main>
      <Suspense fallback={null}>{user ? <NotificationToasts /> : null}</Suspense>
      <footer className="app-footer">
        <div>{t('footer.about')} · <a href="/docs">{t('footer.api')}</a></div>
        <div>{t('footer.rules')}</div>
      </footer>
      {isDesktop ? null : <SeekerTabBar />}
    </div>
  );
}
