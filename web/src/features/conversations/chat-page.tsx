// /messages/:conversationId — the seeker's chat with the company behind a job: history oldest first, live
// delivery, read receipts, the platform's fee tip, the employer's request to exchange phone numbers or WeChat
// (accept / refuse; a missing WeChat ID is asked for), report and block. Employers and hosts who follow such a link land in their inbox.
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
import { conversationsApi, type ContactKind } from './api';
import { Composer } from './composer';
import { CONVERSATIONS_NS } from './i18n';
import { MessageList } from './message-list';
import { SafetyMenu } from './safety-menu';
import { useConversation } from './use-conversation';
import { WechatIdDialog } from './wechat-id-dialog';
import './conversations.css';

function SeekerChat({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const controller = useConversation(conversationId);
  const { conversation } = controller;
  const [draft, setDraft] = useState('');
  const [isDeciding, setIsDeciding] = useState(false);
  /** The 交换微信 request waiting for the seeker's WeChat ID (none in the profile yet). */
  const [askingWechatFor, setAskingWechatFor] = useState<number | null>(null);

  if (controller.isLoading && !conversation) return <PageLoading />;
  if (controller.error instanceof ApiError && controller.error.code === 'not_found') {
    return <Result status="404" title={t('chat.notFound')} extra={<Link to="/messages"><Button type="primary">{t('chat.toMessages')}</Button></Link>} />;
  }
  if (!conversation) return <PageError error={controller.error ?? new Error('')} onRetry={() => void controller.reload()} />;

  const handleDecide = async (requestId: number, decision: 'accept' | 'refuse', kind: ContactKind) => {
    setIsDeciding(true);
    try {
      await conversationsApi.decideContact(conversationId, requestId, decision);
      controller.reloadConversation();
    } catch (caught) {
      if (kind === 'wechat' && caught instanceof ApiError && caught.body.reason === 'wechat_id_missing') setAskingWechatFor(requestId);
      else message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsDeciding(false);
    }
  };
  const handleShareWechat = async (wechatId: string) => {
    if (askingWechatFor === null) return;
    await conversationsApi.decideContact(conversationId, askingWechatFor, 'accept', wechatId);
    setAskingWechatFor(null);
    controller.reloadConversation();
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
        onRetry={(item) => void controller.send(item.body, item.clientKey).catch(() => undefined)} onDecide={(requestId, decision, kind) => void handleDecide(requestId, decision, kind)}
        isDeciding={isDeciding} emptyHint={t('chat.start')} />
      <Composer value={draft} onChange={setDraft} onSend={(body) => controller.send(body)} disabledReason={disabledReason} />
      {askingWechatFor !== null ? (
        <WechatIdDialog onSubmit={handleShareWechat} onCancel={() => setAskingWechatFor(null)} />
      ) : null}
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
