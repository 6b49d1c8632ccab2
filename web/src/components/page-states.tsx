import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../app/server-errors';
import { currentLanguage } from '../app/i18n';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}

export function PageError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={pickLanguage(error.message, currentLanguage())}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : null}
    />
  );
}
