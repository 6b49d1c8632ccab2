import { BellFilled, BellOutlined, LoadingOutlined, PlayCircleFilled, SoundOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import type { PlayerState } from './live-player';
import type { PlaybackPlan } from './playback-plan';
import { formatCountdown } from './format';
import { HostOtherSessions } from './host-other-sessions';
import { LIVE_NS } from './i18n';

type Props = {
  plan: PlaybackPlan;
  playerState: PlayerState;
  secondsUntilStart: number;
  isBooked: boolean;
  isBookingBusy: boolean;
  onToggleBooking: () => void;
  /** The browser refused to start the video by itself: a tap starts it (with sound). */
  onPlay: () => void;
  /** After the end: the recording is being finished (回放生成中), there is none, or it plays. */
  replayState: 'none' | 'pending' | 'ready';
  /** Scheduled, and well past the start without the host (主播暂未开播). */
  isLate: boolean;
  hostUserId: string;
  sessionId: string;
};

/** What covers the video when it is not simply playing: countdown and 预约, connecting, no replay yet. */
export function VideoOverlay({ plan, playerState, secondsUntilStart, isBooked, isBookingBusy, onToggleBooking, onPlay, replayState, isLate, hostUserId, sessionId }: Props) {
  const { t } = useTranslation(LIVE_NS);
  if ((plan.kind === 'waiting' && isLate) || plan.kind === 'missed') {
    return (
      <div className="video-overlay" data-testid={plan.kind === 'missed' ? 'room-missed' : 'room-late'}>
        <div className="video-overlay-title">{plan.kind === 'missed' ? t('room.missedTitle') : t('room.lateTitle')}</div>
        <div className="video-overlay-sub">{plan.kind === 'missed' ? t('room.missedSub') : t('room.lateSub')}</div>
        <HostOtherSessions hostUserId={hostUserId} sessionId={sessionId} />
      </div>
    );
  }
  if (plan.kind === 'waiting') {
    return (
      <div className="video-overlay" data-testid="room-countdown">
        <div className="video-overlay-title">{secondsUntilStart > 0 ? t('room.notStarted') : t('room.waitingForStream')}</div>
        {secondsUntilStart > 0 ? (
          <>
            <div className="video-overlay-sub">{t('room.startsIn')}</div>
            <div className="video-countdown">{formatCountdown(secondsUntilStart, currentLanguage())}</div>
          </>
        ) : null}
        <Button
          shape="round"
          size="large"
          type={isBooked ? 'default' : 'primary'}
          danger={!isBooked}
          icon={isBooked ? <BellFilled /> : <BellOutlined />}
          loading={isBookingBusy}
          onClick={onToggleBooking}
          data-testid="room-book"
        >
          {isBooked ? t('list.booked') : t('list.book')}
        </Button>
      </div>
    );
  }
  if (plan.kind === 'no-replay') {
    return (
      <div className="video-overlay" data-testid="room-ended" data-replay-state={replayState}>
        <div className="video-overlay-title">{t('room.ended')}</div>
        {replayState === 'pending' ? (
          <div className="video-overlay-sub" data-testid="replay-pending"><LoadingOutlined /> {t('room.replayPending')}</div>
        ) : (
          <div className="video-overlay-sub">{t('room.noRecording')}</div>
        )}
      </div>
    );
  }
  if (plan.kind === 'removed') {
    return (
      <div className="video-overlay" data-testid="room-removed">
        <div className="video-overlay-sub">{t('room.banned')}</div>
      </div>
    );
  }
  if (plan.kind === 'unsupported') {
    return (
      <div className="video-overlay" data-testid="room-unplayable">
        <div className="video-overlay-sub">{t('room.unsupported')}</div>
      </div>
    );
  }
  if (playerState === 'blocked') {
    return (
      <button type="button" className="video-overlay is-soft video-play" onClick={onPlay} data-testid="room-play">
        <PlayCircleFilled style={{ fontSize: 56 }} />
        <span className="video-overlay-sub">{t('room.tapToPlay')}</span>
      </button>
    );
  }
  if (playerState === 'connecting') {
    return (
      <div className="video-overlay is-soft" data-testid="room-connecting">
        <LoadingOutlined style={{ fontSize: 28 }} />
        <div className="video-overlay-sub">{t('room.connecting')}</div>
      </div>
    );
  }
  return null;
}

export function SoundButton({ onUnmute }: { onUnmute: () => void }) {
  const { t } = useTranslation(LIVE_NS);
  return (
    <button type="button" className="sound-button" onClick={onUnmute} data-testid="unmute">
      <SoundOutlined /> {t('room.tapForSound')}
    </button>
  );
}
