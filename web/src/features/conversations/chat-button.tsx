// 沟通: starts (or reopens) the seeker's conversation with the company behind a job and opens the chat page.
// Small on purpose: it sits on the job page and the live room's job cards (their first screens); the chat
// itself loads with its route.
import { App, Button } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { MessageIcon } from '../../components/message-icon';
import { currentLanguage, registerTranslations } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';

const CHAT_BUTTON_NS = registerTranslations('chatButton', {
  zh: { start: '沟通', startLabel: '和 {{company}} 沟通' },
  en: { start: 'Chat', startLabel: 'Chat with {{company}}' },
});

type Props = {
  jobId: string;
  companyName?: string;
  size?: 'small' | 'middle' | 'large';
  isBlock?: boolean;
  testId?: string;
  className?: string;
};

/** Shown to visitors (they sign in first and come back) and seekers; employers and others answer from the inbox. */
export function ChatButton({ jobId, companyName, size = 'middle', isBlock = false, testId = 'chat-start', className }: Props) {
  const { t } = useTranslation(CHAT_BUTTON_NS);
  const { message } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [isBusy, setIsBusy] = useState(false);
  if (user && user.role !== 'seeker') return null;

  const handleClick = async (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!user) {
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    setIsBusy(true);
    try {
      const conversation = await api.post<{ id: number }>('/api/conversations', { jobId });
      navigate(`/messages/${conversation.id}`);
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
      setIsBusy(false);
    }
  };

  return (
    <Button size={size} block={isBlock} shape="round" icon={<MessageIcon />} loading={isBusy} onClick={(event) => void handleClick(event)}
      aria-label={companyName ? t('startLabel', { company: companyName }) : undefined} data-testid={testId} className={className}>
      {t('start')}
    </Button>
  );
}
