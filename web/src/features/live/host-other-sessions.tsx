import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { listHostSessions } from '../profiles/api';
import { formatStart } from './format';
import { LIVE_NS } from './i18n';

/** Under 主播暂未开播 / 未开播: the host's other live and upcoming sessions, so the seeker has somewhere to go. */
export function HostOtherSessions({ hostUserId, sessionId }: { hostUserId: string; sessionId: string }) {
  const { t } = useTranslation(LIVE_NS);
  const language = currentLanguage();
  const sessions = useApi(() => listHostSessions(hostUserId, ['live', 'scheduled']), `host-sessions:${hostUserId}`);
  const others = (sessions.data?.sessions ?? []).filter((session) => session.id !== sessionId).slice(0, 3);
  if (others.length === 0) return null;
  return (
    <div className="host-other-sessions" data-testid="host-other-sessions">
      <div className="host-other-title">{t('room.otherSessions')}</div>
      {others.map((session) => (
        <Link key={session.id} to={`/live/${session.id}`} className="host-other-item" data-testid="host-other-session">
          <span className="host-other-name">{session.title}</span>
          <span className="host-other-when">{session.status === 'live' ? t('status.live') : formatStart(session.startsAt, new Date(), language)}</span>
        </Link>
      ))}
    </div>
  );
}
