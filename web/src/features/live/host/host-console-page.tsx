import { ArrowLeftOutlined, ExportOutlined, PoweroffOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Result, Statistic, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { currentLanguage } from '../../../app/i18n';
import { pickLanguage } from '../../../app/server-errors';
import { useApi } from '../../../app/use-api';
import { PageError, PageLoading } from '../../../components/page-states';
import { SessionFunnelCard } from '../../pipeline/session-funnel-card';
import { endSession, getSession, listSessionApplications, type HostApplication, type SessionDetail } from '../api';
import { formatCountdown, formatStart } from '../format';
import { LIVE_NS } from '../i18n';
import { detectCapabilities, LivePlayer } from '../live-player';
import { choosePlayback } from '../playback-plan';
import { useLiveRoom } from '../use-live-room';
import { useNow } from '../use-now';
import { ChatModeration } from './chat-moderation';
import { GoLivePanel } from './go-live-panel';
import { HostJobsPanel } from './host-jobs-panel';
import { STATUS_COLORS } from './status';
import { LeadFeed } from './lead-feed';
import '../live.css';

/** /host/sessions/:sessionId — the host's desktop console for one session. */
export default function HostConsolePage() {
  const { t } = useTranslation(LIVE_NS);
  const { t: tCommon } = useTranslation();
  const { sessionId = '' } = useParams();
  const [reloads, setReloads] = useState(0);
  const session = useApi(async () => ({ detail: await getSession(sessionId), loadedAt: Date.now() }), `${sessionId}:${reloads}`);
  const reload = useCallback(() => setReloads((value) => value + 1), []);
  if (session.data && !session.data.detail.canManage) return <Result status="403" title={tCommon('common.forbidden')} extra={<Link to="/host/sessions"><Button>{t('host.console.back')}</Button></Link>} />;
  if (session.data) return <HostConsole key={sessionId} detail={session.data.detail} loadedAt={session.data.loadedAt} onReload={reload} />;
  if (session.error) return <PageError error={session.error} onRetry={session.reload} />;
  return <PageLoading />;
}

function HostConsole({ detail, loadedAt, onReload }: { detail: SessionDetail; loadedAt: number; onReload: () => void }) {
  const { t } = useTranslation(LIVE_NS);
  const { message, notification } = App.useApp();
  const language = currentLanguage();
  const now = useNow();
  const [applications, setApplications] = useState<HostApplication[]>([]);
  const [counts, setCounts] = useState<Map<string, number>>(new Map());
  const [freshIds, setFreshIds] = useState<ReadonlySet<number>>(new Set());
  const [isEnding, setIsEnding] = useState(false);
  const [capabilities] = useState(detectCapabilities);
  const { user } = useAuth();

  const room = useLiveRoom(detail.id, { status: detail.status, likes: detail.likeCount, pinnedJobId: detail.pinnedJobId }, {
    onApplication: (application, jobCount) => {
      setApplications((previous) => (previous.some((item) => item.id === application.id) ? previous : [application, ...previous]));
      setCounts((previous) => new Map(previous).set(application.jobId, jobCount));
      setFreshIds((previous) => new Set([...previous, application.id]));
      notification.info({ title: t('host.applications.newToast', { name: application.seekerName, job: application.jobTitle }), description: application.maskedPhone, placement: 'bottomRight', duration: 3 });
    },
  });

  useEffect(() => {
    let isCurrent = true;
    listSessionApplications(detail.id).then(({ applications: loaded, counts: loadedCounts }) => {
      if (!isCurrent) return;
      // Pushes that arrived while loading are kept; the list is merged by id.
      setApplications((previous) => {
        const ids = new Set(previous.map((item) => item.id));
        return [...previous, ...loaded.filter((item) => !ids.has(item.id))].sort((a, b) => b.id - a.id);
      });
      setCounts((previous) => {
        const merged = new Map(loadedCounts.map((item) => [item.jobId, item.count]));
        for (const [jobId, count] of previous) merged.set(jobId, Math.max(count, merged.get(jobId) ?? 0));
        return merged;
      });
    }).catch((error: Error) => message.error(pickLanguage(error.message, language)));
    return () => {
      isCurrent = false;
    };
  }, [detail.id, language, message]);

  // Playback URLs and the replay list follow the status.
  useEffect(() => {
    if (room.status === detail.status) return;
    const timer = setTimeout(onReload, 800);
    return () => clearTimeout(timer);
  }, [room.status, detail.status, onReload]);

  const handleEnd = async () => {
    setIsEnding(true);
    try {
      await endSession(detail.id);
      message.success(t('host.console.endedToast'));
      onReload();
    } catch (error) {
      message.error(pickLanguage((error as Error).message, language));
    } finally {
      setIsEnding(false);
    }
  };

  const status = room.status;
  const plan = choosePlayback(status, detail.playback, capabilities);
  const total = useMemo(() => [...counts.values()].reduce((sum, count) => sum + count, 0), [counts]);
  const secondsLeft = Math.round((loadedAt + detail.secondsUntilStart * 1000 - now) / 1000);

  return (
    <div data-testid="host-console" data-status={status}>
      <div className="host-page-head">
        <div>
          <Link to="/host/sessions"><ArrowLeftOutlined /> {t('host.console.back')}</Link>
          <h1 className="page-title" style={{ margin: '6px 0 0', display: 'flex', alignItems: 'center', gap: 10, flexWrap: 'wrap' }}>
            {detail.title}
            <Tag color={STATUS_COLORS[status]} data-testid="console-status">{t(`status.${status}`)}</Tag>
          </h1>
          <p>
            {formatStart(detail.startsAt, new Date(now), language)}
            {status === 'scheduled' && secondsLeft > 0 ? ` · ${t('list.startsIn')} ${formatCountdown(secondsLeft, language)}` : ''}
            {detail.employerNames.length ? ` · ${detail.employerNames.join(' · ')}` : ''}
          </p>
        </div>
        <div style={{ display: 'flex', gap: 8 }}>
          <Button icon={<ExportOutlined />} href={`/live/${detail.id}`} target="_blank">{t('host.console.openRoom')}</Button>
          {status !== 'ended' ? (
            <Popconfirm title={t('host.console.endConfirm')} onConfirm={handleEnd} okButtonProps={{ danger: true }}>
              <Button danger icon={<PoweroffOutlined />} loading={isEnding} data-testid="end-session">{t('host.console.end')}</Button>
            </Popconfirm>
          ) : null}
        </div>
      </div>

      <div className="host-console">
        <div className="host-column">
          <Card size="small">
            <div className="host-stats">
              <Statistic title={t('host.console.stats.viewers')} value={room.viewers} data-testid="console-viewers" />
              <Statistic title={t('host.console.stats.likes')} value={room.likes} data-testid="console-likes" />
              <Statistic title={t('host.console.stats.applications')} value={total} data-testid="console-applications" />
              <Statistic title={t('host.console.stats.bookings')} value={detail.bookingCount} />
            </div>
          </Card>
          <Card size="small" title={t('host.console.preview')}>
            <div className="host-preview">
              {'url' in plan ? <LivePlayer plan={plan} isMuted className="host-preview-video" /> : null}
              {status === 'scheduled' ? <div className="host-preview-empty">{t('host.console.notLive')}</div> : null}
              {status === 'ended' && !('url' in plan) ? <div className="host-preview-empty">{t('host.console.ended')}</div> : null}
            </div>
          </Card>
          <GoLivePanel sessionId={detail.id} status={status} isHost={detail.hostUserId === user?.id} />
          {status !== 'scheduled' ? <SessionFunnelCard key={status} sessionId={detail.id} /> : null}
        </div>
        <div className="host-column">
          <HostJobsPanel jobs={detail.jobs} pinnedJobId={room.pinnedJobId} counts={counts} isEnded={status === 'ended'} onPin={room.pin} />
          <LeadFeed applications={applications} freshIds={freshIds} />
        </div>
        <div className="host-column">
          <ChatModeration messages={room.messages} restrictions={room.restrictions} canChat={room.canChat} onSend={room.sendChat} onDelete={room.deleteMessage} onMute={room.mute} onBan={room.ban} onLift={room.lift} />
        </div>
      </div>
    </div>
  );
}
