import { AudioMutedOutlined, AudioOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerToClientEvents } from '../../../../../contracts/live';
import type { StageIce } from '../../../../../contracts/stage';
import { currentLanguage } from '../../../app/i18n';
import { StreamVideo } from '../../../components/stream-video';
import { PeerLink } from '../../../app/peer-link';
import { pickLanguage } from '../../../app/server-errors';
import { mediaProblem, type CallProblem } from '../../pipeline/interview-call';
import { requestAck, type LiveSocket } from '../socket';
import { useNow } from '../use-now';
import { STAGE_NS } from './stage-i18n';
import type { StageInvitation } from './use-stage-viewer';
import './stage.css';

type Phase = 'consent' | 'starting' | 'waiting' | 'live';

/**
 * 连麦 for the invited viewer (loaded when an invitation arrives): the consent screen, then the camera and
 * microphone, the answer to the host's call, and the guest's screen — the host's picture as it goes on air, the
 * guest's own preview, 结束连麦. Leaving (or the host's 结束连麦) releases the camera at once.
 */
export default function StageGuest({ socket, invitation, onDone }: { socket: LiveSocket; invitation: StageInvitation; onDone(): void }) {
  const { t } = useTranslation(STAGE_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const now = useNow();
  const { sessionId } = invitation;
  const [phase, setPhase] = useState<Phase>('consent');
  const [problem, setProblem] = useState<CallProblem | null>(null);
  const [isMuted, setIsMuted] = useState(false);
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const linkRef = useRef<PeerLink | null>(null);
  const localRef = useRef<MediaStream | null>(null);
  const iceRef = useRef<StageIce>({ iceServers: [], iceTransportPolicy: 'all' });
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  const release = () => {
    linkRef.current?.close();
    linkRef.current = null;
    localRef.current?.getTracks().forEach((track) => track.stop());
    localRef.current = null;
    setLocal(null);
    setRemote(null);
  };

  useEffect(() => {
    const onGuest: ServerToClientEvents['stage:guest'] = (payload) => {
      if (payload.sessionId !== sessionId || payload.guest) return;
      // The host withdrew the invitation or ended the turn (or the session ended).
      if (phaseRef.current !== 'consent') message.info(t('endedByHost'));
      release();
      onDone();
    };
    const onSignal: ServerToClientEvents['stage:signal'] = ({ sessionId: target, from, data }) => {
      if (target !== sessionId) return;
      if (data.type === 'offer') {
        linkRef.current?.close();
        linkRef.current = new PeerLink(from, iceRef.current, localRef.current, {
          onSignal: (signal) => socket.emit('stage:signal', { sessionId, to: from, data: signal }),
          onStream: (stream) => {
            setRemote(stream);
            setPhase('live');
          },
          onState: () => undefined,
        });
      }
      if (linkRef.current && from === linkRef.current.peerSocketId) void linkRef.current.receive(data);
    };
    socket.on('stage:guest', onGuest);
    socket.on('stage:signal', onSignal);
    return () => {
      socket.off('stage:guest', onGuest);
      socket.off('stage:signal', onSignal);
      release();
    };
    // onDone and t are stable for the life of one invitation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [socket, sessionId]);

  const secondsLeft = Math.max(0, Math.round((Date.parse(invitation.expiresAt) - now) / 1000));
  useEffect(() => {
    if (phase === 'consent' && secondsLeft === 0) onDone();
  }, [phase, secondsLeft, onDone]);

  const accept = async () => {
    setProblem(null);
    if (!window.isSecureContext) return setProblem('insecure');
    if (!navigator.mediaDevices?.getUserMedia || typeof RTCPeerConnection === 'undefined') return setProblem('unsupported');
    setPhase('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
        audio: { echoCancellation: true, noiseSuppression: true },
      });
      localRef.current = stream;
      setLocal(stream);
    } catch (error) {
      setProblem(mediaProblem(error));
      setPhase('consent');
      return;
    }
    try {
      const answer = await requestAck(socket, 'stage:respond', { sessionId, accept: true });
      iceRef.current = { iceServers: answer.iceServers, iceTransportPolicy: answer.iceTransportPolicy };
      setPhase((current) => (current === 'live' ? current : 'waiting'));
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
      release();
      onDone();
    }
  };

  const decline = () => {
    void requestAck(socket, 'stage:respond', { sessionId, accept: false }).catch(() => undefined);
    onDone();
  };

  const leave = async () => {
    await requestAck(socket, 'stage:end', { sessionId }).catch(() => undefined);
    message.info(t('ended'));
    release();
    onDone();
  };

  const toggleMute = () => {
    localRef.current?.getAudioTracks().forEach((track) => { track.enabled = isMuted; });
    setIsMuted(!isMuted);
  };

  if (phase === 'consent' || (phase === 'starting' && !local)) {
    return (
      <Modal
        open
        title={t('consentTitle', { host: invitation.hostName })}
        onCancel={decline}
        closable={false}
        maskClosable={false}
        footer={[
          <Button key="decline" onClick={decline} data-testid="stage-decline">{t('decline')}</Button>,
          <Button key="accept" type="primary" loading={phase === 'starting'} onClick={() => void accept()} data-testid="stage-accept">{t('accept')}</Button>,
        ]}
        data-testid="stage-consent"
      >
        <p className="stage-consent-body">{t('consentBody', { title: invitation.title })}</p>
        <p className="stage-consent-privacy">{t('consentPrivacy')}</p>
        <p className="stage-consent-expiry">{t('expiresIn', { seconds: secondsLeft })}</p>
        {problem ? <Alert type="error" showIcon title={t(`problems.${problem}`)} data-testid="stage-problem" /> : null}
      </Modal>
    );
  }

  return (
    <div className="stage-guest" data-testid="stage-guest-screen" data-phase={phase} role="dialog" aria-label={t('live')}>
      <StreamVideo stream={remote} isMuted={false} className="stage-guest-host" testId="stage-host-video" />
      {!remote ? <div className="stage-guest-wait" role="status">{phase === 'starting' ? t('starting') : t('waiting')}</div> : null}
      <StreamVideo stream={local} isMuted className="stage-guest-self" testId="stage-self-video" />
      <div className="stage-guest-bar">
        {phase === 'live' ? <span className="stage-guest-live">● {t('live')}</span> : null}
        <div className="stage-guest-buttons">
          <Button shape="circle" size="large" icon={isMuted ? <AudioMutedOutlined /> : <AudioOutlined />} onClick={toggleMute} aria-pressed={isMuted} aria-label={isMuted ? t('unmute') : t('mute')} />
          <Button size="large" danger type="primary" icon={<PhoneOutlined rotate={135} />} onClick={() => void leave()} data-testid="stage-leave">{t('end')}</Button>
        </div>
      </div>
    </div>
  );
}
