import { UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../app/use-api';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { api } from '../../app/api';
import { ChatButton } from '../conversations/chat-button';
import { pipelineApi, type PipelineAction, type PipelineEvent, type SeekerApplication } from './api';
import { formatDateTime } from './format';
import { HistoryTimeline } from './history-timeline';
import { PIPELINE_NS } from './i18n';
import { isInterviewRoom, VideoInterviewRecords } from './video-interview-records';
import { StatusTag } from './status-tag';

function History({ applicationId }: { applicationId: number }) {
  const { data } = useApi(() => api.get<{ events: PipelineEvent[] }>(`/api/seeker/applications/${applicationId}`), String(applicationId));
  return <HistoryTimeline events={data?.events ?? []} />;
}

/** One application as the seeker sees it: status, what happens next, the interview to answer, who saw the number. */
export function MyApplicationCard({ application, onChanged }: { application: SeekerApplication; onChanged: () => void }) {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const [isBusy, setIsBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setIsBusy(true);
    try {
      await work();
      onChanged();
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    } finally {
      setIsBusy(false);
    }
  };
  const can = (action: PipelineAction) => application.availableActions.includes(action);
  const interview = application.interview;
  const pendingHandoffs = application.handoffs.filter((handoff) => handoff.status === 'pending');

  return (
    <Card size="small" data-testid="my-application" data-application-id={application.id}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
        <div>
          {application.job.id ? <Link to={`/jobs/${application.job.id}`}><Typography.Text strong>{application.job.title}</Typography.Text></Link> : <Typography.Text strong>{application.job.title}</Typography.Text>}
          <div><Typography.Text type="secondary">{application.companyName}</Typography.Text></div>
        </div>
        <StatusTag status={application.status} />
      </div>
      <div style={{ margin: '8px 0' }} data-testid="next-step">
        <Typography.Text type="secondary">{t('seeker.nextStep')}: </Typography.Text>
        <Typography.Text>{language === 'en' ? application.nextStep.en : application.nextStep.zh}</Typography.Text>
      </div>
      {interview && application.status === 'interview' ? (
        <Alert
          type={interview.response === 'pending' ? 'info' : 'success'}
          title={t('seeker.interviewCard', { time: formatDateTime(interview.at, language) })}
          description={<>
            <div>{interview.place}{isInterviewRoom(interview.videoUrl)
              ? <Link to={interview.videoUrl!} data-testid="enter-interview"> {t('interviewRoom.enter')}</Link>
              : interview.videoUrl ? <a href={interview.videoUrl} target="_blank" rel="noreferrer noopener"> {interview.videoUrl}</a> : null}</div>
            {isInterviewRoom(interview.videoUrl) ? <VideoInterviewRecords applicationId={application.id} /> : null}
            {interview.response !== 'pending' ? <div>{t(`detail.responses.${interview.response ?? 'pending'}`)}</div> : null}
          </>}
          action={can('accept_interview') ? (
            <Space orientation="vertical">
              <Button size="small" type="primary" loading={isBusy} onClick={() => void run(() => pipelineApi.answerInterview(application.id, 'accept'))} data-testid="interview-accept">{t('seeker.accept')}</Button>
              <Button size="small" loading={isBusy} onClick={() => void run(() => pipelineApi.answerInterview(application.id, 'decline'))} data-testid="interview-decline">{t('seeker.decline')}</Button>
            </Space>
          ) : null}
        />
      ) : null}
      {pendingHandoffs.map((handoff) => (
        <Alert key={handoff.id} type="warning" style={{ marginTop: 8 }} data-testid="consent-request"
          title={t('seeker.consentTitle', { company: handoff.recipientCompanyName })}
          description={t('seeker.consentPurpose', { purpose: handoff.purpose, who: handoff.requestedByName ?? '' })}
          action={<Space orientation="vertical">
            <Button size="small" onClick={() => void run(() => pipelineApi.decideHandoff(handoff.id, 'grant'))} data-testid="consent-grant">{t('seeker.grant')}</Button>
            <Button size="small" onClick={() => void run(() => pipelineApi.decideHandoff(handoff.id, 'refuse'))} data-testid="consent-refuse">{t('seeker.refuse')}</Button>
          </Space>}
        />
      ))}
      {application.phoneViews.map((view, index) => (
        <div key={index} data-testid="phone-view"><Typography.Text type="secondary"><UnlockOutlined /> {t('seeker.phoneViewed', { who: `${view.companyName ?? ''} ${view.viewerName ?? ''}`.trim(), time: formatDateTime(view.unmaskedAt, language) })}</Typography.Text></div>
      ))}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginTop: 8 }}>
        <Typography.Text type="secondary">{t('seeker.applied', { time: formatDateTime(application.appliedAt, language) })}</Typography.Text>
        {application.job.id ? <ChatButton jobId={application.job.id} companyName={application.companyName ?? undefined} size="small" testId="application-chat" /> : null}
        {can('withdraw') ? (
          <Popconfirm title={t('seeker.withdrawConfirm')} onConfirm={() => run(() => pipelineApi.withdraw(application.id, null))}>
            <Button size="small" type="link" danger data-testid="withdraw">{t('seeker.withdraw')}</Button>
          </Popconfirm>
        ) : null}
      </div>
      <Collapse ghost size="small" items={[{ key: 'history', label: t('seeker.history'), children: <History applicationId={application.id} /> }]} />
    </Card>
  );
}
