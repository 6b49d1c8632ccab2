import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { conversationsApi, type Conversation } from './api';
import { CONVERSATIONS_NS } from './i18n';
import { ConversationReportDialog } from './report-dialog';

/** 举报 and 屏蔽 / 取消屏蔽 for either side of a conversation. */
export function SafetyMenu({ conversation, onChanged }: { conversation: Conversation; onChanged: (next: Conversation) => void }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { message } = App.useApp();
  const [isReporting, setIsReporting] = useState(false);
  const [isConfirmingBlock, setIsConfirmingBlock] = useState(false);
  const isBlockedByMe = conversation.blockedBy === conversation.mySide;

  const setBlocked = async (isBlocked: boolean) => {
    try {
      onChanged(isBlocked ? await conversationsApi.block(conversation.id) : await conversationsApi.unblock(conversation.id));
      message.success(isBlocked ? t('chat.blocked') : t('chat.unblocked'));
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    }
  };

  const items = [
    { key: 'report', label: t('chat.report'), danger: true, 'data-testid': 'conversation-report' },
    isBlockedByMe ? { key: 'unblock', label: t('chat.unblock'), 'data-testid': 'conversation-unblock' } : { key: 'block', label: t('chat.block'), danger: true, 'data-testid': 'conversation-block' },
  ];
  const handleMenu = ({ key }: { key: string }) => {
    if (key === 'report') setIsReporting(true);
    else if (key === 'block') setIsConfirmingBlock(true);
    else void setBlocked(false);
  };

  return (
    <>
      <Dropdown trigger={['click']} placement="bottomRight" menu={{ items, onClick: handleMenu }}>
        <Button type="text" icon={<MoreOutlined />} aria-label={t('chat.more')} data-testid="conversation-more" />
      </Dropdown>
      <Modal open={isConfirmingBlock} title={t('chat.block')} onCancel={() => setIsConfirmingBlock(false)} okButtonProps={{ danger: true, 'data-testid': 'conversation-block-confirm' } as ButtonProps}
        okText={t('chat.block')} onOk={() => { setIsConfirmingBlock(false); void setBlocked(true); }}>
        {t('chat.blockConfirm')}
      </Modal>
      <ConversationReportDialog conversationId={conversation.id} isOpen={isReporting} onClose={() => setIsReporting(false)} />
    </>
  );
}
