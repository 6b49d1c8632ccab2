// /admin/word-filters — the chat word filter table (chat_word_filters): admins add words, switch a word
// between blocking the message and masking the word, and remove words. The server applies changes at once.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import { listWordFilters, removeWordFilter, saveWordFilter, type WordFilter, type WordFilterAction } from './api';
import { formatStart } from './format';
import { LIVE_NS } from './i18n';

const ACTIONS: WordFilterAction[] = ['block', 'mask'];

export default function WordFiltersPage() {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const { data, error, isLoading, reload } = useApi(listWordFilters, 'word-filters');
  const [form] = Form.useForm<{ word: string; action: WordFilterAction }>();
  const [busyWord, setBusyWord] = useState<string | null>(null);
  const [isAdding, setIsAdding] = useState(false);
  const actionOptions = ACTIONS.map((action) => ({ value: action, label: t(`wordFilters.actions.${action}`) }));

  const run = async (word: string, work: () => Promise<unknown>, done: string) => {
    setBusyWord(word);
    try {
      await work();
      message.success(done);
      reload();
      return true;
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
      return false;
    } finally {
      setBusyWord(null);
    }
  };

  const handleAdd = async ({ word, action }: { word: string; action: WordFilterAction }) => {
    const trimmed = word.trim();
    setIsAdding(true);
    if (await run(trimmed, () => saveWordFilter(trimmed, action), t('wordFilters.added', { word: trimmed }))) form.resetFields(['word']);
    setIsAdding(false);
  };

  const columns: ColumnsType<WordFilter> = [
    { title: t('wordFilters.word'), dataIndex: 'word', render: (word: string) => <Typography.Text strong data-testid="word-filter-word">{word}</Typography.Text> },
    {
      title: t('wordFilters.action'), dataIndex: 'action', width: 200,
      render: (action: WordFilterAction, row) => (
        <Select
          size="small"
          value={action}
          options={actionOptions}
          style={{ width: 170 }}
          disabled={busyWord === row.word}
          onChange={(next: WordFilterAction) => run(row.word, () => saveWordFilter(row.word, next), t('wordFilters.changed', { word: row.word, action: t(`wordFilters.actions.${next}`) }))}
          data-testid="word-filter-action"
        />
      ),
    },
    { title: t('wordFilters.addedAt'), dataIndex: 'createdAt', width: 160, render: (createdAt: string) => formatStart(createdAt, new Date(), language) },
    {
      title: '', key: 'remove', width: 90,
      render: (_value, row) => (
        <Popconfirm title={t('wordFilters.removeConfirm', { word: row.word })} okButtonProps={{ danger: true }} onConfirm={() => run(row.word, () => removeWordFilter(row.id), t('wordFilters.removed', { word: row.word }))}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} loading={busyWord === row.word} data-testid="word-filter-remove">{t('wordFilters.remove')}</Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div className="stack" data-testid="word-filters">
      <Typography.Title level={3} className="page-title">{t('wordFilters.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>{t('wordFilters.subtitle')} {t('wordFilters.matching')}</Typography.Paragraph>
      <Card size="small">
        <Form form={form} layout="inline" initialValues={{ action: 'block' }} onFinish={handleAdd} style={{ rowGap: 8 }}>
          <Form.Item name="word" label={t('wordFilters.word')} rules={[{ required: true, whitespace: true, message: t('wordFilters.wordRequired') }]}>
            <Input placeholder={t('wordFilters.wordPlaceholder')} maxLength={50} style={{ width: 260 }} data-testid="word-filter-input" />
          </Form.Item>
          <Form.Item name="action" label={t('wordFilters.action')}>
            <Select options={actionOptions} style={{ width: 170 }} data-testid="word-filter-new-action" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={isAdding} data-testid="word-filter-add">{t('wordFilters.add')}</Button>
          </Form.Item>
        </Form>
      </Card>
      {error ? <PageError error={error} onRetry={reload} /> : (
        <Table<WordFilter>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.words ?? []}
          loading={isLoading}
          locale={{ emptyText: t('wordFilters.empty') }}
          pagination={{ pageSize: 100, hideOnSinglePage: true, showTotal: (total) => t('wordFilters.count', { count: total }) }}
          data-testid="word-filters-table"
        />
      )}
    </div>
  );
}
