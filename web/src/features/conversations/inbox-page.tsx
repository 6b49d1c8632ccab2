// /inbox — the console's conversations (every member of the company answers), unread counts, and the selected
// conversation (?c=<id>, where notifications link) next to its application.
import { MessageOutlined } from '@ant-design/icons';
import { Badge, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/page-states';
import { LastMessagePreview, LastMessageTime } from './conversation-preview';
import { EmployerChat } from './employer-chat';
import { CONVERSATIONS_NS } from './i18n';
import { useConversationList } from './use-conversation-list';
import './conversations.css';

export default function InboxPage() {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const [searchParams, setSearchParams] = useSearchParams();
  const list = useConversationList();
  const selectedId = Number(searchParams.get('c')) || null;

  if (!list.isLoaded && list.isLoading) return <PageLoading />;
  if (list.error && !list.isLoaded) return <PageError error={list.error} onRetry={list.reload} />;

  const select = (conversationId: number) => setSearchParams((params) => {
    params.set('c', String(conversationId));
    return params;
  });

  return (
    <div className="inbox-page" data-testid="inbox-page">
      <div className="inbox-title">
        <Typography.Title level={3} style={{ margin: 0 }}><MessageOutlined /> {t('inbox.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inbox.subtitle')}</Typography.Text>
      </div>
      <div className="inbox-layout">
        <aside className="inbox-list">
          {list.conversations.length === 0 ? <Empty style={{ marginTop: 48 }} description={<><div>{t('inbox.empty')}</div><div className="conversation-empty-hint">{t('inbox.emptyHint')}</div></>} /> : (
            <ul className="conversation-list" data-testid="inbox-list">
              {list.conversations.map((conversation) => (
                <li key={conversation.id}>
                  <button type="button" className={`conversation-item${conversation.id === selectedId ? ' is-selected' : ''}`} onClick={() => select(conversation.id)}
                    data-testid="inbox-item" data-conversation-id={conversation.id} data-unread={conversation.unread} aria-current={conversation.id === selectedId}>
                    <span className="conversation-main">
                      <span className="conversation-head">
                        <span className="conversation-name">{conversation.seeker.name}</span>
                        <LastMessageTime conversation={conversation} />
                      </span>
                      <span className="conversation-job">
                        {conversation.job.title} · {conversation.applicationId ? t('inbox.application') : t('inbox.notApplied')}
                      </span>
                      <span className="conversation-head">
                        <LastMessagePreview conversation={conversation} />
                        {conversation.unread > 0 ? <Badge count={conversation.unread} size="small" data-testid="inbox-item-unread" title={t('inbox.unreadCount', { count: conversation.unread })} /> : null}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
        <section className="inbox-main">
          {selectedId ? <EmployerChat key={selectedId} conversationId={selectedId} onChanged={list.reload} /> : <Empty style={{ marginTop: 96 }} description={t('inbox.select')} />}
        </section>
      </div>
    </div>
  );
}
