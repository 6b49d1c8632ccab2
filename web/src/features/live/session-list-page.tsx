import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PlayCircleFilled } from '@ant-design/icons';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { bookSession, cancelBooking, listSessions, type SessionSummary } from './api';
import { LIVE_NS } from './i18n';
import { arrivedCurrentSessions, currentSessions } from './prefetch';
import { SessionCard } from './session-card';
import { useNow } from './use-now';
import './live.css';

type Tab = 'live' | 'upcoming' | 'replay';
const TABS: Tab[] = ['live', 'upcoming', 'replay'];

/** How often the live cards' frames and viewer counts are read again. */
const LIVE_REFRESH_MS = 10_000;

type Loaded = { sessions: SessionSummary[]; receivedAt: number };

/** /live: sessions on now, upcoming ones with a countdown and 预约, and replays. */
export default function SessionListPage() {
  const { t } = useTranslation(LIVE_NS);
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const now = useNow();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [bookingOverrides, setBookingOverrides] = useState<Record<string, { isBooked: boolean; bookingCount: number }>>({});

  // The first answer may already be here (the route's loader asked for it with the page's code).
  const current = useApi<Loaded>(async () => ({ ...(await currentSessions()), receivedAt: Date.now() }), `current:${user?.id ?? ''}`, () => {
    const arrived = arrivedCurrentSessions();
    return arrived ? { ...arrived, receivedAt: Date.now() } : undefined;
  });
  const replays = useApi<Loaded>(async () => ({ ...(await listSessions({ status: ['ended'], limit: 30 })), receivedAt: Date.now() }), 'replays');

  const liveSessions = useMemo(() => current.data?.sessions.filter((session) => session.status === 'live') ?? [], [current.data]);
  const upcoming = useMemo(() => current.data?.sessions.filter((session) => session.status === 'scheduled') ?? [], [current.data]);
  const requestedTab = searchParams.get('tab') as Tab | null;
  const tab: Tab = requestedTab && TABS.includes(requestedTab) ? requestedTab : liveSessions.length > 0 || current.isLoading ? 'live' : 'upcoming';

  // Live cards show a recent frame of each stream and the viewer count: read them again while rooms are live.
  const { reload: reloadCurrent } = current;
  const hasLive = liveSessions.length > 0;
  useEffect(() => {
    if (!hasLive || tab !== 'live') return;
    const timer = setInterval(reloadCurrent, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [hasLive, tab, reloadCurrent]);

  const handleToggleBooking = useCallback(async (session: SessionSummary) => {
    if (!user) {
      message.info(t('list.signInToBook'));
      navigate(`/sign-in?next=${encodeURIComponent('/live?tab=upcoming')}`);
      return;
    }
    const shown = bookingOverrides[session.id] ?? session;
    setBusyId(session.id);
    try {
      if (shown.isBooked) await cancelBooking(session.id);
      else await bookSession(session.id);
      setBookingOverrides((previous) => ({
        ...previous,
        [session.id]: { isBooked: !shown.isBooked, bookingCount: Math.max(0, shown.bookingCount + (shown.isBooked ? -1 : 1)) },
      }));
      message.success(shown.isBooked ? t('list.unbookedToast') : t('list.bookedToast'));
    } catch (error) {
      message.error(pickLanguage(error instanceof ApiError ? error.message : String(error), currentLanguage()));
    } finally {
      setBusyId(null);
    }
  }, [bookingOverrides, message, navigate, t, user]);

  const source = tab === 'replay' ? replays : current;
  const shown = tab === 'live' ? liveSessions : tab === 'upcoming' ? upcoming : replays.data?.sessions ?? [];
  const emptyText = tab === 'live' ? t('list.emptyLive') : tab === 'upcoming' ? t('list.emptyUpcoming') : t('list.emptyReplay');

  return (
    <div className="live-list" data-testid="live-list">
      <div className="live-list-head">
        <h1 className="page-title">{t('list.title')}</h1>
        <p className="live-list-subtitle">{t('list.subtitle')}</p>
        <Link to="/feed" className="live-feed-link" data-testid="open-feed"><PlayCircleFilled /> {t('feed.tab')}</Link>
      </div>
      {/* Plain buttons in antd's block Segmented look (global.css .plain-segmented): Segmented brings Tooltip along. */}
      <div className="plain-segmented" role="radiogroup" aria-label={t('list.title')}>
        {TABS.map((value) => (
          <button key={value} type="button" role="radio" aria-checked={tab === value} className={tab === value ? 'is-selected' : undefined}
            onClick={() => setSearchParams(value === 'live' ? {} : { tab: value }, { replace: true })}>
            <span data-testid={`live-tab-${value}`}>
              {t(`list.tabs.${value}`)}
              {value === 'live' && liveSessions.length > 0 ? <span className="tab-count">{liveSessions.length}</span> : null}
            </span>
          </button>
        ))}
      </div>
      {source.isLoading && !source.data ? <PageLoading /> : null}
      {source.error ? <PageError error={source.error} onRetry={source.reload} /> : null}
      {source.data && shown.length === 0 ? <p className="page-state page-state-text">{emptyText}</p> : null}
      <div className="session-grid">
        {shown.map((session) => {
          const override = bookingOverrides[session.id];
          const receivedAt = source.data?.receivedAt ?? now;
          return (
            <SessionCard
              key={session.id}
              session={override ? { ...session, ...override } : session}
              startsAtLocal={receivedAt + session.secondsUntilStart * 1000}
              now={now}
              isBookingBusy={busyId === session.id}
              onToggleBooking={handleToggleBooking}
            />
          );
        })}
      </div>
    </div>
  );
}
