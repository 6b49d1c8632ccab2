// /messages — the seeker's conversations with employers (沟通), latest first, with unread counts.
import { MessageOutlined } from '@ant-design/icons';
import { Badge, Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/page-states';
import { LastMessagePreview, LastMessageTime } from './conversation-preview';
import { CONVERSATIONS_NS } from './i18n';
import { useConversationList } from './use-conversation-list';
import './conversations.css';

export default function MessagesPage() {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const list = useConversationList();

  if (!list.isLoaded && list.isLoading) return <PageLoading />;
  if (list.error && !list.isLoaded) return <PageError error={list.error} onRetry={list.reload} />;

  return (
    <div className="stack messages-page" data-testid="messages-page">
      <div>
        <h1 className="page-heading"><MessageOutlined /> {t('list.title')}</h1>
        <p className="page-subtitle">{t('list.subtitle')}</p>
      </div>
      {list.conversations.length === 0 ? (
        <Empty description={<><div>{t('list.empty')}</div><div className="conversation-empty-hint">{t('list.emptyHint')}</div></>}>
          <Link to="/"><Button type="primary">{t('list.toJobs')}</Button></Link>
        </Empty>
      ) : (
        <ul className="conversation-list" data-testid="conversation-list">
          {list.conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link to={`/messages/${conversation.id}`} className="conversation-item" data-testid="conversation-item" data-conversation-id={conversation.id} data-unread={conversation.unread}>
                <Badge count={conversation.unread} size="small" offset={[-2, 2]}>
                  <span className="conversation-avatar" aria-hidden>{(conversation.companyName ?? conversation.hostName ?? '?').slice(0, 1)}</span>
                </Badge>
                <span className="conversation-main">
                  <span className="conversation-head">
                    <span className="conversation-name">{conversation.companyName ?? conversation.hostName ?? t('chat.companyFallback')}</span>
                    <LastMessageTime conversation={conversation} />
                  </span>
                  <span className="conversation-job">{conversation.job.title}{conversation.applicationId ? ` · ${t('chat.applied')}` : ''}</span>
                  <LastMessagePreview conversation={conversation} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
