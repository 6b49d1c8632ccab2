import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import type { Conversation } from './api';
import { formatMessageTime } from './format';
import { CONVERSATIONS_NS } from './i18n';

/** The last message of a conversation in one line, as a list shows it. */
export function LastMessagePreview({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const last = conversation.lastMessage;
  if (!last) return <span className="conversation-preview is-empty">{t('list.noMessages')}</span>;
  // Cards, requests and tips read as their kind; the server stores their text in Chinese only.
  const text = last.kind === 'text' ? last.body : t(`preview.${last.kind}`);
  return <span className="conversation-preview">{text}</span>;
}

export function LastMessageTime({ conversation }: { conversation: Conversation }) {
  const at = conversation.lastMessage?.sentAt ?? conversation.lastMessageAt ?? conversation.createdAt;
  return <span className="conversation-time">{formatMessageTime(at, currentLanguage())}</span>;
}
