// The conversation's messages, oldest first, as both sides see them: bubbles (mine on the right with 已读 /
// 未读), the platform's tips, job cards, interview invitations and the contact-exchange request with the
// seeker's answer buttons (交换电话 or 交换微信). Text is rendered as text (see MessageText).
import { CalendarOutlined, SafetyCertificateOutlined, ShareAltOutlined, WechatOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import type { ContactKind, Conversation, ConversationMessage } from './api';
import { formatAppointment, formatCardPay, formatMessageTime, localizedBody } from './format';
import { CONVERSATIONS_NS } from './i18n';
import { MessageText } from './message-text';
import type { PendingMessage } from './use-conversation';
import { isOwnMessage } from './use-conversation';

type Props = {
  conversation: Conversation;
  messages: ConversationMessage[];
  pending: PendingMessage[];
  otherLastReadId: number;
  onRetry: (item: PendingMessage) => void;
  /** The seeker's answer to a contact request (only the seeker's view passes it). */
  onDecide?: (requestId: number, decision: 'accept' | 'refuse', kind: ContactKind) => void;
  isDeciding?: boolean;
  emptyHint?: string;
};

function ContactRequest({ message, conversation, decisions, onDecide, isDeciding }: { message: ConversationMessage; conversation: Conversation; decisions: Map<number, string>; onDecide?: Props['onDecide']; isDeciding?: boolean }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const requestId = Number(message.payload.requestId);
  const kind: ContactKind = message.payload.contactKind === 'wechat' ? 'wechat' : 'phone';
  const isWechat = kind === 'wechat';
  const isPending = (conversation.pendingContactRequests ?? []).some((request) => request.id === requestId);
  const decided = decisions.get(requestId);
  const isSeeker = conversation.mySide === 'seeker';
  const title = isSeeker ? t(isWechat ? 'contact.wechatRequestTitle' : 'contact.requestTitle') : t(isWechat ? 'contact.wechatRequested' : 'contact.requested');
  const status = isPending ? t('contact.pending')
    : decided === 'accepted' ? t(isWechat ? 'contact.wechatAccepted' : 'contact.accepted')
      : decided === 'refused' ? t(isWechat ? 'contact.wechatRefused' : 'contact.refused') : null;
  return (
    <div className={`chat-contact-request kind-${kind}`} data-testid="contact-request" data-kind={kind} data-request-id={requestId} data-status={isPending ? 'pending' : decided ?? 'answered'}>
      <div className="chat-contact-request-title">{isWechat ? <WechatOutlined /> : <ShareAltOutlined />} {title}</div>
      {isSeeker && isPending ? <div className="chat-contact-request-hint">{t(isWechat ? 'contact.wechatRequestHint' : 'contact.requestHint')}</div> : null}
      {isPending && isSeeker && onDecide ? (
        <div className="chat-contact-request-actions">
          <Button size="small" loading={isDeciding} onClick={() => onDecide(requestId, 'refuse', kind)} data-testid="contact-refuse">{t('contact.refuse')}</Button>
          <Button size="small" type="primary" loading={isDeciding} onClick={() => onDecide(requestId, 'accept', kind)} data-testid="contact-accept">{t('contact.accept')}</Button>
        </div>
      ) : (
        <div className="chat-contact-request-status">{status}</div>
      )}
    </div>
  );
}

function Receipt({ isRead }: { isRead: boolean }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  return <span className={`chat-receipt${isRead ? ' is-read' : ''}`} data-testid="message-receipt" data-read={String(isRead)}>{isRead ? t('chat.read') : t('chat.unread')}</span>;
}

function Body({ message }: { message: ConversationMessage }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const language = currentLanguage();
  const payload = message.payload;
  if (message.kind === 'job_card' && typeof payload.jobId === 'string') {
    const pay = formatCardPay(payload, language);
    return (
      <Link to={`/jobs/${payload.jobId}`} className="chat-card" data-testid="message-job-card">
        <span className="chat-card-label">{t('card.job')}</span>
        <span className="chat-card-title">{String(payload.title ?? '')}</span>
        <span className="chat-card-meta">{[pay, typeof payload.cityName === 'string' ? payload.cityName : null].filter(Boolean).join(' · ')}</span>
        <span className="chat-card-link">{t('chat.viewJob')} ›</span>
      </Link>
    );
  }
  if (message.kind === 'interview' && typeof payload.interviewAt === 'string') {
    return (
      <div className="chat-card" data-testid="message-interview">
        <span className="chat-card-label"><CalendarOutlined /> {t('card.interview')}</span>
        <span className="chat-card-title">{formatAppointment(payload.interviewAt, language)}</span>
        {typeof payload.place === 'string' && payload.place ? <span className="chat-card-meta">{t('card.place')}: <MessageText body={payload.place} /></span> : null}
        {typeof payload.videoUrl === 'string' && payload.videoUrl ? <span className="chat-card-meta">{t('card.video')}: <MessageText body={payload.videoUrl} /></span> : null}
      </div>
    );
  }
  return <MessageText body={message.body} />;
}

export function MessageList({ conversation, messages, pending, otherLastReadId, onRetry, onDecide, isDeciding, emptyHint }: Props) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const language = currentLanguage();
  const listRef = useRef<HTMLDivElement>(null);
  const side = conversation.mySide;
  const decisions = new Map<number, string>();
  for (const message of messages) if (message.kind === 'contact_decision') decisions.set(Number(message.payload.requestId), String(message.payload.status));

  // Newest at the bottom: follow new messages.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length, pending.length, conversation.id]);

  return (
    <div className="chat-messages" ref={listRef} data-testid="chat-messages" role="log" aria-live="polite">
      {messages.length === 0 && pending.length === 0 && emptyHint ? <div className="chat-empty">{emptyHint}</div> : null}
      {messages.map((message) => {
        if (message.kind === 'tip') {
          return (
            <div key={message.id} className="chat-tip" data-testid="message-tip">
              <SafetyCertificateOutlined /> {localizedBody(message, language)}
            </div>
          );
        }
        if (message.kind === 'contact_request') return <ContactRequest key={message.id} message={message} conversation={conversation} decisions={decisions} onDecide={onDecide} isDeciding={isDeciding} />;
        if (message.kind === 'contact_decision' || message.senderRole === 'system') {
          return <div key={message.id} className="chat-note" data-testid="message-note">{localizedBody(message, language)} · {formatMessageTime(message.sentAt, language)}</div>;
        }
        const isMine = isOwnMessage(message, side);
        return (
          <div key={message.id} className={`chat-row${isMine ? ' is-mine' : ''}`} data-testid="message" data-message-id={message.id} data-mine={String(isMine)}>
            {!isMine && message.senderName ? <div className="chat-sender">{message.senderName}</div> : null}
            <div className={`chat-bubble kind-${message.kind}`} data-testid="message-body"><Body message={message} /></div>
            <div className="chat-meta">
              {formatMessageTime(message.sentAt, language)}
              {isMine ? <> · <Receipt isRead={message.isRead || message.id <= otherLastReadId} /></> : null}
            </div>
          </div>
        );
      })}
      {pending.map((item) => (
        <div key={item.clientKey} className="chat-row is-mine is-pending" data-testid="message-pending">
          <div className="chat-bubble"><MessageText body={item.body} /></div>
          <div className="chat-meta">
            {item.status === 'sending' ? t('chat.sending') : (
              <button type="button" className="chat-retry" onClick={() => onRetry(item)} data-testid="message-retry">{t('chat.failed')}</button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
