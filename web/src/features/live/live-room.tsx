import { CloseOutlined, EyeOutlined, ShoppingOutlined } from '@ant-design/icons';
import { App, Badge } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { FollowButton } from '../follows/follow-button';
import { bookSession, cancelBooking, type SessionDetail } from './api';
import { ChatInput } from './chat-input';
import { ChatList } from './chat-list';
import { coverGradient } from './cover';
import { DanmakuLayer, type DanmakuHandle } from './danmaku-layer';
import { formatCount } from './format';
import { LIVE_NS } from './i18n';
import { LazyApplySheet } from './lazy-apply-sheet';
import { LikeButton } from './like-button';
import { detectCapabilities, LivePlayer, type PlayerState } from './live-player';
import { choosePlayback, withPlayerOverride, type PlaybackPlan } from './playback-plan';
import { RoomMoreButton } from './room-more-sheet';
import { SoundButton, VideoOverlay } from './room-overlays';
import { JobStrip, PinnedJobCard } from './session-job';
import { ApplicationTicker, type TickerHandle } from './ticker';
import { useApply, type ApplyJob } from './use-apply';
import { useLiveRoom } from './use-live-room';
import { useNow } from './use-now';
import { useStageViewer } from './stage/use-stage-viewer';

// The jobs drawer and the apply form (antd Drawer, Form, Select…) load on the first tap that opens them, not with
// the room: the video and the chat come first on a phone on mobile data.
const JobsDrawer = lazy(() => import('./jobs-drawer').then((module) => ({ default: module.JobsDrawer })));
// 连麦's consent screen and the guest's camera load only when the host invites this viewer.
const StageGuest = lazy(() => import('./stage/stage-guest'));
// 举手 and the on-stage line come after the video and the chat (only a live session shows them).
const HandButton = lazy(() => import('./stage/hand-button').then((module) => ({ default: module.HandButton })));
const StagePill = lazy(() => import('./stage/hand-button').then((module) => ({ default: module.StagePill })));

type Props = { detail: SessionDetail; loadedAt: number; onReload: () => void };

