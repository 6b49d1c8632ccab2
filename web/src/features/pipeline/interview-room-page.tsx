import { AudioMutedOutlined, AudioOutlined, LogoutOutlined, PoweroffOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Result, Spin, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { StreamVideo } from '../../components/stream-video';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import type { InterviewPeer, InterviewRoom } from '../../../../contracts/interviews';
import { useLiveSocket } from '../live/socket';
import { useNow } from '../live/use-now';
import { DeviceCheck } from './device-check';
import { formatDateTime } from './format';
import { PIPELINE_NS } from './i18n';
import { InterviewCall, type CallProblem, type CallRoute, type CallState } from './interview-call';
import './interview-room.css';

const clock = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/** /interviews/:applicationId — 远程面试: the seeker and the employer's people, face to face in the browser. */
export default function InterviewRoomPage() {
  const { t } = useTranslation(PIPELINE_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const language = currentLanguage();
  const { applicationId: idText = '' } = useParams();
  const applicationId = Number(idText);
  const { user } = useAuth();
  const socket = useLiveSocket();
  const now = useNow();
  const callRef = useRef<InterviewCall | null>(null);
  const [state, setState] = useState<CallState>('starting');
  const [room, setRoom] = useState<InterviewRoom | null>(null);
  const [peer, setPeer] = useState<InterviewPeer | null>(null);
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<CallProblem | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [endedAfter, setEndedAfter] = useState<number | null | undefined>(undefined);
  const [isMuted, setIsMuted] = useState(false);
  const [isCameraOff, setIsCameraOff] = useState(false);
  const [isEnding, setIsEnding] = useState(false);
  const [route, setRoute] = useState<CallRoute | null>(null);

  useEffect(() => {
    if (!socket || !Number.isSafeInteger(applicationId)) return;
    const call = new InterviewCall(socket, applicationId, {
      onState: setState,
      onRoom: setRoom,
      onLocalStream: setLocal,
      onRemoteStream: setRemote,
      onPeer: setPeer,
      onEnded: (seconds) => {
        setEndedAfter(seconds);
        setState('ended');
      },
      onProblem: setProblem,
      onRoute: setRoute,
    });
    callRef.current = call;
    call.start().catch((error: Error) => setRefusal(pickLanguage(error.message, language)));
    return () => {
      call.close();
      callRef.current = null;
    };
  }, [socket, applicationId, language]);

  const backLink = user?.role === 'employer' ? '/employer/applications' : '/me/applications';
  if (refusal) return <Result status="warning" title={refusal} extra={<Button onClick={() => navigate(backLink)}>{t('interviewRoom.back')}</Button>} />;
  if (endedAfter !== undefined) {
    return (
      <Result
        status="success"
        title={t('interviewRoom.ended')}
        subTitle={<span data-testid="interview-ended">{t('interviewRoom.endedDetail', { duration: endedAfter === null ? '—' : clock(endedAfter) })}</span>}
        extra={<Button type="primary" onClick={() => navigate(backLink)}>{t('interviewRoom.back')}</Button>}
      />
    );
  }

  const startedAt = room?.startedAt ? Date.parse(room.startedAt) : null;
  const handleEnd = async () => {
    setIsEnding(true);
    try {
      const ended = await callRef.current?.end();
      callRef.current?.close();
      setEndedAfter(ended?.durationSeconds ?? null);
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
    } finally {
      setIsEnding(false);
    }
  };

  return (
    <div className="interview-room" data-testid="interview-room" data-state={state} data-route={route ?? ''}>
      <div className="interview-stage">
        <StreamVideo stream={remote} isMuted={false} testId="remote-video" className="interview-remote" />
        {!remote ? (
          <div className="interview-waiting">
            {state === 'starting' ? <Spin /> : null}
            <p>{state === 'waiting' || state === 'starting' ? t('interviewRoom.waiting') : t('interviewRoom.connecting')}</p>
            <p className="interview-small">{t('interviewRoom.checks')}</p>
          </div>
        ) : null}
        <StreamVideo stream={local} isMuted testId="local-video" className="interview-local" />
        <div className="interview-top">
          <Tag color={state === 'connected' ? 'green' : state === 'reconnecting' ? 'orange' : 'default'} data-testid="interview-state">
            {t(`interviewRoom.${state === 'connected' ? 'connected' : state === 'reconnecting' ? 'reconnecting' : state === 'waiting' || state === 'starting' ? 'waiting' : 'connecting'}`)}
          </Tag>
          {startedAt ? <span className="interview-timer" data-testid="interview-timer">{clock(Math.max(0, Math.round((now - startedAt) / 1000)))}</span> : null}
          {route === 'relay' && state === 'connected' ? <span className="interview-small-light">{t('interviewRoom.relayed')}</span> : null}
          {peer ? <span className="interview-peer" data-testid="interview-peer">{peer.name}（{t(`interviewRoom.sides.${peer.side}`)}）</span> : null}
        </div>
        <div className="interview-controls">
          <Button shape="circle" size="large" icon={isMuted ? <AudioMutedOutlined /> : <AudioOutlined />} aria-pressed={isMuted} aria-label={isMuted ? t('interviewRoom.unmute') : t('interviewRoom.mute')} title={isMuted ? t('interviewRoom.unmute') : t('interviewRoom.mute')} onClick={() => { callRef.current?.setMuted(!isMuted); setIsMuted(!isMuted); }} />
          <Button shape="circle" size="large" icon={<VideoCameraOutlined />} aria-pressed={isCameraOff} aria-label={isCameraOff ? t('interviewRoom.cameraOn') : t('interviewRoom.cameraOff')} title={isCameraOff ? t('interviewRoom.cameraOn') : t('interviewRoom.cameraOff')} onClick={() => { callRef.current?.setCameraOff(!isCameraOff); setIsCameraOff(!isCameraOff); }} />
          {room?.side === 'employer' ? (
            <Popconfirm title={t('interviewRoom.endConfirm')} onConfirm={handleEnd} okButtonProps={{ danger: true }}>
              <Button size="large" danger type="primary" icon={<PoweroffOutlined />} loading={isEnding} data-testid="interview-end">{t('interviewRoom.end')}</Button>
            </Popconfirm>
          ) : (
            <Button size="large" icon={<LogoutOutlined />} onClick={() => navigate(backLink)} data-testid="interview-leave">{t('interviewRoom.leave')}</Button>
          )}
        </div>
      </div>
      <aside className="interview-side">
        {problem ? <Alert type="warning" showIcon title={t(`interviewRoom.problems.${problem}`)} data-testid="interview-problem" /> : null}
        {/* Until the other side's picture arrives: is my camera and microphone working? */}
        {!remote && state !== 'ended' ? <DeviceCheck stream={local} /> : null}
        {room ? (
          <dl className="interview-facts">
            <dt>{t('interviewRoom.job')}</dt>
            <dd data-testid="interview-job">{room.job.title ?? '—'}{room.job.companyName ? ` · ${room.job.companyName}` : ''}</dd>
            {room.interviewAt ? <><dt>{t('interviewRoom.at')}</dt><dd>{formatDateTime(room.interviewAt, language)}</dd></> : null}
            {room.seeker ? (
              <>
                <dt>{t('interviewRoom.seeker')}</dt>
                <dd data-testid="interview-seeker">{room.seeker.name}</dd>
                <dt>{t('interviewRoom.city')}</dt>
                <dd>{room.seeker.cityName ?? '—'}</dd>
                <dt>{t('interviewRoom.phone')}</dt>
                <dd>{room.seeker.phoneMasked ?? '—'}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <p className="interview-small">{t('interviewRoom.notRecorded')}</p>
      </aside>
    </div>
  );
}
