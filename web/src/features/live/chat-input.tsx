import { SendOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { LIVE_NS } from './i18n';

type Props = {
  isSignedIn: boolean;
  canChat: boolean;
  /** Why chat is closed, when it is (muted, banned, ended). */
  closedReason: string | null;
  /** `tip`: the platform's tip (正规招聘不收费) the server adds when a seeker asks about fees. */
  onSend: (text: string) => Promise<{ tip?: { zh: string; en: string } | null }>;
};

/** "说点什么…": one line, sent with Enter; the server filters words and limits the rate. */
export function ChatInput({ isSignedIn, canChat, closedReason, onSend }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const location = useLocation();
  const [text, setText] = useState('');
  const [isSending, setIsSending] = useState(false);

  if (!isSignedIn) {
    return (
      <Link className="room-input is-link" to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} data-testid="chat-sign-in">
        {t('room.signInToChat')}
      </Link>
    );
  }
  if (!canChat) return <div className="room-input is-closed" data-testid="chat-closed">{closedReason ?? t('room.chatClosed')}</div>;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || isSending) return;
    setIsSending(true);
    try {
      const { tip } = await onSend(trimmed);
      setText('');
      if (tip) message.warning({ content: currentLanguage() === 'en' ? tip.en : tip.zh, duration: 8, className: 'chat-fee-tip' });
    } catch (error) {
      message.error(pickLanguage((error as Error).message, currentLanguage()));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form className="room-input" onSubmit={handleSubmit}>
      <input
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={200}
        placeholder={t('room.chatPlaceholder')}
        enterKeyHint="send"
        aria-label={t('room.chatPlaceholder')}
        data-testid="chat-input"
      />
      {text.trim() ? (
        <button type="submit" className="room-send" disabled={isSending} aria-label={t('room.send')} data-testid="chat-send">
          <SendOutlined />
        </button>
      ) : null}
    </form>
  );
}