/** The phone-first live room (and replay): video, 弹幕, chat, the pinned job and one-tap 报名. */
export function LiveRoom({ detail, loadedAt, onReload }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();
  const language = currentLanguage();
  const danmaku = useRef<DanmakuHandle>(null);
  const ticker = useRef<TickerHandle>(null);
  const room = useLiveRoom(detail.id, { status: detail.status, likes: detail.likeCount, pinnedJobId: detail.pinnedJobId }, {
    onNewMessages: (messages) => danmaku.current?.add(messages, user?.id ?? null),
    onTicker: (items) => ticker.current?.add(items),
    onReplay: onReload,
  });
  const stage = useStageViewer(detail.id);
  const plainApply = useApply(detail.id);
  // Tapping a job's 报名 (pinned card or drawer) or its chip counts as opening its card: the session funnel's
  // second step (viewers → card opens → applications), stored once per viewer and job by the server.
  const { openJob } = room;
  const apply = {
    ...plainApply,
    startApply: (job: ApplyJob) => {
      openJob(job.jobId);
      return plainApply.startApply(job);
    },
  };
  const [searchParams] = useSearchParams();
  const [capabilities] = useState(() => withPlayerOverride(detectCapabilities(), searchParams.get('player')));
  const [replayIndex, setReplayIndex] = useState(0);
  const [playerState, setPlayerState] = useState<PlayerState>('idle');
  const [orientation, setOrientation] = useState<'portrait' | 'landscape'>('landscape');
  const [isMuted, setIsMuted] = useState(true);
  const [isJobsOpen, setIsJobsOpen] = useState(false);
  const [hasOpenedJobs, setHasOpenedJobs] = useState(false);
  if (isJobsOpen && !hasOpenedJobs) setHasOpenedJobs(true);
  const [booking, setBooking] = useState({ isBooked: detail.isBooked, isBusy: false });
  const now = useNow();

  const status = room.status;
  const isOver = status === 'ended' || status === 'missed';
  // A ban covers the video: the media server has closed this viewer's stream and refuses it; stop asking.
  const plan: PlaybackPlan = room.isBanned && status === 'live' ? { kind: 'removed' } : choosePlayback(status, detail.playback, capabilities, replayIndex);
  const pinnedJob = useMemo(() => (isOver ? null : detail.jobs.find((job) => job.jobId === room.pinnedJobId) ?? null), [detail.jobs, room.pinnedJobId, isOver]);
  const secondsUntilStart = Math.round((loadedAt + detail.secondsUntilStart * 1000 - now) / 1000);

  // The details (playback URLs, replay list) change with the status: fetch them again. While the replay is
  // being prepared the server announces it (session:replay); a slow poll covers a missed announcement. Past
  // the start without the host, the details are read again each minute (主播暂未开播, then 未开播).
  const isStatusStale = status !== detail.status;
  const isWaitingForReplay = status === 'ended' && detail.replayState === 'pending';
  const isOverdue = status === 'scheduled' && secondsUntilStart < 0;
  useEffect(() => {
    if (!isStatusStale && !isWaitingForReplay && !isOverdue) return;
    const timer = setTimeout(onReload, isStatusStale ? 800 : isWaitingForReplay ? 10_000 : 60_000);
    return () => clearTimeout(timer);
  }, [isStatusStale, isWaitingForReplay, isOverdue, onReload, loadedAt]);

  useEffect(() => {
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
    };
  }, []);

  const handleToggleBooking = useCallback(async () => {
    if (!user) {
      navigate(`/sign-in?next=${encodeURIComponent(`/live/${detail.id}`)}`);
      return;
    }
    setBooking((previous) => ({ ...previous, isBusy: true }));
    try {
      if (booking.isBooked) await cancelBooking(detail.id);
      else await bookSession(detail.id);
      message.success(booking.isBooked ? t('list.unbookedToast') : t('list.bookedToast'));
      setBooking({ isBooked: !booking.isBooked, isBusy: false });
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
      setBooking((previous) => ({ ...previous, isBusy: false }));
    }
  }, [booking.isBooked, detail.id, language, message, navigate, t, user]);

  const handleReplayEnded = () => {
    if (replayIndex + 1 < detail.playback.replay.length) setReplayIndex(replayIndex + 1);
  };

  const mutedReason = room.isBanned ? t('room.banned') : room.mutedUntil ? t('room.muted') : isOver ? t('room.chatClosed') : null;
  const isPlayable = 'url' in plan;

  return (
    <div className={`live-room is-${orientation}`} data-testid="live-room" data-status={status}>
      <div className="live-stage">
        <div className="live-backdrop" style={{ background: coverGradient(detail.id) }} />
        <div className="live-video-box">
          <LivePlayer plan={plan} isMuted={isMuted || !!stage.invitation} className="live-video" poster={detail.thumbnailUrl ?? undefined} onStateChange={setPlayerState} onEnded={handleReplayEnded} onOrientation={setOrientation} />
          <DanmakuLayer ref={danmaku} />
          <VideoOverlay
            plan={plan}
            playerState={playerState}
            secondsUntilStart={secondsUntilStart}
            isBooked={booking.isBooked}
            isBookingBusy={booking.isBusy}
            onToggleBooking={handleToggleBooking}
            onPlay={() => setIsMuted(false)}
            replayState={detail.replayState}
            isLate={detail.isLate}
            hostUserId={detail.hostUserId}
            sessionId={detail.id}
          />
          {isPlayable && isMuted && status === 'live' ? <SoundButton onUnmute={() => setIsMuted(false)} /> : null}
        </div>

        <header className="live-top">
          <div className="live-top-left">
            <Link to={`/hosts/${detail.hostUserId}`} className="host-chip" data-testid="room-host">
              <span className="host-avatar">{Array.from(detail.hostName)[0] ?? '播'}</span>
              <span className="host-chip-text">
                <span className="host-chip-name">{detail.hostName}</span>
                <span className="host-chip-sub">{t('room.likes', { value: formatCount(room.likes, language) })}</span>
              </span>
            </Link>
            <FollowButton hostUserId={detail.hostUserId} name={detail.hostName} variant="icon" />
          </div>
          <div className="live-top-right">
            <span className={`status-pill is-${status}`} data-testid="room-status">
              {status === 'live' ? <span className="live-dot" /> : null}
              {status === 'live' ? t('room.liveBadge') : status === 'ended' ? t('room.replayBadge') : t(`status.${status}`)}
            </span>
            <span className="viewer-pill" data-testid="viewer-count"><EyeOutlined /> {formatCount(room.viewers, language)}</span>
            <RoomMoreButton detail={detail} />
            <button type="button" className="room-close" onClick={() => navigate('/live')} aria-label={t('room.back')} data-testid="room-close">
              <CloseOutlined />
            </button>
          </div>
        </header>

        <div className="live-info">
          <h1 className="live-title">{detail.title}</h1>
          {detail.coverText ? <p className="live-cover-text">{detail.coverText}</p> : null}
          {stage.onStageName && status === 'live' ? <Suspense fallback={null}><StagePill name={stage.onStageName} /></Suspense> : null}
          {detail.isSynthetic ? <p className="live-synthetic" data-testid="room-synthetic">{t('room.synthetic')}</p> : null}
          {status === 'ended' ? <p className="live-replay-hint">{t('room.replayHint')}</p> : null}
          <JobStrip jobs={detail.jobs} pinnedJobId={room.pinnedJobId} appliedJobIds={apply.appliedJobIds} onOpen={(jobId) => {
            openJob(jobId);
            setIsJobsOpen(true);
          }} />
          {detail.playback.replay.length > 1 && status === 'ended' ? (
            <div className="replay-segments">
              {detail.playback.replay.map((item, index) => (
                <button key={item.url} type="button" className={index === replayIndex ? 'is-current' : ''} onClick={() => setReplayIndex(index)}>
                  {t('room.segment', { index: index + 1 })}
                </button>
              ))}
            </div>
          ) : null}
        </div>

        <div className="live-bottom">
          <ApplicationTicker ref={ticker} />
          <ChatList messages={room.messages} />
          {pinnedJob ? (
            <PinnedJobCard job={pinnedJob} isApplied={apply.appliedJobIds.has(pinnedJob.jobId)} isBusy={apply.busyJobId === pinnedJob.jobId} onApply={apply.startApply} />
          ) : null}
          <div className="live-actions">
            <ChatInput isSignedIn={!!user} canChat={room.canChat && room.isJoined} closedReason={mutedReason} onSend={room.sendChat} />
            <button type="button" className="room-round-button is-jobs" onClick={() => setIsJobsOpen(true)} data-testid="open-jobs">
              <Badge count={detail.jobs.length} size="small" offset={[4, -4]} color="#fa541c">
                <ShoppingOutlined />
              </Badge>
              <span className="room-round-label">{t('room.jobsButton')}</span>
            </button>
            {status === 'live' && user?.id !== detail.hostUserId && !room.isBanned ? (
              <Suspense fallback={null}>
                <HandButton isSignedIn={!!user} isRaised={stage.isRaised} isEnabled={room.isJoined} onRaise={stage.raiseHand} signInPath={`/sign-in?next=${encodeURIComponent(`/live/${detail.id}`)}`} />
              </Suspense>
            ) : null}
            <LikeButton likes={room.likes} isEnabled={status === 'live' && room.isJoined} onLikes={room.like} />
          </div>
        </div>
      </div>
      {hasOpenedJobs ? (
        <Suspense fallback={null}>
          <JobsDrawer isOpen={isJobsOpen} onClose={() => setIsJobsOpen(false)} jobs={detail.jobs} pinnedJobId={room.pinnedJobId} apply={apply} />
        </Suspense>
      ) : null}
      <LazyApplySheet controller={apply} />
      {stage.invitation && stage.socket ? (
        <Suspense fallback={null}>
          <StageGuest socket={stage.socket} invitation={stage.invitation} onDone={stage.closeInvitation} />
        </Suspense>
      ) : null}
    </div>
  );
}
