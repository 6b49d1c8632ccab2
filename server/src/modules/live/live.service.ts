import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { isDatabaseUnavailable } from '../../platform/availability.js';
import type { Config } from '../../platform/config.js';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import { NO_OUTBOX, type Outbox } from '../../platform/outbox.js';
import type { MediaLinks } from '../../platform/media/media-links.js';
import { createPlayTokens } from '../../platform/media/play-tokens.js';
import { STUDIO_INGEST_PATH } from '../../platform/media/studio-ingest.js';
import type { ThumbnailStore } from '../../platform/media/thumbnails.js';
import type { AuthService } from '../auth/index.js';
import type { CampaignsService } from '../campaigns/index.js';
import type { CompaniesService } from '../companies/index.js';
import type { GeoService } from '../geo/index.js';
import type { JobsService } from '../jobs/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type {
  ChatMessage,
  RoomRestriction,
  ScheduleSessionBody,
  SessionDetail,
  SessionStatus,
  SessionSummary,
  StreamKeyInfo,
} from '../../../../contracts/live.js';
import type { PublicHost } from '../../../../contracts/profiles.js';
import * as repository from './live.repository.js';
import { applyWordFilter, type WordRule } from './word-filter.js';

const SCHEDULING_ROLES = new Set(['host', 'employer', 'bureau', 'admin']);
const MAX_JOBS_PER_SESSION = 50;
const WORD_FILTER_CACHE_MS = 30_000;
/** How long after the end a live session without a stored recording is "回放生成中" rather than without replay. */
const REPLAY_PREPARATION_MS = 15 * 60_000;

/** Ended, or missed (未开播): no stream, no chat, no bookings any more. */
const isOver = (status: SessionStatus) => status === 'ended' || status === 'missed';
const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
const newSecret = () => randomBytes(24).toString('base64url');
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of a presented stream key with the stored one. */
export function isSameSecret(presented: string, stored: string): boolean {
  return timingSafeEqual(digest(presented), digest(stored));
}

export type ListSessionsQuery = {
  status?: SessionStatus[];
  cityCode?: string;
  provinceCode?: string;
  mine?: boolean;
  booked?: boolean;
  campaignId?: string;
  limit: number;
};

export type Restriction = { userId: string; kind: 'mute' | 'ban'; until: Date | null };

