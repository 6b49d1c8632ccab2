// 消息 in the header, beside the notification bell: the unread message count, a tap opens the conversations
// (the seeker's /messages, the console's /inbox). Only for the roles that have conversations.
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { MessageIcon } from '../../components/message-icon';
import { messagesPathFor, useConversationUnread } from './unread-store';

export function HeaderMessages() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const unread = useConversationUnread();
  if (!user || !['seeker', 'employer', 'host'].includes(user.role)) return null;
  const label = user.role === 'seeker' ? t('nav.messages') : t('nav.inbox');
  return (
    <Button size="small" type="text" aria-label={unread > 0 ? `${label} (${unread})` : label} onClick={() => navigate(messagesPathFor(user.role))} data-testid="header-messages">
      <Badge count={unread} size="small" offset={[4, -2]} data-testid="header-messages-count">
        <span style={{ fontSize: 16 }}><MessageIcon /></span>
      </Badge>
    </Button>
  );
}
