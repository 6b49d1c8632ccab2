import { App, Button, Card, Form, Input, Popconfirm, Radio, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import { integrationsApi, type ApiToken, type ApiTokenAccess } from './api';
import { INTEGRATIONS_NS } from './i18n';
import { SecretOnceModal } from './secret-once-modal';

// 事件推送 is its own chunk, loaded when its tab opens.
const WebhooksPanel = lazy(() => import('./webhooks-panel'));

type NewToken = { name: string; access: ApiTokenAccess };
const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null);

/** 开放接口: API tokens and 事件推送 (webhooks) of an employer's company or a bureau's province, as tabs (?tab=webhooks). */
export default function IntegrationsPage() {
  const { t } = useTranslation(INTEGRATIONS_NS);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'webhooks' ? 'webhooks' : 'tokens';
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{tab === 'webhooks' ? t('webhooks.title') : t('tokens.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === 'webhooks' ? { tab: key } : {})}
        items={[
          { key: 'tokens', label: <span data-testid="tab-tokens">{t('tabs.tokens')}</span>, children: <ApiTokensPanel /> },
          { key: 'webhooks', label: <span data-testid="tab-webhooks">{t('tabs.webhooks')}</span>, children: <Suspense fallback={<Spin />}><WebhooksPanel /></Suspense> },
        ]}
      />
    </Space>
  );
}

/** An employer's (company) or a bureau's (province) API tokens — made, shown once, revoked. */
function ApiTokensPanel() {
  const { t } = useTranslation(INTEGRATIONS_NS);
  const { message } = App.useApp();
  const { data, error, isLoading, reload } = useApi(() => integrationsApi.listTokens(), 'api-tokens');
  const [form] = Form.useForm<NewToken>();
  const [isCreating, setIsCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const language = currentLanguage();

  const handleCreate = async (values: NewToken) => {
    setIsCreating(true);
    try {
      const created = await integrationsApi.createToken({ name: values.name.trim(), access: values.access });
      setSecret(created.secret);
      form.resetFields();
      reload();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    } finally {
      setIsCreating(false);
    }
  };

  const handleRevoke = async (token: ApiToken) => {
    try {
      await integrationsApi.revokeToken(token.id);
      message.success(t('tokens.revokedToast'));
      reload();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    }
  };


  const columns: ColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'tokenPrefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: t('tokens.access'), dataIndex: 'access', render: (access: ApiTokenAccess) => <Tag color={access === 'write' ? 'orange' : 'blue'}>{t(`tokens.${access}`)}</Tag> },
    { title: t('tokens.createdBy'), dataIndex: 'createdByName' },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: formatTime },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (value: string | null) => formatTime(value) ?? t('tokens.never') },
    {
      title: t('tokens.status'),
      key: 'status',
      render: (_, token) => (token.revokedAt
        ? <Tag data-testid="token-status" data-status="revoked">{t('tokens.revoked')}</Tag>
        : (
          <Space>
            <Tag color="green" data-testid="token-status" data-status="active">{t('tokens.active')}</Tag>
            <Popconfirm title={t('tokens.revokeConfirm')} onConfirm={() => handleRevoke(token)}>
              <Button size="small" danger data-testid="revoke-token">{t('tokens.revoke')}</Button>
            </Popconfirm>
          </Space>
        )),
    },
  ];

  if (error && !data) return <PageError error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('tokens.intro')} <a href="/docs" target="_blank" rel="noreferrer">{t('tokens.docs')}</a>
      </Typography.Paragraph>
      <Card size="small" title={t('tokens.create')}>
        <Form<NewToken> form={form} layout="inline" onFinish={handleCreate} initialValues={{ access: 'read' }}>
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('tokens.namePlaceholder') }]}>
            <Input maxLength={60} placeholder={t('tokens.namePlaceholder')} data-testid="token-name" />
          </Form.Item>
          <Form.Item name="access" label={t('tokens.access')}>
            <Radio.Group optionType="button" options={[{ value: 'read', label: t('tokens.read') }, { value: 'write', label: t('tokens.write') }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isCreating} data-testid="create-token">{t('tokens.create')}</Button>
        </Form>
      </Card>
      <Table<ApiToken> rowKey="id" size="small" loading={isLoading} columns={columns} dataSource={data?.tokens ?? []} pagination={false} locale={{ emptyText: t('tokens.empty') }} scroll={{ x: true }} />
      <SecretOnceModal secret={secret} title={t('tokens.secretTitle')} hint={t('tokens.secretHint')} testId="token-secret" onDone={() => setSecret(null)} />
    </Space>
  );
}
