// /messages/:conversationId — the seeker's chat with the company behind a job: history oldest first, live
// delivery, read receipts, the platform's fee tip, the employer's request to exchange phone numbers (accept /
// refuse), report and block. Employers and hosts who follow such a link land in their inbox.
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { PageError, PageLoading } from '../../components/page-states';
import { conversationsApi } from './api';
import { Composer } from './composer';
import { CONVERSATIONS_NS } from './i18n';
import { MessageList } from './message-list';
import { SafetyMenu } from './safety-menu';
import { useConversation } from './use-conversation';
import './conversations.css';

function SeekerChat({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const controller = useConversation(conversationId);
  const { conversation } = controller;
  const [draft, setDraft] = useState('');
  const [isDeciding, setIsDeciding] = useState(false);

  if (controller.isLoading && !conversation) return <PageLoading />;
  if (controller.error instanceof ApiError && controller.error.code === 'not_found') {
    return <Result status="404" title={t('chat.notFound')} extra={<Link to="/messages"><Button type="primary">{t('chat.toMessages')}</Button></Link>} />;
  }
  if (!conversation) return <PageError error={controller.error ?? new Error('')} onRetry={() => void controller.reload()} />;

  const handleDecide = async (requestId: number, decision: 'accept' | 'refuse') => {
    setIsDeciding(true);
    try {
      await conversationsApi.decideContact(conversationId, requestId, decision);
      controller.reloadConversation();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsDeciding(false);
    }
  };
  const disabledReason = conversation.blockedBy === 'seeker' ? t('chat.blockedByMe') : conversation.blockedBy ? t('chat.blockedByOther') : null;
  const handleBack = () => (window.history.length > 1 ? navigate(-1) : navigate('/messages'));

  return (
    <div className="chat-page" data-testid="chat-page" data-conversation-id={conversation.id}>
      <header className="chat-head">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={handleBack} aria-label={t('chat.back')} data-testid="chat-back" />
        <div className="chat-head-main">
          <div className="chat-head-title" data-testid="chat-title">{conversation.companyName ?? conversation.hostName ?? t('chat.companyFallback')}</div>
          <Link to={`/jobs/${conversation.job.id}`} className="chat-head-job" data-testid="chat-job">
            {conversation.job.title}{conversation.applicationId ? ` · ${t('chat.applied')}` : ''}
          </Link>
        </div>
        <SafetyMenu conversation={conversation} onChanged={controller.setConversation} />
      </header>
      <div className="chat-safety"><SafetyCertificateOutlined /> {t('chat.safety')}</div>
      {!conversation.job.isOpen ? <div className="chat-banner">{t('chat.jobClosed')}</div> : null}
      <MessageList conversation={conversation} messages={controller.messages} pending={controller.pending} otherLastReadId={controller.otherLastReadId}
        onRetry={(item) => void controller.send(item.body, item.clientKey).catch(() => undefined)} onDecide={(requestId, decision) => void handleDecide(requestId, decision)}
        isDeciding={isDeciding} emptyHint={t('chat.start')} />
      <Composer value={draft} onChange={setDraft} onSend={(body) => controller.send(body)} disabledReason={disabledReason} />
    </div>
  );
}

/** For seekers, employers and hosts (router.tsx checks the roles). */
export default function ChatPage() {
  const { conversationId = '' } = useParams();
  const { user } = useAuth();
  const id = Number(conversationId);
  // The employer's and host's side of a conversation is the console's inbox.
  if (user && user.role !== 'seeker') return <Navigate to={`/inbox?c=${encodeURIComponent(conversationId)}`} replace />;
  if (!Number.isInteger(id) || id <= 0) return <Navigate to="/messages" replace />;
  return <SeekerChat key={id} conversationId={id} />;
}
