import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import { WEBHOOK_EVENT_TYPES } from '../../../../contracts/webhooks';
import { webhooksApi, type Webhook, type WebhookEventType } from './api';
import { INTEGRATIONS_NS } from './i18n';
import { SecretOnceModal } from './secret-once-modal';
import { WebhookDeliveries } from './webhook-deliveries';

type NewWebhook = { url: string; events: WebhookEventType[] };
const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null);

/** 事件推送: the company's (employer) or province's (bureau) webhooks — made (secret shown once), disabled, deleted, their deliveries. */
export default function WebhooksPanel() {
  const { t } = useTranslation(INTEGRATIONS_NS);
  const { message } = App.useApp();
  const { data, error, isLoading, reload } = useApi(() => webhooksApi.list(), 'webhooks');
  const [form] = Form.useForm<NewWebhook>();
  const [isCreating, setIsCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [shown, setShown] = useState<Webhook | null>(null);
  const language = currentLanguage();

  const run = async (work: () => Promise<unknown>, success?: string) => {
    try {
      await work();
      if (success) message.success(success);
      reload();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    }
  };

  const handleCreate = async (values: NewWebhook) => {
    setIsCreating(true);
    await run(async () => {
      const created = await webhooksApi.create({ url: values.url.trim(), events: values.events });
      setSecret(created.secret);
      form.resetFields();
    });
    setIsCreating(false);
  };


  const columns: ColumnsType<Webhook> = [
    { title: t('webhooks.url'), dataIndex: 'url', onCell: () => ({ style: { minWidth: 180 } }), render: (url: string) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{url}</Typography.Text> },
    { title: t('webhooks.events'), dataIndex: 'events', render: (events: WebhookEventType[]) => events.map((type) => <Tag key={type}>{t(`webhooks.eventNames.${type}`)}</Tag>) },
    {
      title: t('webhooks.status'),
      key: 'status',
      render: (_, webhook) => (
        <Space orientation="vertical" size={0}>
          {webhook.disabledAt ? <Tag>{t('webhooks.disabled')}</Tag> : <Tag color="green">{t('webhooks.active')}</Tag>}
          <Typography.Text type={webhook.failedCount > 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{t('webhooks.queue', { pending: webhook.pendingCount, failed: webhook.failedCount })}</Typography.Text>
        </Space>
      ),
    },
    { title: t('webhooks.lastDelivered'), dataIndex: 'lastDeliveredAt', responsive: ['md'], render: (value: string | null) => formatTime(value) ?? t('webhooks.never') },
    { title: t('webhooks.createdBy'), dataIndex: 'createdByName', responsive: ['md'] },
    {
      key: 'actions',
      render: (_, webhook) => (
        <Space wrap>
          <Button size="small" type="primary" ghost onClick={() => setShown(webhook)} data-testid="webhook-deliveries">{t('webhooks.deliveries')}</Button>
          <Button size="small" onClick={() => void run(() => webhooksApi.setDisabled(webhook.id, !webhook.disabledAt))}>{webhook.disabledAt ? t('webhooks.enable') : t('webhooks.disable')}</Button>
          <Popconfirm title={t('webhooks.removeConfirm')} onConfirm={() => run(() => webhooksApi.remove(webhook.id), t('webhooks.removed'))}>
            <Button size="small" danger>{t('webhooks.remove')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  if (error && !data) return <PageError error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('webhooks.intro')}</Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0 }}><Typography.Text code>Jobcast-Signature: t=…,v1=…</Typography.Text> {t('webhooks.signature')}</Typography.Paragraph>
      <Card size="small" title={t('webhooks.create')}>
        <Form<NewWebhook> form={form} layout="vertical" onFinish={handleCreate} initialValues={{ events: ['application.submitted', 'application.status_changed'] }}>
          <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, whitespace: true, pattern: /^https?:\/\//i, message: t('webhooks.urlRequired') }]}>
            <Input maxLength={2000} placeholder={t('webhooks.urlPlaceholder')} inputMode="url" data-testid="webhook-url" />
          </Form.Item>
          <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.eventsRequired') }]}>
            <Checkbox.Group options={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: t(`webhooks.eventNames.${type}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isCreating} data-testid="create-webhook">{t('webhooks.create')}</Button>
        </Form>
      </Card>
      <Table<Webhook> rowKey="id" size="small" loading={isLoading} columns={columns} dataSource={data?.webhooks ?? []} pagination={false} locale={{ emptyText: t('webhooks.empty') }} scroll={{ x: true }} />
      {shown && <WebhookDeliveries webhook={shown} onClose={() => { setShown(null); reload(); }} />}
      <SecretOnceModal secret={secret} title={t('webhooks.secretTitle')} hint={t('webhooks.secretHint')} testId="webhook-secret" onDone={() => setSecret(null)} />
    </Space>
  );
}
