import { App, Button, Input } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { MESSAGE_MAX_LENGTH } from './api';
import { CONVERSATIONS_NS } from './i18n';

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** Sends the text; rejects with the server's reason when the text is refused (the text then stays in the box). */
  onSend: (body: string) => Promise<void>;
  disabledReason?: string | null;
  placeholder?: string;
};

/** The send box: Enter sends (not while an input method is composing), Shift+Enter starts a new line. */
export function Composer({ value, onChange, onSend, disabledReason, placeholder }: Props) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { message } = App.useApp();
  const [isSending, setIsSending] = useState(false);
  const body = value.trim();

  const handleSend = async () => {
    if (!body || isSending || disabledReason) return;
    setIsSending(true);
    onChange('');
    try {
      await onSend(body);
    } catch (caught) {
      onChange(body);
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsSending(false);
    }
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void handleSend();
  };

  if (disabledReason) return <div className="chat-composer is-disabled" data-testid="chat-disabled">{disabledReason}</div>;
  return (
    <div className="chat-composer">
      <Input.TextArea value={value} onChange={(event) => onChange(event.target.value)} onKeyDown={handleKeyDown} autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={MESSAGE_MAX_LENGTH} placeholder={placeholder ?? t('chat.placeholder')} aria-label={placeholder ?? t('chat.placeholder')} data-testid="chat-input" />
      <Button type="primary" disabled={!body} loading={isSending} onClick={() => void handleSend()} data-testid="chat-send">{t('chat.send')}</Button>
    </div>
  );
}
