import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Menu } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../app/auth';
import { navigationFor, type NavigationEntry } from '../app/navigation';
import { NotificationBell } from '../features/live/notification-bell';
import { NotificationToasts } from '../features/live/notification-toasts';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

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
  const screens = Grid.useBreakpoint();
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const isDesktop = screens.md ?? true;

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
          <Menu className="nav" mode="horizontal" items={items} selectedKeys={selectedKeys} onClick={handleNavigate} data-testid="main-nav" />
        ) : null}
        <div className="header-actions">
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
          {!isDesktop && entries.length > 1 ? (
            <Button size="small" icon={<MenuOutlined />} aria-label="menu" data-testid="nav-toggle" onClick={() => setIsDrawerOpen(true)} />
          ) : null}
        </div>
      </header>
      <Drawer open={isDrawerOpen} onClose={() => setIsDrawerOpen(false)} placement="right" size={260} title={t('appName')}>
        <Menu mode="vertical" items={items} selectedKeys={selectedKeys} onClick={handleNavigate} style={{ borderInlineEnd: 'none' }} />
      </Drawer>
      <main className="app-main">
        <Outlet />
      </main>
      <NotificationToasts />
      <footer className="app-footer">
        <div>{t('footer.about')} · <a href="/docs">{t('footer.api')}</a></div>
        <div>{t('footer.rules')}</div>
      </footer>
    </div>
  );
}
