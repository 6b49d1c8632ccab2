import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../app/use-api';
import { getSession, type SessionSummary } from './api';
import { ApplySheet } from './apply-sheet';
import { FeedFollow } from './feed-follow';
import { LIVE_NS } from './i18n';
import { detectCapabilities, LivePlayer, type PlayerState } from './live-player';
import { choosePlayback } from './playback-plan';
import { SoundButton } from './room-overlays';
import { PinnedJobCard } from './session-job';
import { useApply, type ApplyJob } from './use-apply';
import { useLiveRoom } from './use-live-room';

/**
 * The room in view: its video (muted until a tap), the job being presented (or the first job) with one-tap 报名
 * through the room's apply sheet, and 关注 for the host. Mounted only while in view: leaving tears the player
 * down and leaves the socket room.
 */
export function FeedRoom({ session }: { session: SessionSummary }) {
  const { t } = useTranslation(LIVE_NS);
  const detail = useApi(() => getSession(session.id), `feed-room:${session.id}`);
  const room = useLiveRoom(session.id, { status: session.status, likes: 0, pinnedJobId: null });
  const plainApply = useApply(session.id);
  const { openJob } = room;
  const apply = { ...plainApply, startApply: (job: ApplyJob) => {
    openJob(job.jobId);
    return plainApply.startApply(job);
  } };
  const [capabilities] = useState(detectCapabilities);
  const [isMuted, setIsMuted] = useState(true);
  const [playerState, setPlayerState] = useState<PlayerState>('idle');
  const [orientation, setOrientation] = useState<'portrait' | 'landscape' | null>(null);

  const jobs = useMemo(() => detail.data?.jobs ?? [], [detail.data]);
  const pinned = useMemo(() => jobs.find((job) => job.jobId === room.pinnedJobId) ?? null, [jobs, room.pinnedJobId]);
  const shownJob = pinned ?? jobs.find((job) => job.isOpen) ?? null;
  // A ban covers the video: no player for a viewer removed from the room.
  const plan = detail.data && room.status === 'live' && !room.isBanned ? choosePlayback('live', detail.data.playback, capabilities) : null;

  return (
    <div className={`feed-room${orientation ? ` is-${orientation}` : ''}`} data-testid="feed-room" data-orientation={orientation ?? ''} data-player={playerState}>
      {plan && 'url' in plan ? (
        <div className="feed-video-box">
          <LivePlayer plan={plan} isMuted={isMuted} className="feed-video" onStateChange={setPlayerState} onOrientation={setOrientation} />
          {isMuted && playerState === 'playing' ? <SoundButton onUnmute={() => setIsMuted(false)} /> : null}
        </div>
      ) : null}
      <div className="feed-side">
        <FeedFollow hostUserId={session.hostUserId} hostName={session.hostName} />
      </div>
      <div className="feed-job">
        {shownJob ? (
          <PinnedJobCard
            job={shownJob}
            isPresenting={shownJob === pinned}
            isApplied={apply.appliedJobIds.has(shownJob.jobId)}
            isBusy={apply.busyJobId === shownJob.jobId}
            onApply={apply.startApply}
          />
        ) : null}
        <Link to={`/live/${session.id}`} className="feed-enter" data-testid="feed-enter-room">
          {session.status === 'live' ? t('feed.enterRoom') : t('feed.openUpcoming')}{jobs.length > 1 ? ` · ${t('list.jobs', { count: jobs.length })}` : ''}
        </Link>
      </div>
      <ApplySheet controller={apply} />
    </div>
  );
}
