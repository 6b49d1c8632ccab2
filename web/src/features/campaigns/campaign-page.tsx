import { Alert, App, Empty, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { bookSession, cancelBooking } from '../live/api';
import { SessionCard } from '../live/session-card';
import { useNow } from '../live/use-now';
import { campaignsApi, type SessionSummary } from './api';
import { PhaseTag } from './campaign-labels';
import { formatDay, formatRegion } from './format';
import { CAMPAIGNS_NS } from './i18n';
import '../live/live.css';
import './campaigns.css';

type Loaded = { sessions: SessionSummary[]; receivedAt: number };

/** /campaigns/:campaignId: what seekers see — the campaign and its live, upcoming (预约) and replayed sessions. */
export default function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation(CAMPAIGNS_NS);
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const language = currentLanguage();
  const { reference } = useReference();
  const now = useNow();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [bookingOverrides, setBookingOverrides] = useState<Record<string, { isBooked: boolean; bookingCount: number }>>({});
  const detail = useApi(() => campaignsApi.get(campaignId), campaignId);
  const sessions = useApi<Loaded>(async () => ({ ...(await campaignsApi.listSessions(campaignId)), receivedAt: Date.now() }), `${campaignId}:${user?.id ?? ''}`);

  const handleToggleBooking = useCallback(async (session: SessionSummary) => {
    if (!user) {
      navigate(`/sign-in?next=${encodeURIComponent(`/campaigns/${campaignId}`)}`);
      return;
    }
    const shown = bookingOverrides[session.id] ?? session;
    setBusyId(session.id);
    try {
      if (shown.isBooked) await cancelBooking(session.id);
      else await bookSession(session.id);
      setBookingOverrides((previous) => ({ ...previous, [session.id]: { isBooked: !shown.isBooked, bookingCount: Math.max(0, shown.bookingCount + (shown.isBooked ? -1 : 1)) } }));
    } catch (error) {
      message.error(pickLanguage(error instanceof ApiError ? error.message : String(error), language));
    } finally {
      setBusyId(null);
    }
  }, [bookingOverrides, campaignId, language, message, navigate, user]);

  if (detail.error) return <PageError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  const { campaign } = detail.data;
  const all = sessions.data?.sessions ?? [];
  const groups: Array<[string, SessionSummary[]]> = [
    ['live', all.filter((session) => session.status === 'live')],
    ['upcoming', all.filter((session) => session.status === 'scheduled')],
    ['replays', all.filter((session) => session.status === 'ended')],
  ];

  return (
    <div className="stack" data-testid="campaign-page" data-campaign-id={campaign.id}>
      <section className="campaign-hero">
        <h1 data-testid="campaign-title">{campaign.name}</h1>
        <div className="campaign-meta">
          <span>{t('period', { from: formatDay(campaign.startsOn, language), to: formatDay(campaign.endsOn, language) })}</span>
          <span>{formatRegion(campaign, language, reference) ?? t('national')}</span>
          <span>{t('organiser', { name: campaign.organiserName })}</span>
        </div>
        <div className="campaign-hero-tags">
          <PhaseTag phase={campaign.phase} />
          <Tag>{t('counts', { sessions: campaign.sessionCount })}</Tag>
          {campaign.isSynthetic ? <Tag data-testid="campaign-synthetic">{t('synthetic')}</Tag> : null}
        </div>
        {campaign.description ? <p>{campaign.description}</p> : null}
      </section>
      {campaign.isSynthetic ? <Alert type="warning" showIcon title={t('syntheticNotice')} /> : null}
      {campaign.canManage ? <Link to={`/console/campaigns/${campaign.id}`}>{t('page.manage')} →</Link> : null}
      {sessions.error ? <PageError error={sessions.error} onRetry={sessions.reload} /> : null}
      {sessions.isLoading && !sessions.data ? <PageLoading /> : null}
      {sessions.data && all.length === 0 ? <Empty description={t('page.noSessions')} /> : null}
      {groups.filter(([, items]) => items.length > 0).map(([key, items]) => (
        <section key={key} className="stack" data-testid={`campaign-sessions-${key}`}>
          <h2 className="campaign-section-title">{t(`page.${key}`)}</h2>
          <div className="session-grid">
            {items.map((session) => {
              const override = bookingOverrides[session.id];
              return (
                <SessionCard
                  key={session.id}
                  session={override ? { ...session, ...override } : session}
                  startsAtLocal={(sessions.data?.receivedAt ?? now) + session.secondsUntilStart * 1000}
                  now={now}
                  isBookingBusy={busyId === session.id}
                  onToggleBooking={handleToggleBooking}
                />
              );
            })}
          </div>
        </section>
      ))}
      <Link to="/campaigns">{t('page.allCampaigns')} →</Link>
    </div>
  );
}
