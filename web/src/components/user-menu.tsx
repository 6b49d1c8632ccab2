import { UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../app/auth';

/** Name, role and sign-out for a signed-in user (visitors get the sign-in button: see app-layout). */
export function SignedInUserMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (!user) return null;

  const handleSignOut = async () => {
    await signOut();
    message.success(t('auth.signedOut'));
    navigate('/');
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'role', label: `${user.displayName} · ${t(`roles.${user.role}`)}`, disabled: true },
          { type: 'divider' },
          // 开放接口 (API tokens) lives here rather than in the header, whose entries must fit 1366 px.
          ...(user.role === 'employer' || user.role === 'bureau'
            ? [{ key: 'integrations', label: <span data-testid="menu-integrations">{t('nav.integrations')}</span>, onClick: () => navigate('/console/integrations') }]
            : []),
          { key: 'sign-out', label: <span data-testid="sign-out">{t('auth.signOut')}</span>, onClick: () => void handleSignOut() },
        ],
      }}
    >
      <Button size="small" icon={<UserOutlined />} data-testid="user-menu" aria-label={user.displayName}>
        <span className="user-menu-name" style={{ maxWidth: 96, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.displayName}</span>
      </Button>
    </Dropdown>
  );
}
