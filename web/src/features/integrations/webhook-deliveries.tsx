import { App, Button, Drawer, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { DESKTOP_QUERY, useMediaQuery } from '../../app/use-media-query';
import { PageError } from '../../components/page-states';
import { webhooksApi, type Webhook, type WebhookDelivery } from './api';
import { INTEGRATIONS_NS } from './i18n';

const STATUS_COLORS = { pending: 'gold', delivered: 'green', failed: 'red' } as const;
const formatTime = (value: string | null) => (value ? dayjs(value).format('MM-DD HH:mm:ss') : '—');

/** A webhook's deliveries with their last answer (status, excerpt, time), and 重新投递. */
export function WebhookDeliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation(INTEGRATIONS_NS);
  const { message } = App.useApp();
  const isPhone = !useMediaQuery(DESKTOP_QUERY);
  const { data, error, isLoading, reload } = useApi(() => webhooksApi.listDeliveries(webhook.id), `webhook-deliveries-${webhook.id}`);

  const handleRedeliver = async (delivery: WebhookDelivery) => {
    try {
      await webhooksApi.redeliver(webhook.id, delivery.id);
      message.success(t('webhooks.redelivered'));
      reload();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    }
  };

  const columns: ColumnsType<WebhookDelivery> = [
    { title: t('webhooks.event'), dataIndex: 'type', onCell: () => ({ style: { minWidth: 140 } }), render: (type: WebhookDelivery['type'], delivery) => (
      <>
        <div>{t(`webhooks.eventNames.${type}`)}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {delivery.applicationId ? t('webhooks.application', { id: delivery.applicationId }) : t('webhooks.session')} · {formatTime(delivery.eventCreatedAt)}
        </Typography.Text>
      </>
    ) },
    { title: t('webhooks.status'), dataIndex: 'status', render: (status: WebhookDelivery['status'], delivery) => (
      <>
        <Tag color={STATUS_COLORS[status]} data-testid="delivery-status">{t(`webhooks.deliveryStatus.${status}`)}</Tag>
        {delivery.nextAttemptAt && <div style={{ fontSize: 12 }}>{t('webhooks.nextAttempt')} {formatTime(delivery.nextAttemptAt)}</div>}
        {/* Beside the status, so that a phone shows it without scrolling the table sideways. */}
        <Button size="small" style={{ marginTop: 4 }} onClick={() => void handleRedeliver(delivery)} data-testid="redeliver">{t('webhooks.redeliver')}</Button>
      </>
    ) },
    { title: t('webhooks.attempts'), dataIndex: 'attempts' },
    { title: t('webhooks.response'), key: 'response', onCell: () => ({ style: { minWidth: 180 } }), render: (_, delivery) => (
      <>
        {delivery.lastStatusCode !== null && <Tag color={delivery.lastStatusCode < 300 ? 'green' : 'red'}>HTTP {delivery.lastStatusCode}</Tag>}
        {delivery.lastDurationMs !== null && <Typography.Text type="secondary">{delivery.lastDurationMs} ms</Typography.Text>}
        <Typography.Paragraph type={delivery.lastError ? 'danger' : 'secondary'} ellipsis={{ rows: 2, tooltip: true }} style={{ margin: 0, fontSize: 12, maxWidth: 260 }}>
          {delivery.lastError ?? delivery.lastResponseExcerpt ?? ''}
        </Typography.Paragraph>
      </>
    ) },
  ];

  return (
    <Drawer open title={t('webhooks.deliveriesOf', { url: webhook.url })} size={isPhone ? '100%' : 860} onClose={onClose} data-testid="webhook-deliveries-drawer">
      {error && !data ? <PageError error={error} onRetry={reload} /> : (
        <Table<WebhookDelivery> rowKey="id" size="small" loading={isLoading} columns={columns} dataSource={data?.deliveries ?? []} pagination={false} locale={{ emptyText: t('webhooks.noDeliveries') }} scroll={{ x: true }} />
      )}
    </Drawer>
  );
}
