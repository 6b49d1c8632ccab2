import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../app/auth';
import type { Role } from '../app/types';
import { PageLoading, PageWarning } from './page-states';

/** Pages for some roles only: visitors are sent to sign in (and back), other roles see why not. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { user, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <PageLoading />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (!roles.includes(user.role)) {
    return (
      // Plain markup (page-states.tsx): antd's Result brought its three illustrations (~30 KB) into every page's entry.
      <PageWarning
        title={t('common.forbidden')}
        detail={t('common.forbiddenHint', { roles: roles.map((role) => t(`roles.${role}`)).join(' / ') })}
        action={<Link to="/"><Button>{t('common.goHome')}</Button></Link>}
      />
    );
  }
  return children;
}
