// 常用语: the employer's (or host's) quick replies — one tap puts one into the send box; editable.
import { EditOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Popover, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { conversationsApi } from './api';
import { CONVERSATIONS_NS } from './i18n';

const MAX_REPLIES = 20;

function QuickRepliesEditor({ replies, isOpen, onClose, onSaved }: { replies: string[]; isOpen: boolean; onClose: () => void; onSaved: (replies: string[]) => void }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { message } = App.useApp();
  const [text, setText] = useState(replies.join('\n'));
  const [isSaving, setIsSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (isOpen) {
      setText(replies.join('\n'));
      setProblem(null);
    }
  }, [isOpen, replies]);

  const handleSave = async () => {
    const lines = text.split('\n').map((line) => line.trim()).filter(Boolean).slice(0, MAX_REPLIES);
    setIsSaving(true);
    try {
      const saved = await conversationsApi.saveQuickReplies(lines);
      onSaved(saved.replies);
      message.success(t('inbox.quickRepliesSaved'));
      onClose();
    } catch (caught) {
      // A refused line is named by its number (body.replies.2 → line 3).
      const language = currentLanguage();
      const field = caught instanceof ApiError ? caught.fields[0] : undefined;
      const index = field ? Number(field.path.split('.').at(-1)) : NaN;
      setProblem(Number.isInteger(index) ? `${lines[index] ?? ''}: ${pickLanguage(field!.message, language)}` : pickLanguage((caught as Error).message, language));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal open={isOpen} title={t('inbox.editQuickReplies')} onCancel={onClose} onOk={() => void handleSave()} confirmLoading={isSaving} okText={t('inbox.confirm')} cancelText={t('inbox.cancel')}
      okButtonProps={{ 'data-testid': 'quick-replies-save' } as ButtonProps} destroyOnHidden>
      <p className="quick-replies-hint">{t('inbox.quickRepliesHint')}</p>
      <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} autoSize={{ minRows: 5, maxRows: 14 }} data-testid="quick-replies-text" />
      {problem ? <div className="quick-replies-problem" role="alert" data-testid="quick-replies-problem">{problem}</div> : null}
    </Modal>
  );
}

/** The 常用语 button: a list to pick from (into the send box) and the editor. */
export function QuickReplies({ onPick }: { onPick: (text: string) => void }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const [replies, setReplies] = useState<string[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [isEditing, setIsEditing] = useState(false);
  useEffect(() => {
    conversationsApi.quickReplies().then((answer) => setReplies(answer.replies), () => undefined);
  }, []);

  const content = (
    <div className="quick-replies" data-testid="quick-replies">
      <ul>
        {replies.map((reply, index) => (
          <li key={index}>
            <button type="button" onClick={() => { onPick(reply); setIsOpen(false); }} data-testid="quick-reply">{reply}</button>
          </li>
        ))}
      </ul>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => { setIsOpen(false); setIsEditing(true); }} data-testid="quick-replies-edit">{t('inbox.editQuickReplies')}</Button>
    </div>
  );
  return (
    <>
      <Popover trigger="click" placement="topLeft" open={isOpen} onOpenChange={setIsOpen} content={content} title={t('inbox.quickReplies')}>
        <Button size="small" icon={<ThunderboltOutlined />} data-testid="quick-replies-open">{t('inbox.quickReplies')}</Button>
      </Popover>
      <QuickRepliesEditor replies={replies} isOpen={isEditing} onClose={() => setIsEditing(false)} onSaved={setReplies} />
    </>
  );
}
