import { DownOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import type { SessionSummary } from './api';
import { coverBackground } from './cover';
import { FeedRoom } from './feed-room';
import { formatCount, formatCountdown } from './format';
import { LIVE_NS } from './i18n';
import { useNow } from './use-now';

type Props = {
  index: number;
  session: SessionSummary;
  startsAtLocal: number;
  /** In view: it plays (muted) and joins the room; otherwise only its latest frame shows. */
  isActive: boolean;
  hasNext: boolean;
  onNext: () => void;
};

/** One screen of the feed. */
export function FeedItem({ index, session, startsAtLocal, isActive, hasNext, onNext }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const cityName = session.cityCode ? names.city(session.cityCode, session.cityName ?? '') : session.cityName;
  const now = useNow();
  const secondsLeft = Math.round((startsAtLocal - now) / 1000);
  return (
    <section
      className="feed-item"
      data-testid="feed-item"
      data-index={index}
      data-session-id={session.id}
      data-status={session.status}
      data-active={isActive}
      aria-label={session.title}
    >
      <div className="feed-poster" style={{ background: coverBackground(session) }} />
      {isActive ? <FeedRoom session={session} /> : null}
      <div className="feed-caption">
        <div className="feed-badges">
          {session.status === 'live' ? (
            <>
              <span className="live-badge is-live feed-badge"><span className="live-dot" />{t('status.live')}</span>
              <span className="feed-viewers" data-testid="feed-viewers"><EyeOutlined /> {formatCount(session.viewerCount, language)}</span>
            </>
          ) : (
            <span className="live-badge is-countdown feed-badge">
              {secondsLeft > 0 ? `${t('list.startsIn')} ${formatCountdown(secondsLeft, language)}` : session.isLate ? t('room.lateTitle') : t('list.startingSoon')}
            </span>
          )}
        </div>
        <Link to={`/live/${session.id}`} className="feed-title" data-testid="feed-open-room">{session.title}</Link>
        <div className="feed-host">{t('list.host', { name: session.hostName })}{cityName ? ` · ${cityName}` : ''}</div>
        {session.isSynthetic ? <div className="feed-synthetic">{t('room.synthetic')}</div> : null}
      </div>
      {hasNext ? (
        <button type="button" className="feed-next" onClick={onNext} aria-label={t('feed.next')} data-testid="feed-next">
          <DownOutlined />
        </button>
      ) : null}
    </section>
  );
}
