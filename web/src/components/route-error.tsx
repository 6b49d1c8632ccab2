import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageWarning } from './page-states';

/** A page whose code could not be fetched (weak or no connection) offers a retry instead of a blank screen. */
export default function RouteError() {
  const { t } = useTranslation();
  return (
    <PageWarning
      title={t('common.loadFailed')}
      detail={t('common.pageLoadFailed')}
      action={<Button type="primary" onClick={() => window.location.reload()} data-testid="route-retry">{t('common.retry')}</Button>}
    />
  );
}
