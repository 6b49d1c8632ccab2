import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A page whose code could not be fetched (weak or no connection) offers a retry instead of a blank screen. */
export default function RouteError() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={t('common.pageLoadFailed')}
      extra={<Button type="primary" onClick={() => window.location.reload()} data-testid="route-retry">{t('common.retry')}</Button>}
    />
  );
}
