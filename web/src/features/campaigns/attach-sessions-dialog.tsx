import { App, Button, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { formatDateTime } from '../pipeline/format';
import { campaignsApi, type AttachableSession } from './api';
import { CAMPAIGNS_NS } from './i18n';

/** 添加直播: the sessions the manager may add (within the period; a bureau's province or its own), one tap each. */
export function AttachSessionsDialog({ campaignId, isOpen, onClose, onChanged }: { campaignId: string; isOpen: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation(CAMPAIGNS_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const sessions = useApi(() => (isOpen ? campaignsApi.listAttachable(campaignId, query) : Promise.resolve({ sessions: [] })), `${campaignId}-${query}-${isOpen}`);

  const handleAttach = async (session: AttachableSession) => {
    setBusyId(session.id);
    try {
      await campaignsApi.attach(campaignId, session.id);
      message.success(t('manage.added'));
      sessions.reload();
      onChanged();
    } catch (error) {
      message.error(pickLanguage(error instanceof ApiError ? error.message : String(error), language));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Modal open={isOpen} onCancel={onClose} footer={null} title={t('manage.attachTitle')} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('manage.attachHint')}</Typography.Paragraph>
      <Input.Search value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('manage.search')} allowClear style={{ marginBottom: 12 }} data-testid="attach-search" />
      <Table<AttachableSession>
        rowKey="id"
        size="small"
        loading={sessions.isLoading}
        dataSource={sessions.data?.sessions ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        data-testid="attachable-sessions"
        columns={[
          { title: t('manage.columns.session'), dataIndex: 'title' },
          { title: t('manage.columns.startsAt'), key: 'startsAt', width: 130, render: (_value, session) => formatDateTime(session.startsAt, language) },
          { title: t('manage.columns.host'), dataIndex: 'hostName', width: 140 },
          {
            title: '',
            key: 'action',
            width: 150,
            render: (_value, session) => {
              if (session.campaignId === campaignId) return <Typography.Text type="success">{t('manage.added')}</Typography.Text>;
              if (session.campaignId) return <Typography.Text type="secondary">{t('manage.inOther', { name: session.campaignName })}</Typography.Text>;
              return (
                <Button size="small" type="primary" loading={busyId === session.id} onClick={() => handleAttach(session)} data-testid="attach-session" data-session-id={session.id}>
                  {t('manage.add')}
                </Button>
              );
            },
          },
        ]}
      />
    </Modal>
  );
}
