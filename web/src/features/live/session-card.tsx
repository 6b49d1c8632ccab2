import { BellFilled, BellOutlined, EyeOutlined, PlayCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import { CampaignTag } from '../campaigns/campaign-tag';
import type { SessionSummary } from './api';
import { coverBackground } from './cover';
import { formatCount, formatCountdown, formatStart } from './format';
import { LIVE_NS } from './i18n';

type Props = {
  session: SessionSummary;
  /** Milliseconds since the epoch when the session starts, by this browser's clock. */
  startsAtLocal: number;
  now: number;
  isBookingBusy: boolean;
  onToggleBooking: (session: SessionSummary) => void;
};

/** A portrait card like a short-video feed: cover with status badge, title, host and jobs, and 预约. */
export function SessionCard({ session, startsAtLocal, now, isBookingBusy, onToggleBooking }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const { t: tCommon } = useTranslation();
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const cityName = session.cityCode ? names.city(session.cityCode, session.cityName ?? '') : session.cityName;
  const secondsLeft = Math.round((startsAtLocal - now) / 1000);
  const link = `/live/${session.id}`;
  let badge;
  if (session.status === 'live') {
    badge = <span className="live-badge is-live"><span className="live-dot" />{t('status.live')}</span>;
  } else if (session.status === 'scheduled') {
    badge = (
      <span className="live-badge is-countdown" data-testid="session-countdown">
        {secondsLeft > 0 ? `${t('list.startsIn')} ${formatCountdown(secondsLeft, language)}` : t('list.startingSoon')}
      </span>
    );
  } else if (session.status === 'missed') {
    badge = <span className="live-badge is-missed">{t('status.missed')}</span>;
  } else {
    badge = <span className="live-badge is-replay"><PlayCircleFilled /> {t('room.replayBadge')}</span>;
  }

  return (
    <article className="session-card" data-testid="session-card" data-session-id={session.id} data-status={session.status}>
      <Link to={link} className={`session-cover${session.thumbnailUrl ? ' has-frame' : ''}`} style={{ background: coverBackground(session) }} data-testid="session-cover" data-thumbnail={session.thumbnailUrl ?? ''}>
        {badge}
        {session.status === 'live' ? (
          <span className="live-viewers" data-testid="session-viewers"><EyeOutlined /> {formatCount(session.viewerCount, language)}</span>
        ) : null}
        <span className="session-cover-text">{session.coverText || session.title}</span>
      </Link>
      <div className="session-body">
        <Link to={link} className="session-title">{session.title}</Link>
        <div className="session-meta">
          {[cityName, t('list.jobs', { count: session.jobCount })].filter(Boolean).join(' · ')}
        </div>
        {session.isSynthetic ? <div className="session-synthetic" data-testid="session-synthetic">{tCommon('synthetic.tag')}</div> : null}
        <CampaignTag campaign={session.campaign} />
        {session.status !== 'live' ? (
          <div className="session-meta">{formatStart(session.status === 'ended' ? session.wentLiveAt ?? session.startsAt : session.startsAt, new Date(now), language)}</div>
        ) : null}
        <div className="session-meta">
          <Link to={`/hosts/${session.hostUserId}`} className="session-host-link" data-testid="session-host-link">{t('list.host', { name: session.hostName })}</Link>
        </div>
        {session.employers.length > 0 ? (
          <div className="session-meta session-employers">
            {session.employers.slice(0, 2).map((employer, index) => (
              <span key={employer.companyId}>
                {index > 0 ? ' · ' : null}
                <Link to={`/companies/${employer.companyId}`} data-testid="session-employer-link">{employer.name}</Link>
              </span>
            ))}
            {session.employers.length > 2 ? ` +${session.employers.length - 2}` : null}
          </div>
        ) : null}
        {session.status === 'scheduled' ? (
          <div className="session-actions">
            <Button
              size="small"
              shape="round"
              type={session.isBooked ? 'default' : 'primary'}
              danger={!session.isBooked}
              icon={session.isBooked ? <BellFilled /> : <BellOutlined />}
              loading={isBookingBusy}
              onClick={() => onToggleBooking(session)}
              data-testid="book-session"
              aria-pressed={session.isBooked}
            >
              {session.isBooked ? t('list.booked') : t('list.book')}
            </Button>
            <span className="session-bookings">{t('list.bookings', { count: session.bookingCount })}</span>
          </div>
        ) : null}
      </div>
    </article>
  );
}
