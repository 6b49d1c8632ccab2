import { App, Empty } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { bookSession, cancelBooking, type SessionStatus, type SessionSummary } from '../live/api';
import { LIVE_NS } from '../live/i18n';
import { SessionCard } from '../live/session-card';
import { useNow } from '../live/use-now';
import '../live/live.css';
import { PROFILES_NS } from './i18n';
import './profiles.css';

type Loaded = { sessions: SessionSummary[]; receivedAt: number };
type Props = {
  /** A company's or a host's sessions by status. */
  load: (status: SessionStatus[]) => Promise<{ sessions: SessionSummary[] }>;
  cacheKey: string;
  /** Headings and empty texts (a job page names them after the job); the profile pages' by default. */
  titles?: { upcoming: string; replays: string; noUpcoming: string; noReplays: string };
  /** Only the live and upcoming grid, without its heading and without replays (the 关注 page). */
  isUpcomingOnly?: boolean;
};

/** A page's sessions: live and upcoming (countdown, 预约) first, then replays. */
export function ProfileSessions({ load, cacheKey, titles, isUpcomingOnly = false }: Props) {
  const { t } = useTranslation(PROFILES_NS);
  const { t: tLive } = useTranslation(LIVE_NS);
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const now = useNow();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Record<string, { isBooked: boolean; bookingCount: number }>>({});
  const current = useApi<Loaded>(async () => ({ ...(await load(['live', 'scheduled'])), receivedAt: Date.now() }), `current:${cacheKey}:${user?.id ?? ''}`);
  const replays = useApi<Loaded>(
    async () => (isUpcomingOnly ? { sessions: [], receivedAt: 0 } : { ...(await load(['ended'])), receivedAt: Date.now() }),
    `replays:${cacheKey}:${isUpcomingOnly}`,
  );

  const handleToggleBooking = useCallback(async (session: SessionSummary) => {
    if (!user) {
      message.info(tLive('list.signInToBook'));
      navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    const shown = overrides[session.id] ?? session;
    setBusyId(session.id);
    try {
      if (shown.isBooked) await cancelBooking(session.id);
      else await bookSession(session.id);
      setOverrides((previous) => ({ ...previous, [session.id]: { isBooked: !shown.isBooked, bookingCount: Math.max(0, shown.bookingCount + (shown.isBooked ? -1 : 1)) } }));
      message.success(shown.isBooked ? tLive('list.unbookedToast') : tLive('list.bookedToast'));
    } catch (error) {
      message.error(pickLanguage((error as Error).message, currentLanguage()));
    } finally {
      setBusyId(null);
    }
  }, [message, navigate, overrides, tLive, user]);

  const renderGrid = (loaded: Loaded | undefined, emptyText: string, testId: string) => {
    if (!loaded) return null;
    if (loaded.sessions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
    return (
      <div className="session-grid" data-testid={testId}>
        {loaded.sessions.map((session) => (
          <SessionCard
            key={session.id}
            session={overrides[session.id] ? { ...session, ...overrides[session.id] } : session}
            startsAtLocal={loaded.receivedAt + session.secondsUntilStart * 1000}
            now={now}
            isBookingBusy={busyId === session.id}
            onToggleBooking={handleToggleBooking}
          />
        ))}
      </div>
    );
  };

  if (isUpcomingOnly) return renderGrid(current.data, titles?.noUpcoming ?? t('noUpcoming'), 'profile-upcoming');
  return (
    <>
      <section className="profile-section">
        <h2 className="profile-section-title">{titles?.upcoming ?? t('upcoming')}</h2>
        {renderGrid(current.data, titles?.noUpcoming ?? t('noUpcoming'), 'profile-upcoming')}
      </section>
      <section className="profile-section">
        <h2 className="profile-section-title">{titles?.replays ?? t('replays')}</h2>
        {renderGrid(replays.data, titles?.noReplays ?? t('noReplays'), 'profile-replays')}
      </section>
    </>
  );
}
