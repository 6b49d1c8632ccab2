import { useTranslation } from 'react-i18next';

/** Shown wherever generated demo data is on screen (PRODUCT.md: synthetic data must say so). Plain markup (global.css
 * .notice), the same the server sends in its first answer (server/src/modules/jobs/jobs.pages.ts). */
export function SyntheticNotice({ isShown }: { isShown: boolean }) {
  const { t } = useTranslation();
  if (!isShown) return null;
  return (
    <div className="notice notice-warning notice-flush" role="alert" data-testid="synthetic-notice">
      <span className="notice-icon" aria-hidden="true">!</span>
      <span>{t('synthetic.notice')}</span>
    </div>
  );
}

export function SyntheticTag({ isSynthetic }: { isSynthetic: boolean }) {
  const { t } = useTranslation();
  return isSynthetic ? <span className="plain-tag">{t('synthetic.tag')}</span> : null;
}
