import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../contracts/live';
import { LIVE_NS } from './i18n';

/** The room's chat over the video, newest at the bottom. Text is rendered as React text nodes, never as HTML. */
export function ChatList({ messages }: { messages: ChatMessage[] }) {
  const { t } = useTranslation(LIVE_NS);
  const listRef = useRef<HTMLOListElement>(null);
  const isAtBottomRef = useRef(true);

  useEffect(() => {
    const list = listRef.current;
    if (list && isAtBottomRef.current) list.scrollTop = list.scrollHeight;
  }, [messages]);

  const handleScroll = () => {
    const list = listRef.current;
    if (list) isAtBottomRef.current = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
  };

  return (
    <ol className="room-chat" ref={listRef} onScroll={handleScroll} data-testid="chat-list" aria-live="polite">
      {messages.slice(-60).map((message) => (
        <li key={message.id} className="room-chat-item" data-testid="chat-message">
          {message.isHost ? <span className="room-chat-host">{t('room.hostTag')}</span> : null}
          <span className="room-chat-name">{message.displayName}：</span>
          <span className="room-chat-text">{message.text}</span>
        </li>
      ))}
    </ol>
  );
}