export function createLiveService(deps: {
  db: Db;
  events: EventBus;
  config: Config;
  auth: AuthService;
  geo: GeoService;
  jobs: JobsService;
  companies: CompaniesService;
  notifications: NotificationsService;
  media: MediaLinks;
  /** Checks a campaignId given when scheduling (the campaigns module's rules). */
  campaigns: Pick<CampaignsService, 'checkNewSession'>;
  /** Frames of live streams for the cards (the thumbnail worker writes them). */
  thumbnails: Pick<ThumbnailStore, 'urlFor'>;
  /** The clock of the session-state rules (tests move it). */
  clock?: () => Date;
  /** Webhook events (session.live, session.ended), written in the status change's transaction. */
  outbox?: Outbox;
}) {
  const { db, events, config, auth, geo, jobs, companies, notifications, media, campaigns, thumbnails } = deps;
  const outbox = deps.outbox ?? NO_OUTBOX;
  const clock = deps.clock ?? (() => new Date());
  const endTimers = new Map<string, NodeJS.Timeout>();
  let wordRules: { rules: WordRule[]; loadedAt: number } | null = null;
  // 网页开播: a studio's WebSocket carries a token signed for the session's host (the same HMAC scheme as playback,
  // with its own secret), good for a few minutes to connect or reconnect.
  const studioTokens = createPlayTokens(`${config.media.playSecret}|studio`, 120);

  function toSummary(row: repository.SummaryRow): SessionSummary {
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      startsAt: iso(row.startsAt)!,
      secondsUntilStart: row.secondsUntilStart,
      hostUserId: row.hostUserId,
      hostName: row.hostName,
      coverText: row.coverText,
      provinceCode: row.provinceCode,
      cityCode: row.cityCode,
      cityName: row.cityName,
      employerNames: row.employerNames,
      employers: row.employers,
      jobCount: row.jobCount,
      bookingCount: row.bookingCount,
      isBooked: row.isBooked,
      wentLiveAt: iso(row.wentLiveAt),
      endedAt: iso(row.endedAt),
      isSynthetic: row.isSynthetic,
      campaign: row.campaignId ? { id: row.campaignId, name: row.campaignName ?? '' } : null,
      isLate: row.status === 'scheduled' && clock().getTime() - new Date(row.startsAt).getTime() >= config.live.lateAfterMs,
      viewerCount: row.status === 'live' ? row.viewerCount : 0,
      thumbnailUrl: thumbnails.urlFor(row.id),
    };
  }

  const isManager = (user: AuthUser | null, session: { hostUserId: string; createdBy: string | null }) =>
    !!user && (user.role === 'admin' || user.id === session.hostUserId || user.id === session.createdBy);

  async function getSessionRow(sessionId: string) {
    const session = await repository.findSessionRow(db, sessionId);
    if (!session) throw notFound('Live session');
    return session;
  }

  /** The host console's gate: the host, whoever scheduled the session, or an admin. */
  async function getManagedSession(user: AuthUser | null, sessionId: string) {
    const session = await getSessionRow(sessionId);
    if (!isManager(user, session)) throw forbidden('Only the host of this session can do this / 仅主播可操作');
    return session;
  }

  async function resolveHost(user: AuthUser, hostUserId: string | undefined): Promise<AuthUser> {
    if (!hostUserId || hostUserId === user.id) {
      if (user.role === 'employer' && !user.companyId) throw new AppError('forbidden', 'Register your company first / 请先登记企业信息');
      return user;
    }
    if (user.role === 'host') throw invalid('body.hostUserId', 'a host schedules their own sessions / 主播只能为自己创建直播');
    const host = await auth.getUser(hostUserId).catch(() => null);
    if (!host) throw invalid('body.hostUserId', 'no such user');
    const allowed = user.role === 'admin' ? ['host', 'employer', 'bureau', 'admin'] : ['host'];
    if (!allowed.includes(host.role)) throw invalid('body.hostUserId', `must be a user with the role ${allowed.join(' or ')}`);
    return host;
  }

  /** Who may present which jobs: a direct employer its own; hosts, agencies, bureaus and admins several employers'. */
  async function checkJobs(user: AuthUser, jobIds: string[]) {
    if (new Set(jobIds).size !== jobIds.length) throw invalid('body.jobIds', 'lists a job twice');
    let ownCompanyOnly: string | null = null;
    if (user.role === 'employer') {
      const company = await companies.getCompany(user.companyId!);
      if (company.status !== 'verified') throw forbidden(`Only verified companies can schedule sessions; yours is ${company.status} / 企业通过审核后才能创建直播`);
      if (company.accountType === 'direct') ownCompanyOnly = company.id;
    }
    for (const [index, jobId] of jobIds.entries()) {
      let job;
      try {
        job = await jobs.getJob(null, jobId);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') throw invalid(`body.jobIds.${index}`, 'is not an open job / 岗位不存在或已关闭');
        throw error;
      }
      if (ownCompanyOnly && job.companyId !== ownCompanyOnly) {
        throw invalid(`body.jobIds.${index}`, 'a direct employer presents its own jobs only / 企业只能讲解本企业岗位');
      }
    }
  }

  /** Publish starts and stops of one session are handled in the order they came (a reconnect's start must not be overtaken by the stop before it). */
  const publishChanges = new Map<string, Promise<unknown>>();
  function inPublishOrder<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = publishChanges.get(sessionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    publishChanges.set(sessionId, next);
    void next.catch(() => undefined).finally(() => {
      if (publishChanges.get(sessionId) === next) publishChanges.delete(sessionId);
    });
    return next;
  }

  function clearEndTimer(sessionId: string) {
    const timer = endTimers.get(sessionId);
    if (timer) clearTimeout(timer);
    endTimers.delete(sessionId);
  }

  /** A status change and its webhook event (session.live, session.ended), in one transaction. */
  function changeStatusWithEvent(type: 'session.live' | 'session.ended', change: (tx: Queryable) => Promise<repository.SessionRow | null>) {
    return db.transaction(async (tx) => {
      const row = await change(tx);
      if (row) await outbox.record(tx, { type, sessionId: row.id, facts: { status: row.status, wentLiveAt: row.wentLiveAt, endedAt: row.endedAt } });
      return row;
    });
  }

  async function endSessionNow(sessionId: string) {
    clearEndTimer(sessionId);
    return announceEnded(await changeStatusWithEvent('session.ended', (tx) => repository.updateSessionEnded(tx, sessionId)));
  }

  /** Ends the session if its end is still due at `dueAt` (atomic: of several nodes, one ends it; a publish meanwhile cancels it). */
  async function endSessionIfDue(sessionId: string, dueAt: Date) {
    return announceEnded(await changeStatusWithEvent('session.ended', (tx) => repository.updateSessionEndedIfDue(tx, sessionId, dueAt)));
  }

  function announceEnded(row: repository.SessionRow | null) {
    if (!row) return false;
    // The pinned card goes with the stream (the room clears 讲解中 on this event).
    events.emit('LiveSessionStatusChanged', { sessionId: row.id, status: 'ended', wentLiveAt: row.wentLiveAt, endedAt: row.endedAt });
    events.emit('LiveStreamKeyChanged', { sessionId: row.id });
    return true;
  }

  async function startPublish(sessionId: string) {
    clearEndTimer(sessionId);
    await repository.updateSessionEndDue(db, sessionId, null);
    const row = await changeStatusWithEvent('session.live', (tx) => repository.updateSessionLive(tx, sessionId));
    if (!row) return;
    events.emit('LiveSessionStatusChanged', { sessionId, status: 'live', wentLiveAt: row.wentLiveAt, endedAt: null });
    const userIds = await repository.claimBookingsToNotify(db, sessionId);
    if (userIds.length > 0) {
      await notifications.notify(userIds.map((userId) => ({
        userId,
        kind: 'live_session_started',
        title: `你预约的直播开始了：${row.title}`,
        body: 'Your booked live session has started / 你预约的直播带岗已开播，点击进入直播间',
        link: `/live/${sessionId}`,
        payload: { sessionId, en: `Live now: ${row.title}` },
      })));
    }
  }

  async function stopPublish(sessionId: string) {
    clearEndTimer(sessionId);
    const dueAt = new Date(clock().getTime() + config.media.endGraceMs);
    await repository.updateSessionEndDue(db, sessionId, dueAt);
    const timer = setTimeout(() => {
      endTimers.delete(sessionId);
      endSessionIfDue(sessionId, dueAt).catch((error: unknown) => console.error('ending live session failed', error));
    }, config.media.endGraceMs);
    timer.unref();
    endTimers.set(sessionId, timer);
  }

  async function getWordRules() {
    if (!wordRules || Date.now() - wordRules.loadedAt > WORD_FILTER_CACHE_MS) {
      const rows = await repository.listWordFilters(db);
      wordRules = { rules: rows.map((row) => ({ word: row.word, action: row.action })), loadedAt: Date.now() };
    }
    return wordRules.rules;
  }

  return {
    getSessionRow,
    getManagedSession,
    isManager,

    async scheduleSession(user: AuthUser, body: ScheduleSessionBody): Promise<SessionDetail> {
      if (!SCHEDULING_ROLES.has(user.role)) throw forbidden('Hosts, employers and bureaus schedule sessions / 仅主播、企业、人社部门可创建直播');
      const startsAt = Date.parse(body.startsAt);
      if (startsAt > Date.now() + 366 * 86_400_000) throw invalid('body.startsAt', 'is more than a year ahead');
      if (startsAt < Date.now() - 86_400_000) throw invalid('body.startsAt', 'is more than a day in the past');
      if (body.jobIds.length > MAX_JOBS_PER_SESSION) throw invalid('body.jobIds', `at most ${MAX_JOBS_PER_SESSION} jobs`);
      if (body.cityCode) geo.getCity(body.cityCode, 'body.cityCode');
      const host = await resolveHost(user, body.hostUserId);
      await checkJobs(user, body.jobIds);
      if (body.campaignId) await campaigns.checkNewSession(user, body.campaignId, { startsAt: body.startsAt });
      const sessionId = await db.transaction(async (tx) => {
        const id = await repository.insertSession(tx, {
          title: body.title,
          hostUserId: host.id,
          createdBy: user.id,
          startsAt: new Date(startsAt).toISOString(),
          coverText: body.coverText,
          cityCode: body.cityCode ?? null,
          campaignId: body.campaignId ?? null,
        });
        await repository.insertSessionJobs(tx, id, body.jobIds);
        await repository.upsertStreamKey(tx, id, newSecret());
        return id;
      });
      events.emit('LiveStreamKeyChanged', { sessionId });
      events.emit('LiveSessionScheduled', { sessionId });
      return this.getSessionDetail(user, sessionId);
    },

    async listSessions(viewer: AuthUser | null, query: ListSessionsQuery): Promise<SessionSummary[]> {
      if ((query.mine || query.booked) && !viewer) throw new AppError('unauthenticated', 'Please sign in first / 请先登录');
      const rows = await repository.listSessionSummaries(db, {
        statuses: query.status?.length ? query.status : ['live', 'scheduled'],
        viewerUserId: viewer?.id ?? null,
        cityCode: query.cityCode ?? null,
        provinceCode: query.provinceCode ?? null,
        hostUserId: query.mine ? viewer!.id : null,
        bookedOnly: query.booked ?? false,
        campaignId: query.campaignId ?? null,
        limit: query.limit,
      });
      return rows.map(toSummary);
    },

    /** A session as a webhook carries it: what anyone sees on its public page, without playback links. Null when gone. */
    async describeForWebhook(sessionId: string) {
      const row = await repository.findSessionSummary(db, sessionId, null);
      if (!row) return null;
      const { secondsUntilStart: _seconds, ...summary } = toSummary(row);
      const sessionJobs = await repository.listSessionJobs(db, sessionId);
      return { ...summary, jobs: sessionJobs.map((job) => ({ id: job.jobId, title: job.title, companyName: job.companyName })), watchUrl: `${config.publicUrl}/live/${sessionId}` };
    },

    async getSessionDetail(viewer: AuthUser | null, sessionId: string): Promise<SessionDetail> {
      const row = await repository.findSessionSummary(db, sessionId, viewer?.id ?? null);
      if (!row) throw notFound('Live session');
      const [sessionJobs, recordings, isBanned] = await Promise.all([
        repository.listSessionJobs(db, sessionId),
        row.status === 'ended' ? repository.listRecordings(db, sessionId) : Promise.resolve([]),
        viewer && !isOver(row.status) ? repository.isBannedFromSession(db, sessionId, viewer.id) : Promise.resolve(false),
      ]);
      // Each viewer's live URLs carry their own signed playback token; a viewer banned from the session gets none.
      const canPlayLive = !isOver(row.status) && !isBanned;
      const playbackViewer = viewer?.id ?? 'guest';
      // Prefer the MP4 remux of a recording over its FLV original when both exist.
      const mp4Bases = new Set(recordings.filter((item) => item.format === 'mp4').map((item) => item.fileName.replace(/\.mp4$/, '')));
      const replay = recordings
        .filter((item) => item.format === 'mp4' || !mp4Bases.has(item.fileName.replace(/\.flv$/, '')))
        .map((item) => ({ url: media.replayUrl(sessionId, item.fileName), format: item.format, bytes: item.bytes, startedAt: iso(item.startedAt)!, endedAt: iso(item.endedAt)! }));
      let replayState: SessionDetail['replayState'] = 'none';
      if (replay.length > 0) replayState = 'ready';
      else if (row.status === 'ended' && row.wentLiveAt && row.endedAt && clock().getTime() - new Date(row.endedAt).getTime() < REPLAY_PREPARATION_MS) replayState = 'pending';
      return {
        ...toSummary(row),
        jobs: sessionJobs,
        pinnedJobId: row.pinnedJobId,
        likeCount: row.likeCount,
        playback: {
          flvUrl: canPlayLive ? media.flvUrl(sessionId, playbackViewer) : null,
          hlsUrl: canPlayLive ? media.hlsUrl(sessionId, playbackViewer) : null,
          replay,
        },
        canManage: isManager(viewer, row),
        replayState,
      };
    },

    async bookSession(user: AuthUser, sessionId: string) {
      const session = await getSessionRow(sessionId);
      if (isOver(session.status)) throw new AppError('conflict', 'This session has ended / 直播已结束');
      await repository.insertBooking(db, sessionId, user.id);
    },

    async unbookSession(user: AuthUser, sessionId: string) {
      await getSessionRow(sessionId);
      await repository.deleteBooking(db, sessionId, user.id);
    },

    async getStreamKey(user: AuthUser | null, sessionId: string): Promise<StreamKeyInfo> {
      const session = await getManagedSession(user, sessionId);
      let key = await repository.findStreamKey(db, sessionId);
      if (!key && !isOver(session.status)) {
        // Sessions made outside scheduleSession (imports, demo data) get their key on first use.
        await repository.upsertStreamKey(db, sessionId, newSecret());
        events.emit('LiveStreamKeyChanged', { sessionId });
        key = await repository.findStreamKey(db, sessionId);
      }
      if (!key) throw notFound('Stream key');
      const rtmpUrl = media.rtmpServerUrl();
      const streamKey = `${sessionId}?key=${key.secret}`;
      return { rtmpUrl, streamKey, publishUrl: `${rtmpUrl}/${streamKey}`, rotatedAt: iso(key.rotatedAt)! };
    },

    /** A new secret; the old one stops working for new publishes at once. */
    async rotateStreamKey(user: AuthUser, sessionId: string): Promise<StreamKeyInfo> {
      const session = await getManagedSession(user, sessionId);
      if (isOver(session.status)) throw new AppError('conflict', 'This session has ended / 直播已结束');
      await repository.upsertStreamKey(db, sessionId, newSecret());
      events.emit('LiveStreamKeyChanged', { sessionId });
      return this.getStreamKey(user, sessionId);
    },

    async endSession(user: AuthUser, sessionId: string) {
      await getManagedSession(user, sessionId);
      await endSessionNow(sessionId);
      return this.getSessionDetail(user, sessionId);
    },

    /**
     * 网页开播: where the session's host's browser studio sends its recording. Only the session's host (not the
     * company's other members or an admin: the camera is the host's), and not once the session is over.
     */
    async openStudio(user: AuthUser, sessionId: string) {
      const session = await getSessionRow(sessionId);
      if (user.id !== session.hostUserId) throw forbidden('Only the host of this session can go live from the browser / 仅本场主播可网页开播');
      if (isOver(session.status)) throw new AppError('conflict', 'This session has ended / 直播已结束');
      await this.getStreamKey(user, sessionId); // a key exists (sessions made by imports get theirs on first use)
      const token = studioTokens.issue(sessionId, user.id);
      const query = new URLSearchParams({ sessionId, token });
      return { ingestPath: `${STUDIO_INGEST_PATH}?${query}`, mediaMode: media.mode };
    },

    /** The studio's WebSocket: the token is this session's host's, the session not over → ffmpeg's publish URL. */
    async resolveStudioPublish(token: string, sessionId: string): Promise<{ publishUrl: string } | null> {
      const userId = studioTokens.verify(token, sessionId);
      if (!userId) return null;
      const session = await repository.findSessionRow(db, sessionId);
      if (!session || session.hostUserId !== userId || isOver(session.status)) return null;
      const key = await repository.findStreamKey(db, sessionId);
      if (!key) return null;
      return { publishUrl: `${media.internalRtmpUrl()}/${sessionId}?key=${key.secret}` };
    },

    // ------------------------------------------------------------ media server side

    /** The same rule for the embedded server and nginx-rtmp's on_publish: right key, session scheduled or live, its host not banned. */
    async authorizePublish(sessionId: string, presentedKey: string | undefined): Promise<boolean> {
      if (!presentedKey || !/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
      const [row] = await repository.listPublishableStreamKeys(db, sessionId);
      return !!row && isSameSecret(presentedKey, row.secret);
    },

    /**
     * nginx's on_play / auth_request (MEDIA_MODE=external): the session is live, the playback token is this
     * session's and unexpired, and its viewer is not banned from the session.
     */
    async authorizePlay(sessionId: string, token: unknown): Promise<'ok' | 'not_live' | 'forbidden'> {
      if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return 'not_live';
      const row = await repository.findSessionRow(db, sessionId);
      if (!row || row.status !== 'live') return 'not_live';
      const viewer = media.playTokens.verify(token, sessionId);
      if (!viewer) return 'forbidden';
      if (viewer !== 'guest' && viewer !== 'internal' && (await repository.isBannedFromSession(db, sessionId, viewer))) return 'forbidden';
      return 'ok';
    },

    /** Who a playback token was issued to ('guest', 'internal' or a user id), or null when it is not valid for the session. */
    playTokenViewer(sessionId: string, token: unknown): string | null {
      return media.playTokens.verify(token, sessionId);
    },

    /** Whether `presentedKey` is the session's stream key, whatever the session's state (nginx's on_record_done comes after the end). */
    async isStreamKeyOf(sessionId: string, presentedKey: string | undefined): Promise<boolean> {
      if (!presentedKey || !/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
      const key = await repository.findStreamKey(db, sessionId);
      return !!key && isSameSecret(presentedKey, key.secret);
    },

    /** A banned host's live sessions (their publishers are dropped on nginx-rtmp). */
    listLiveSessionIdsOfHost(hostUserId: string): Promise<string[]> {
      return repository.listLiveSessionIdsOfHost(db, hostUserId);
    },

    /** Hosts a scheduler may name as a session's host (employers, bureaus, admins; a host schedules for itself). */
    async searchHosts(user: AuthUser, query: string, limit: number) {
      if (user.role === 'host' || !SCHEDULING_ROLES.has(user.role)) throw forbidden('Only employers, bureaus and admins name another host / 仅企业、人社部门和管理员可指定主播');
      return repository.searchHosts(db, query.trim(), limit);
    },

    /** The account an operator names as host (jobcast sessions create --host EMAIL), or null. */
    async findUserByEmail(email: string): Promise<AuthUser | null> {
      const userId = await repository.findUserIdByEmail(db, email.trim().toLowerCase());
      return userId ? auth.getUser(userId) : null;
    },

    listPublishableStreamKeys(sessionId: string | null = null) {
      return repository.listPublishableStreamKeys(db, sessionId);
    },

    /** The encoder is publishing: scheduled → live (booked seekers are notified once); a pending end is cancelled. */
    handlePublishStarted(sessionId: string) {
      return inPublishOrder(sessionId, () => startPublish(sessionId));
    },

    /**
     * The encoder stopped: the session ends after the grace period unless it publishes again. The due time is
     * stored (any node cancels it on a publish, and `endDueSessions` on any node ends it if this node dies);
     * this node's timer ends it on time.
     */
    handlePublishStopped(sessionId: string) {
      return inPublishOrder(sessionId, () => stopPublish(sessionId));
    },

    /** Sessions whose end came due and was not cancelled (their node's timer is gone, e.g. the node died): ended once, by whichever node gets there. */
    async endDueSessions(): Promise<string[]> {
      const now = clock();
      const ended: string[] = [];
      for (const sessionId of await repository.listSessionIdsDueToEnd(db, now)) {
        if (await endSessionIfDue(sessionId, now)) ended.push(sessionId);
      }
      return ended;
    },

    /** After a restart nothing is publishing to the embedded server: live sessions end unless the encoder comes back. */
    async scheduleEndOfOrphanedLiveSessions() {
      for (const { id } of await repository.listSessionIdsByStatus(db, 'live')) await this.handlePublishStopped(id);
    },

    async recordRecording(recording: { sessionId: string; fileName: string; format: 'flv' | 'mp4'; bytes: number; startedAt: Date; endedAt: Date }) {
      await repository.insertRecording(db, recording);
      events.emit('LiveReplayReady', { sessionId: recording.sessionId });
    },

    /**
     * Honest states: a scheduled session LIVE_MISSED_AFTER_MINUTES past its start that never went live becomes
     * `missed` (未开播; not counted as held, can no longer publish). Returns the sessions it marked.
     */
    async markMissedSessions(): Promise<string[]> {
      const cutoff = new Date(clock().getTime() - config.live.missedAfterMs);
      const ids = await repository.updateSessionsMissed(db, cutoff);
      for (const sessionId of ids) {
        events.emit('LiveSessionStatusChanged', { sessionId, status: 'missed', wentLiveAt: null, endedAt: null });
        events.emit('LiveStreamKeyChanged', { sessionId });
      }
      return ids;
    },

    /** Live sessions, for the thumbnail worker. */
    async listLiveSessionIds(): Promise<string[]> {
      return (await repository.listSessionIdsByStatus(db, 'live')).map((row) => row.id);
    },

    /** The first recording of a session on disk (a replay thumbnail is taken from it), or null. */
    async findReplayFile(sessionId: string): Promise<string | null> {
      const [first] = await repository.listRecordings(db, sessionId);
      return first ? path.join(config.media.recordingsDir, 'recordings', 'live', sessionId, first.fileName) : null;
    },

    findRecording(sessionId: string, fileName: string) {
      return repository.findRecording(db, sessionId, fileName);
    },

    stopTimers() {
      for (const timer of endTimers.values()) clearTimeout(timer);
      endTimers.clear();
    },

    // ------------------------------------------------------------ room (used by the realtime layer)

    async listRecentChat(sessionId: string, hostUserId: string, limit = 30): Promise<ChatMessage[]> {
      const rows = await repository.listRecentChatMessages(db, sessionId, hostUserId, limit);
      return rows.map((row) => ({ ...row, createdAt: iso(row.createdAt)! }));
    },

    /**
     * Word filter: throws for a blocked word, returns the text with masked words otherwise. `isAllowed` lets a
     * caller exempt words (a seeker's question about 押金 in a conversation is never blocked).
     */
    async filterChatText(text: string, options: { isAllowed?: (word: string) => boolean } = {}): Promise<string> {
      const rules = await getWordRules();
      const result = applyWordFilter(text, options.isAllowed ? rules.filter((rule) => !options.isAllowed!(rule.word)) : rules);
      if (result.isBlocked) throw new AppError('validation_failed', 'This message contains a blocked word / 消息包含违规词', { fields: [{ path: 'text', message: 'contains a blocked word' }] });
      return result.text;
    },

    newChatMessageId: () => randomUUID(),

    /**
     * Stores a batch of acknowledged messages in one insert. When the batch fails, each message is stored on
     * its own, so one the database refuses costs only itself; while the database is unreachable the messages
     * come back as `retry` (the caller keeps them for the next flush). No acknowledged message is dropped
     * silently: `refused` ones are logged by id.
     */
    async persistChatMessages(messages: ChatMessage[]): Promise<{ retry: ChatMessage[]; refused: ChatMessage[] }> {
      const toRow = (message: ChatMessage) => ({ ...message, createdAt: new Date(message.createdAt) });
      try {
        await repository.insertChatMessages(db, messages.map(toRow));
        return { retry: [], refused: [] };
      } catch (error) {
        if (isDatabaseUnavailable(error)) return { retry: messages, refused: [] };
      }
      const retry: ChatMessage[] = [];
      const refused: ChatMessage[] = [];
      for (const message of messages) {
        try {
          await repository.insertChatMessages(db, [toRow(message)]);
        } catch (error) {
          (isDatabaseUnavailable(error) ? retry : refused).push(message);
        }
      }
      return { retry, refused };
    },

    async deleteChatMessage(user: AuthUser, sessionId: string, messageId: string) {
      await getManagedSession(user, sessionId);
      await repository.markChatMessageDeleted(db, sessionId, messageId, user.id);
    },

    async pinJob(user: AuthUser, sessionId: string, jobId: string | null) {
      const session = await getManagedSession(user, sessionId);
      if (isOver(session.status)) throw new AppError('conflict', 'This session has ended / 直播已结束');
      if (jobId && !(await repository.isJobInSession(db, sessionId, jobId))) throw invalid('jobId', 'is not one of this session\'s jobs');
      await repository.updatePinnedJob(db, sessionId, jobId);
      return jobId;
    },

    async restrictUser(user: AuthUser, input: { sessionId: string; userId: string; kind: 'mute' | 'ban'; minutes?: number; reason?: string }): Promise<Restriction> {
      const session = await getManagedSession(user, input.sessionId);
      if (input.userId === session.hostUserId || input.userId === user.id) throw invalid('userId', 'the host cannot be muted or banned');
      const until = input.kind === 'mute' && input.minutes ? new Date(Date.now() + input.minutes * 60_000) : null;
      await repository.upsertRestriction(db, { sessionId: input.sessionId, userId: input.userId, kind: input.kind, until, reason: input.reason ?? '', createdBy: user.id });
      if (input.kind === 'ban') events.emit('LiveViewerBanChanged', { sessionId: input.sessionId, userId: input.userId, isBanned: true });
      return { userId: input.userId, kind: input.kind, until };
    },

    async liftRestriction(user: AuthUser, input: { sessionId: string; userId: string; kind: 'mute' | 'ban' }) {
      await getManagedSession(user, input.sessionId);
      await repository.deleteRestriction(db, input.sessionId, input.userId, input.kind);
      if (input.kind === 'ban') events.emit('LiveViewerBanChanged', { sessionId: input.sessionId, userId: input.userId, isBanned: false });
    },

    /** The media server's deny list: viewers banned from sessions that are scheduled or live. */
    async listPlaybackBans(): Promise<Array<{ sessionId: string; viewer: string }>> {
      const rows = await repository.listLivePlaybackBans(db);
      return rows.map((row) => ({ sessionId: row.sessionId, viewer: row.userId }));
    },

    /** May this viewer (null = a guest) watch the session's live video? A ban covers the video, not only chat. */
    async canWatchLive(viewer: AuthUser | null, sessionId: string): Promise<boolean> {
      return !viewer || !(await repository.isBannedFromSession(db, sessionId, viewer.id));
    },

    listActiveRestrictions(sessionId: string): Promise<Restriction[]> {
      return repository.listActiveRestrictions(db, sessionId);
    },

    /** For the host console (after a reload too): who is muted or removed, so that it can be lifted. */
    async listRestrictionsForConsole(sessionId: string): Promise<RoomRestriction[]> {
      const rows = await repository.listActiveRestrictionsWithNames(db, sessionId);
      return rows.map((row) => ({ userId: row.userId, displayName: row.displayName, kind: row.kind, until: iso(row.until) }));
    },

    addLikesAndPeakViewers(sessionId: string, likes: number, viewers: number) {
      return repository.addLikesAndPeakViewers(db, sessionId, likes, viewers);
    },

    listLikeCounts(sessionIds: string[]) {
      return repository.listLikeCounts(db, sessionIds);
    },

    /** Who was in the room (the funnel's first step), written in batches by the realtime layer. */
    recordViewers(sessionId: string, viewers: Array<{ viewerKey: string; userId: string | null }>) {
      return repository.insertViewers(db, sessionId, viewers);
    },

    /** A viewer opened a job card; `userId` for a signed-in viewer (whose key is their id), null for a guest. */
    recordJobCardOpen(sessionId: string, jobId: string, viewerKey: string, userId: string | null = null) {
      return repository.insertJobCardOpen(db, sessionId, jobId, viewerKey, userId);
    },

    /**
     * What the live rooms hold about a person, plugged into the privacy module (data download, account
     * deletion): bookings, chat messages, sessions watched, job cards opened, mutes/bans applied to them.
     */
    personalDataSource: {
      name: 'live',
      collect: (tx: Queryable, userId: string) => repository.listPersonalLiveData(tx, userId),
      erase: (tx: Queryable, userId: string) => repository.eraseLiveDataOfUser(tx, userId, randomBytes(16).toString('hex')),
    },

    isJobInSession(sessionId: string, jobId: string) {
      return repository.isJobInSession(db, sessionId, jobId);
    },

    /** Where an application from a room comes from: `live` (scheduled or live) or `replay` (ended). */
    async getApplicationSource(sessionId: string, jobId: string): Promise<'live' | 'replay'> {
      const row = await repository.findSessionStatusForJob(db, sessionId, jobId);
      if (!row) throw notFound('Live session');
      if (!row.isJobInSession) throw invalid('body.jobId', 'is not one of this session\'s jobs');
      return isOver(row.status) ? 'replay' : 'live';
    },

    // ------------------------------------------------------------ word filter table (admins)

    listWordFilters() {
      return repository.listWordFilters(db);
    },

    async addWordFilter(user: AuthUser, word: string, action: 'block' | 'mask') {
      const id = await repository.insertWordFilter(db, word.trim(), action, user.id);
      wordRules = null;
      return id;
    },

    async removeWordFilter(id: number) {
      if (!(await repository.deleteWordFilter(db, id))) throw notFound('Word filter entry');
      wordRules = null;
    },

    // ------------------------------------------------------------ public host and company pages

    /** A host's public page (display name, role, counts); 404 for a deleted or banned account or a seeker. */
    async getPublicHost(hostUserId: string): Promise<PublicHost> {
      const row = await repository.findPublicHost(db, hostUserId);
      if (!row) throw notFound('Host');
      return {
        id: row.id,
        displayName: row.displayName,
        role: row.role,
        company: row.companyId ? { id: row.companyId, name: row.companyName! } : null,
        sessionCounts: { live: row.live, scheduled: row.scheduled, ended: row.ended },
        isSynthetic: row.isSynthetic,
      };
    },

    /** The sessions on a host's page (default: live and upcoming; ?status=ended for replays). */
    async listHostSessions(viewer: AuthUser | null, hostUserId: string, query: { status?: SessionStatus[]; limit: number }): Promise<SessionSummary[]> {
      await this.getPublicHost(hostUserId);
      const rows = await repository.listSessionSummariesOf(db, {
        viewerUserId: viewer?.id ?? null, statuses: query.status?.length ? query.status : ['live', 'scheduled'], hostUserId, companyId: null, limit: query.limit,
      });
      return rows.map(toSummary);
    },

    /** Session summaries in the order of the ids given (a ranking's). */
    async listSessionSummariesInOrder(viewer: AuthUser | null, sessionIds: string[]): Promise<SessionSummary[]> {
      if (sessionIds.length === 0) return [];
      const byId = new Map((await repository.listSessionSummariesByIds(db, viewer?.id ?? null, sessionIds)).map((row) => [row.id, toSummary(row)]));
      return sessionIds.flatMap((id) => byId.get(id) ?? []);
    },

    /** The sessions presenting one job (its page: watch, book, replay); the job must be one the viewer may see. */
    async listJobSessions(viewer: AuthUser | null, jobId: string, query: { status?: SessionStatus[]; limit: number }): Promise<SessionSummary[]> {
      await jobs.getJob(viewer, jobId);
      const rows = await repository.listSessionSummariesOf(db, {
        viewerUserId: viewer?.id ?? null, statuses: query.status?.length ? query.status : ['live', 'scheduled'], hostUserId: null, companyId: null, jobId, limit: query.limit,
      });
      return rows.map(toSummary);
    },

    /** The sessions presenting a company's jobs, for its page; the company must be public (verified). */
    async listCompanySessions(viewer: AuthUser | null, companyId: string, query: { status?: SessionStatus[]; limit: number }): Promise<SessionSummary[]> {
      await companies.getPublicCompany(viewer, companyId);
      const rows = await repository.listSessionSummariesOf(db, {
        viewerUserId: viewer?.id ?? null, statuses: query.status?.length ? query.status : ['live', 'scheduled'], hostUserId: null, companyId, limit: query.limit,
      });
      return rows.map(toSummary);
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
