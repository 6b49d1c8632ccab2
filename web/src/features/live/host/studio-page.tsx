import { ArrowLeftOutlined, AudioMutedOutlined, AudioOutlined, EyeOutlined, HeartOutlined, PoweroffOutlined, SwapOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Result, Spin, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { useApi } from '../../../app/use-api';
import { PageError, PageLoading } from '../../../components/page-states';
import { endSession, getSession, openStudio, type SessionDetail } from '../api';
import { LIVE_NS } from '../i18n';
import { STUDIO_NS } from './studio-i18n';
import { useLiveRoom } from '../use-live-room';
import { useNow } from '../use-now';
import { StagePanel } from './stage-panel';
import { broadcastSize, cameraProblem, StudioRecorder, type StudioPhase, type StudioProblem } from './studio-recorder';
import './studio.css';

/** /host/sessions/:sessionId/studio — 网页开播: the session's host goes live with the phone's or laptop's camera. */
export default function StudioPage() {
  const { t: tStudio } = useTranslation(STUDIO_NS);
  const { sessionId = '' } = useParams();
  const { user } = useAuth();
  const session = useApi(() => getSession(sessionId), sessionId);
  if (session.data && session.data.hostUserId !== user?.id) {
    return <Result status="403" title={tStudio('onlyHost')} extra={<Link to={`/host/sessions/${sessionId}`}>{tStudio('back')}</Link>} />;
  }
  if (session.data) return <Studio key={sessionId} detail={session.data} />;
  if (session.error) return <PageError error={session.error} onRetry={session.reload} />;
  return <PageLoading />;
}

function formatElapsed(seconds: number) {
  const pad = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  return `${hours > 0 ? `${hours}:` : ''}${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

function Studio({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation(LIVE_NS);
  const { t: tStudio } = useTranslation(STUDIO_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const language = currentLanguage();
  const now = useNow();
  const previewRef = useRef<HTMLDivElement>(null);
  const recorderRef = useRef<StudioRecorder | null>(null);
  const [recorder, setRecorder] = useState<StudioRecorder | null>(null);
  const [hasGuest, setHasGuest] = useState(false);
  const [phase, setPhase] = useState<StudioPhase>('idle');
  const [problem, setProblem] = useState<{ kind: StudioProblem; detail?: string } | null>(null);
  const [isCameraOn, setIsCameraOn] = useState(false);
  const [isMuted, setIsMuted] = useState(false);
  const [facing, setFacing] = useState<'user' | 'environment'>('user');
  const [isEnding, setIsEnding] = useState(false);
  const [liveSince, setLiveSince] = useState<number | null>(detail.wentLiveAt ? Date.parse(detail.wentLiveAt) : null);
  // 延迟测试: `?clock=1` burns the wall clock into the picture (docs/LIVE.md; the glass-to-glass benchmark reads it).
  const [searchParams] = useSearchParams();
  const showsClock = searchParams.get('clock') === '1';
  const room = useLiveRoom(detail.id, { status: detail.status, likes: detail.likeCount, pinnedJobId: detail.pinnedJobId });

  const openCamera = useCallback(async () => {
    const recorder = recorderRef.current;
    if (!recorder) return;
    try {
      await recorder.openCamera();
      setIsCameraOn(true);
      setProblem(null);
    } catch (error) {
      const kind = (error as { problem?: StudioProblem }).problem ?? cameraProblem(error);
      setProblem({ kind });
    }
  }, []);

  useEffect(() => {
    const isPortrait = window.matchMedia('(orientation: portrait)').matches || window.innerWidth < 768;
    const recorder = new StudioRecorder(broadcastSize(isPortrait), () => openStudio(detail.id), {
      onPhase: setPhase,
      onProblem: (kind, text) => setProblem(kind ? { kind, detail: text } : null),
    });
    recorder.showsClock = showsClock;
    recorderRef.current = recorder;
    setRecorder(recorder);
    recorder.canvas.className = 'studio-canvas';
    recorder.canvas.dataset.testid = 'studio-preview';
    previewRef.current?.appendChild(recorder.canvas);
    void openCamera();
    return () => {
      recorder.close();
      recorder.canvas.remove();
      recorderRef.current = null;
      setRecorder(null);
    };
  }, [detail.id, openCamera, showsClock]);

  useEffect(() => {
    if (room.status === 'live' && liveSince === null) setLiveSince(Date.now());
    // Over: the camera and microphone are released at once (the light on the phone goes off).
    if (room.status === 'ended' || room.status === 'missed') {
      recorderRef.current?.close();
      setIsCameraOn(false);
    }
  }, [room.status, liveSince]);

  const handleStart = async () => {
    try {
      await recorderRef.current?.start();
    } catch (error) {
      setPhase('idle');
      const kind = (error as { problem?: StudioProblem }).problem;
      if (kind) setProblem({ kind });
      else message.error(pickLanguage((error as Error).message, language));
    }
  };

  const handleEnd = async () => {
    setIsEnding(true);
    try {
      await endSession(detail.id);
      recorderRef.current?.stop();
      message.success(t('host.console.endedToast'));
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
    } finally {
      setIsEnding(false);
    }
  };

  const handleSwitch = async () => {
    try {
      await recorderRef.current?.switchCamera();
      setFacing(recorderRef.current?.facing ?? 'user');
    } catch (error) {
      setProblem({ kind: cameraProblem(error) });
    }
  };

  const handleMute = () => {
    recorderRef.current?.setMuted(!isMuted);
    setIsMuted(!isMuted);
  };

  const status = room.status;
  const isOnAir = status === 'live' && (phase === 'live' || phase === 'reconnecting');
  const isOver = status === 'ended' || status === 'missed';
  const isBusy = phase === 'connecting' || (phase === 'live' && status !== 'live');
  const recentMessages = room.messages.slice(-4);

  return (
    <div className="studio" data-testid="studio" data-phase={phase} data-status={status} data-camera={isCameraOn ? 'on' : 'off'}>
      {/* Mirrored for the host on the front camera, as a selfie; not with a guest (their half and name would mirror too). */}
      <div className="studio-stage" data-facing={facing} data-mirror={facing === 'user' && !hasGuest}>
        <div className="studio-preview" ref={previewRef} style={isOver ? { display: 'none' } : undefined} />
        {!isCameraOn && !problem && !isOver ? <div className="studio-overlay-center"><Spin /></div> : null}

        <div className="studio-top">
          <Link to={`/host/sessions/${detail.id}`} className="studio-back" aria-label={tStudio('back')}><ArrowLeftOutlined /></Link>
          <div className="studio-title">
            <div className="studio-title-text">{detail.title}</div>
            <div className="studio-badges">
              {isOnAir ? <Tag color="red" data-testid="studio-on-air">{tStudio('onAir')} {liveSince ? formatElapsed(Math.max(0, Math.round((now - liveSince) / 1000))) : ''}</Tag> : <Tag>{t(`status.${status}`)}</Tag>}
              <span className="studio-stat"><EyeOutlined /> <span data-testid="studio-viewers">{room.viewers}</span></span>
              <span className="studio-stat"><HeartOutlined /> {room.likes}</span>
            </div>
          </div>
        </div>

        {phase === 'reconnecting' ? <div className="studio-banner" role="status">{tStudio('reconnecting')}</div> : null}

        {recentMessages.length > 0 && isOnAir ? (
          <ul className="studio-chat" aria-label={tStudio('chat')}>
            {recentMessages.map((item) => <li key={item.id}><b>{item.displayName}</b> {item.text}</li>)}
          </ul>
        ) : null}

        <div className="studio-controls">
          {problem ? (
            <Alert
              className="studio-problem"
              type={problem.kind === 'network' ? 'warning' : 'error'}
              showIcon
              data-testid="studio-problem"
              title={tStudio(`problems.${problem.kind}`)}
              description={problem.detail ? pickLanguage(problem.detail, language) : undefined}
              action={['denied', 'camera_busy', 'no_camera'].includes(problem.kind) ? <Button size="small" onClick={() => void openCamera()}>{tStudio('retry')}</Button> : undefined}
            />
          ) : null}
          <div className="studio-buttons">
            {isOver ? null : <Button shape="circle" size="large" icon={<SwapOutlined />} onClick={handleSwitch} disabled={!isCameraOn} aria-label={tStudio('switch')} title={tStudio('switch')} />}
            {isOver ? (
              <Button size="large" type="primary" onClick={() => navigate(`/host/sessions/${detail.id}`)}>{tStudio('endedBack')}</Button>
            ) : isOnAir ? (
              <Popconfirm title={t('host.console.endConfirm')} onConfirm={handleEnd} okButtonProps={{ danger: true }}>
                <Button size="large" danger type="primary" icon={<PoweroffOutlined />} loading={isEnding} data-testid="studio-end">{t('host.console.end')}</Button>
              </Popconfirm>
            ) : (
              <Button size="large" type="primary" className="studio-go" icon={<VideoCameraOutlined />} loading={isBusy} disabled={!isCameraOn} onClick={handleStart} data-testid="studio-start">
                {tStudio('start')}
              </Button>
            )}
            {isOver ? null : <StagePanel sessionId={detail.id} recorder={recorder} isOnAir={isOnAir} onGuest={setHasGuest} />}
            {isOver ? null : <Button shape="circle" size="large" icon={isMuted ? <AudioMutedOutlined /> : <AudioOutlined />} onClick={handleMute} disabled={!isCameraOn} aria-pressed={isMuted} aria-label={isMuted ? tStudio('unmute') : tStudio('mute')} title={isMuted ? tStudio('unmute') : tStudio('mute')} />}
          </div>
          {!isOnAir && !isOver ? <p className="studio-hint">{tStudio('hint')}</p> : null}
          {isOver ? <p className="studio-hint" data-testid="studio-ended">{tStudio('ended')}</p> : null}
        </div>
      </div>
    </div>
  );
}
