import { AudioMutedOutlined, DeleteOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Empty, Input, Popconfirm, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, RoomRestriction } from '../../../../../contracts/live';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { LIVE_NS } from '../i18n';

type Props = {
  messages: ChatMessage[];
  /** Active mutes and bans the server knows of (made before this page loaded, or from another console). */
  restrictions: RoomRestriction[];
  canChat: boolean;
  onSend: (text: string) => Promise<unknown>;
  onDelete: (messageId: string) => Promise<unknown>;
  onMute: (userId: string, minutes?: number) => Promise<unknown>;
  onBan: (userId: string) => Promise<unknown>;
  onLift: (userId: string, kind: 'mute' | 'ban') => Promise<unknown>;
};

type Restricted = { userId: string; displayName: string; kind: 'mute' | 'ban' };

/** 评论管理: the chat with delete / mute / remove on every viewer's message, and the host's own input. */
export function ChatModeration({ messages, restrictions, canChat, onSend, onDelete, onMute, onBan, onLift }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const [text, setText] = useState('');
  // Who is restricted, so that it can be undone here: the server's list on joining, plus this console's own actions.
  const [restricted, setRestricted] = useState<Restricted[]>([]);
  useEffect(() => {
    setRestricted((previous) => {
      const known = new Set(previous.map((entry) => `${entry.kind}:${entry.userId}`));
      return [...previous, ...restrictions.filter((entry) => !known.has(`${entry.kind}:${entry.userId}`)).map(({ userId, displayName, kind }) => ({ userId, displayName, kind }))];
    });
  }, [restrictions]);
  const listRef = useRef<HTMLOListElement>(null);
  const language = currentLanguage();

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      return true;
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
      return false;
    }
  };

  const restrict = async (item: ChatMessage, kind: 'mute' | 'ban', minutes?: number) => {
    const isDone = kind === 'mute'
      ? await run(() => onMute(item.userId, minutes), t('host.chat.muted', { name: item.displayName }))
      : await run(() => onBan(item.userId), t('host.chat.bannedToast', { name: item.displayName }));
    if (isDone) setRestricted((previous) => [...previous.filter((entry) => entry.userId !== item.userId || entry.kind !== kind), { userId: item.userId, displayName: item.displayName, kind }]);
  };

  const lift = async (entry: Restricted) => {
    if (await run(() => onLift(entry.userId, entry.kind), t('host.chat.lifted', { name: entry.displayName }))) {
      setRestricted((previous) => previous.filter((item) => item !== entry));
    }
  };

  const handleSend = async () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    try {
      await onSend(trimmed);
      setText('');
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
    }
  };

  return (
    <Card title={t('host.chat.title')} size="small" data-testid="chat-moderation">
      {messages.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('host.chat.empty')} /> : null}
      <ol className="moderation-list" ref={listRef}>
        {messages.map((item) => (
          <li key={item.id} className="moderation-item" data-testid="moderation-message">
            <div className="moderation-item-text">
              {item.isHost ? <span className="room-chat-host">{t('room.hostTag')}</span> : null}
              <span className="moderation-item-name">{item.displayName}</span>
              {item.text}
            </div>
            {item.isHost ? null : (
              <div className="moderation-actions">
                <Tooltip title={t('host.chat.delete')}>
                  <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('host.chat.delete')} onClick={() => run(() => onDelete(item.id), t('host.chat.deleted'))} data-testid="delete-message" />
                </Tooltip>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: '10', label: t('host.chat.mute10') },
                      { key: 'session', label: t('host.chat.muteSession') },
                    ],
                    onClick: ({ key }) => void restrict(item, 'mute', key === '10' ? 10 : undefined),
                  }}
                >
                  <Button size="small" type="text" icon={<AudioMutedOutlined />} aria-label={t('host.chat.mute')} data-testid="mute-user" />
                </Dropdown>
                <Popconfirm title={t('host.chat.banConfirm', { name: item.displayName })} okButtonProps={{ danger: true }} onConfirm={() => restrict(item, 'ban')}>
                  <Button size="small" type="text" danger icon={<StopOutlined />} aria-label={t('host.chat.ban')} data-testid="ban-user" />
                </Popconfirm>
              </div>
            )}
          </li>
        ))}
      </ol>
      {restricted.length > 0 ? (
        <div className="restricted-list" data-testid="restricted-list">
          {restricted.map((entry) => (
            <span key={`${entry.kind}:${entry.userId}`} className="restricted-item">
              {entry.kind === 'mute' ? t('host.chat.mutedLabel') : t('host.chat.bannedLabel')} {entry.displayName}
              <Button type="link" size="small" onClick={() => lift(entry)} data-testid="lift-restriction">{t('host.chat.lift')}</Button>
            </span>
          ))}
        </div>
      ) : null}
      {canChat ? (
        <Input.Search value={text} onChange={(event) => setText(event.target.value)} onSearch={handleSend} enterButton={t('room.send')} maxLength={200} placeholder={t('host.chat.placeholder')} data-testid="host-chat-input" />
      ) : null}
    </Card>
  );
}
