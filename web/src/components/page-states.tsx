import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../app/server-errors';
import { currentLanguage } from '../app/i18n';

// Plain markup (global.css .page-state, .spinner): antd's Result (with its illustrations) and Spin would sit in
// every seeker page's first screen for a state most visits never show.

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <div className="page-state-text">{t('common.loading')}</div>
    </div>
  );
}

/** A warning sign, a title, a line of detail and (with onRetry) a retry button: never a blank page. */
export function PageWarning({ title, detail, action }: { title: string; detail?: string; action?: ReactNode }) {
  return (
    <div className="page-state" role="alert">
      <span className="page-state-icon" aria-hidden="true">!</span>
      <div className="page-state-title">{title}</div>
      {detail ? <div className="page-state-text">{detail}</div> : null}
      {action ? <div className="page-state-action">{action}</div> : null}
    </div>
  );
}

export function PageError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <PageWarning
      title={t('common.loadFailed')}
      detail={pickLanguage(error.message, currentLanguage())}
      action={onRetry ? <Button onClick={onRetry} data-testid="page-retry">{t('common.retry')}</Button> : null}
    />
  );
}
