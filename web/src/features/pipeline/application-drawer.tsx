import { App, Button, Descriptions, Drawer, Input, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { pipelineApi, type ChangeBody, type EmployerApplicationDetail, type PipelineAction } from './api';
import { ActionDialog, DIALOG_ACTIONS, type DialogAction } from './action-dialog';
import { formatDateTime } from './format';
import { HistoryTimeline } from './history-timeline';
import { PIPELINE_NS } from './i18n';
import { isInterviewRoom, VideoInterviewRecords } from './video-interview-records';
import { PLAIN_LIST } from './styles';
import { StatusTag } from './status-tag';

function Details({ application }: { application: EmployerApplicationDetail }) {
  const { t } = useTranslation(PIPELINE_NS);
  const language = currentLanguage();
  const interview = application.interview;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('console.columns.job')}>{application.job.title}</Descriptions.Item>
      <Descriptions.Item label={t('detail.city')}>{application.seeker.cityName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('detail.source')}>{t(`source.${application.source}`, { defaultValue: application.source })}{application.session ? ` · ${application.session.title ?? ''}` : ''}</Descriptions.Item>
      <Descriptions.Item label={t('console.columns.applied')}>{formatDateTime(application.appliedAt, language)}</Descriptions.Item>
      {interview ? (
        <Descriptions.Item label={t('detail.interview')}>
          <div data-testid="interview-summary">{formatDateTime(interview.at, language)} · {interview.place ?? (isInterviewRoom(interview.videoUrl) ? t('dialog.platformVideo') : interview.videoUrl)}</div>
          {isInterviewRoom(interview.videoUrl) && application.status === 'interview' ? <Link to={interview.videoUrl!} data-testid="enter-interview">{t('interviewRoom.enter')}</Link> : null}
          {interview.response ? <Tag color={interview.response === 'accepted' ? 'green' : interview.response === 'declined' ? 'red' : 'default'} data-testid="interview-response">{t(`detail.responses.${interview.response}`)}</Tag> : null}
        </Descriptions.Item>
      ) : null}
      {interview && isInterviewRoom(interview.videoUrl) ? <Descriptions.Item label={t('interviewRoom.records')}><VideoInterviewRecords applicationId={application.id} /></Descriptions.Item> : null}
      {application.startDate ? <Descriptions.Item label={t('detail.startDate')}>{application.startDate}</Descriptions.Item> : null}
      {application.closingReason ? <Descriptions.Item label={t('detail.reason')}>{application.closingReason}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** One application: contact data on explicit request, the next allowed changes, undo, history and notes. */
export function ApplicationDrawer({ applicationId, onClose, onChanged }: { applicationId: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const { data, error, isLoading, reload } = useApi(() => pipelineApi.openApplication(applicationId), String(applicationId));
  const [phone, setPhone] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [note, setNote] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  const run = async (work: () => Promise<unknown>) => {
    setIsBusy(true);
    try {
      await work();
      reload();
      onChanged();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    } finally {
      setIsBusy(false);
    }
  };
  const change = (body: ChangeBody) => run(() => pipelineApi.change(applicationId, body));
  const handleAction = (action: PipelineAction) => (DIALOG_ACTIONS.includes(action) ? setDialog(action as DialogAction) : void change({ action } as ChangeBody));
  const handleUnmask = () => run(async () => setPhone((await pipelineApi.unmask(applicationId)).phone));
  const handleNote = () => run(async () => {
    await pipelineApi.addNote(applicationId, note);
    setNote('');
  });

  const application = data;
  // With the seeker's consent (交换电话 accepted, or shared at apply time) the server sends the number with the
  // application and logs the opening as a look; without it, it stays masked.
  const shownPhone = phone ?? application?.seeker.phone ?? null;
  return (
    <Drawer open title={t('detail.title')} size={520} onClose={() => { onClose(); onChanged(); }} data-testid="application-drawer">
      {error ? <PageError error={error} onRetry={reload} /> : !application || (isLoading && !application) ? <PageLoading /> : (
        <div className="stack">
          <Space align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="drawer-seeker-name">{application.seeker.name}</Typography.Title>
            <StatusTag status={application.status} />
          </Space>
          {application.seeker.isAnonymised ? <Typography.Text type="secondary">{t('detail.anonymised')}</Typography.Text> : (
            <Space wrap>
              <Typography.Text>{t('detail.phone')}: </Typography.Text>
              <Typography.Text strong copyable={shownPhone ? { text: shownPhone } : false} data-testid="drawer-phone">{shownPhone ?? application.seeker.phoneMasked}</Typography.Text>
              {!shownPhone && !application.isShared ? (
                <Tooltip title={application.canUnmask ? t('detail.unmaskHint') : t('detail.unmaskNeedsContact')}>
                  <Button size="small" disabled={!application.canUnmask} loading={isBusy} onClick={() => void handleUnmask()} data-testid="unmask-phone">{t('detail.unmask')}</Button>
                </Tooltip>
              ) : null}
            </Space>
          )}
          <Details application={application} />
          {application.availableActions.length > 0 || application.canUndo ? (
            <Space wrap data-testid="drawer-actions">
              {application.availableActions.map((action) => (
                <Button key={action} type={action === 'hire' || action === 'confirm_stay' ? 'primary' : 'default'} danger={action === 'reject' || action === 'record_left'} loading={isBusy} onClick={() => handleAction(action)} data-testid={`action-${action}`}>
                  {t(`action.${action}`)}
                </Button>
              ))}
              {application.canUndo ? (
                <Popconfirm title={t('action.undo')} onConfirm={() => run(() => pipelineApi.undo(applicationId))}>
                  <Button type="link" data-testid="action-undo">{t('action.undo')}</Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null}
          {application.isShared ? <Tag color="purple">{t('console.shared')}</Tag> : (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>{t('detail.history')}</Typography.Title>
              <HistoryTimeline events={application.events} />
              <Typography.Title level={5} style={{ margin: 0 }}>{t('detail.phoneViews')}</Typography.Title>
              {application.phoneViews.length === 0 ? <Typography.Text type="secondary">{t('detail.noPhoneViews')}</Typography.Text> : (
                <ul style={PLAIN_LIST} data-testid="phone-views">
                  {application.phoneViews.map((view, index) => <li key={index}>{view.viewerName} · {formatDateTime(view.unmaskedAt, language)}</li>)}
                </ul>
              )}
              <Typography.Title level={5} style={{ margin: 0 }}>{t('detail.notes')}</Typography.Title>
              <ul style={PLAIN_LIST} data-testid="notes">
                {application.notes.map((item) => <li key={item.id}>{item.body}<div><Typography.Text type="secondary">{item.authorName} · {formatDateTime(item.createdAt, language)}</Typography.Text></div></li>)}
              </ul>
              <Space.Compact style={{ width: '100%' }}>
                <Input value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('detail.notePlaceholder')} maxLength={2000} data-testid="note-input" />
                <Button onClick={() => void handleNote()} disabled={!note.trim()} loading={isBusy} data-testid="note-add">{t('detail.addNote')}</Button>
              </Space.Compact>
            </>
          )}
        </div>
      )}
      {dialog ? (
        <ActionDialog action={dialog} applicationId={applicationId} onCancel={() => setDialog(null)} onSubmit={async (body) => {
          await pipelineApi.change(applicationId, body);
          setDialog(null);
          reload();
          onChanged();
        }} />
      ) : null}
    </Drawer>
  );
}
