import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../app/auth';
import type { Role } from '../app/types';
import { PageLoading } from './page-states';

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
      <Result
        status="403"
        title={t('common.forbidden')}
        subTitle={t('common.forbiddenHint', { roles: roles.map((role) => t(`roles.${role}`)).join(' / ') })}
        extra={<Link to="/"><Button>{t('common.goHome')}</Button></Link>}
      />
    );
  }
  return children;
}
