import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown wherever generated demo data is on screen (PRODUCT.md: synthetic data must say so). */
export function SyntheticNotice({ isShown }: { isShown: boolean }) {
  const { t } = useTranslation();
  if (!isShown) return null;
  return <Alert type="warning" showIcon title={t('synthetic.notice')} data-testid="synthetic-notice" />;
}

export function SyntheticTag({ isSynthetic }: { isSynthetic: boolean }) {
  const { t } = useTranslation();
  return isSynthetic ? <Tag color="default">{t('synthetic.tag')}</Tag> : null;
}
