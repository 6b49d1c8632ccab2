// The console's side of one conversation: the seeker (masked number until they agree to exchange numbers),
// the application next to it, the messages, and the employer's tools — 常用语, 发岗位, 约面试, 交换电话, 交换微信
// (the WeChat ID is shown next to the phone once the seeker agreed; each look is logged).
import { CalendarOutlined, FileTextOutlined, ShareAltOutlined, WechatOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { PageError, PageLoading } from '../../components/page-states';
import { ActionDialog } from '../pipeline/action-dialog';
import { ApplicationDrawer } from '../pipeline/application-drawer';
import { conversationsApi, type ContactKind } from './api';
import { Composer } from './composer';
import { CONVERSATIONS_NS } from './i18n';
import { JobCardDialog } from './job-card-dialog';
import { MessageList } from './message-list';
import { QuickReplies } from './quick-replies';
import { SafetyMenu } from './safety-menu';
import { useConversation } from './use-conversation';


export function EmployerChat({ conversationId, onChanged }: { conversationId: number; onChanged: () => void }) {
  const { t } = useTranslation(CONVERSATIONS_NS);
  const { message } = App.useApp();
  const { user } = useAuth();
  const controller = useConversation(conversationId);
  const { conversation } = controller;
  const [draft, setDraft] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [wechatId, setWechatId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'job' | 'interview' | null>(null);
  const [isApplicationOpen, setIsApplicationOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  if (controller.isLoading && !conversation) return <PageLoading />;
  if (!conversation) return <PageError error={controller.error ?? new Error('')} onRetry={() => void controller.reload()} />;

  const isEmployer = user?.role === 'employer' && conversation.kind === 'company';
  const run = async (work: () => Promise<unknown>) => {
    setIsBusy(true);
    try {
      await work();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };
  const handleRequestContact = (kind: ContactKind) => run(async () => {
    await conversationsApi.requestContact(conversationId, kind);
    controller.reloadConversation();
  });
  const handleShowPhone = () => run(async () => setPhone((await conversationsApi.revealPhone(conversationId)).phone));
  const handleShowWechat = () => run(async () => setWechatId((await conversationsApi.revealWechat(conversationId)).wechatId));
  const isPending = (kind: ContactKind) => (conversation.pendingContactRequests ?? []).some((request) => request.kind === kind);
  // A withdrawn consent hides what was shown (the next look would be refused).
  const shownWechatId = conversation.hasWechatConsent ? wechatId : null;
  const disabledReason = conversation.blockedBy === 'counterpart' ? t('chat.blockedByMe') : conversation.blockedBy ? t('chat.blockedByOther') : null;
  const seeker = conversation.seeker;

  return (
    <div className="inbox-chat" data-testid="inbox-chat" data-conversation-id={conversation.id}>
      <header className="inbox-chat-head">
        <div className="inbox-chat-who">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="inbox-seeker-name">{seeker.name}</Typography.Title>
          <Typography.Text type="secondary">
            {conversation.job.title}{seeker.cityName ? ` · ${t('inbox.seekerCity', { city: seeker.cityName })}` : ''}
          </Typography.Text>
          <div className="inbox-phone">
            {t('inbox.phone')}: <Typography.Text strong copyable={phone ? { text: phone } : false} data-testid="inbox-phone">{phone ?? seeker.phoneMasked ?? '—'}</Typography.Text>
            {isEmployer && !phone ? (
              conversation.hasPhoneConsent ? (
                <Tooltip title={t('inbox.showPhoneHint')}>
                  <Button size="small" loading={isBusy} onClick={() => void handleShowPhone()} data-testid="inbox-show-phone">{t('inbox.showPhone')}</Button>
                </Tooltip>
              ) : isPending('phone') ? (
                <Typography.Text type="secondary" data-testid="contact-pending">{t('inbox.contactPending')}</Typography.Text>
              ) : (
                <Tooltip title={t('inbox.requestContactHint')}>
                  <Button size="small" icon={<ShareAltOutlined />} loading={isBusy} disabled={Boolean(disabledReason)} onClick={() => void handleRequestContact('phone')} data-testid="request-contact">{t('inbox.requestContact')}</Button>
                </Tooltip>
              )
            ) : null}
            {conversation.hasPhoneConsent ? <Typography.Text type="success" data-testid="phone-consent">{t('inbox.hasConsent')}</Typography.Text> : null}
          </div>
          {isEmployer ? (
            <div className="inbox-phone" data-testid="inbox-wechat-row">
              <WechatOutlined /> {t('inbox.wechat')}: <Typography.Text strong copyable={shownWechatId ? { text: shownWechatId } : false} data-testid="inbox-wechat">{shownWechatId ?? (conversation.hasWechatConsent ? '******' : t('inbox.wechatNotShared'))}</Typography.Text>
              {shownWechatId ? null : conversation.hasWechatConsent ? (
                <Tooltip title={t('inbox.showPhoneHint')}>
                  <Button size="small" loading={isBusy} onClick={() => void handleShowWechat()} data-testid="inbox-show-wechat">{t('inbox.showWechat')}</Button>
                </Tooltip>
              ) : isPending('wechat') ? (
                <Typography.Text type="secondary" data-testid="wechat-pending">{t('inbox.wechatPending')}</Typography.Text>
              ) : (
                <Tooltip title={t('inbox.requestWechatHint')}>
                  <Button size="small" icon={<WechatOutlined />} loading={isBusy} disabled={Boolean(disabledReason)} onClick={() => void handleRequestContact('wechat')} data-testid="request-wechat">{t('inbox.requestWechat')}</Button>
                </Tooltip>
              )}
            </div>
          ) : null}
        </div>
        <div className="inbox-chat-actions">
          {conversation.applicationId ? (
            <Button icon={<FileTextOutlined />} onClick={() => setIsApplicationOpen(true)} data-testid="inbox-open-application">{t('inbox.openApplication')}</Button>
          ) : <Typography.Text type="secondary">{t('inbox.notApplied')}</Typography.Text>}
          <SafetyMenu conversation={conversation} onChanged={(next) => { controller.setConversation(next); onChanged(); }} />
        </div>
      </header>
      {!conversation.job.isOpen ? <div className="chat-banner">{t('chat.jobClosed')}</div> : null}
      <MessageList conversation={conversation} messages={controller.messages} pending={controller.pending} otherLastReadId={controller.otherLastReadId}
        onRetry={(item) => void controller.send(item.body, item.clientKey).catch(() => undefined)} />
      {disabledReason ? null : (
        <div className="inbox-tools">
          <QuickReplies onPick={setDraft} />
          {isEmployer ? (
            <>
              <Button size="small" icon={<FileTextOutlined />} onClick={() => setDialog('job')} data-testid="send-job-card">{t('inbox.sendJobCard')}</Button>
              <Button size="small" icon={<CalendarOutlined />} disabled={!conversation.applicationId} onClick={() => setDialog('interview')} data-testid="invite-interview">{t('inbox.inviteInterview')}</Button>
            </>
          ) : null}
        </div>
      )}
      <Composer value={draft} onChange={setDraft} onSend={(body) => controller.send(body)} disabledReason={disabledReason} placeholder={t('inbox.placeholder')} />
      {dialog === 'job' ? (
        <JobCardDialog defaultJobId={conversation.job.id} onCancel={() => setDialog(null)} onSubmit={async (jobId) => {
          await conversationsApi.sendJobCard(conversationId, jobId);
          setDialog(null);
        }} />
      ) : null}
        {dialog === 'interview' ? (
          <ActionDialog action="schedule_interview" onCancel={() => setDialog(null)} onSubmit={async (body) => {
            if (body.action !== 'schedule_interview') return;
            await conversationsApi.inviteToInterview(conversationId, { interviewAt: body.interviewAt, place: body.place, videoUrl: body.videoUrl });
            setDialog(null);
            onChanged();
          }} />
        ) : null}
        {isApplicationOpen && conversation.applicationId ? (
          <ApplicationDrawer applicationId={conversation.applicationId} onClose={() => setIsApplicationOpen(false)} onChanged={() => controller.reloadConversation()} />
        ) : null}
    </div>
  );
}
