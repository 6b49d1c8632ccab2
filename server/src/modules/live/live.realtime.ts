import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser, Role } from '../../platform/http.js';
import type { InterServerEvents, RealtimeServer } from '../../platform/realtime.js';
import { acknowledged, type SocketLog } from '../../platform/socket-ack.js';
import {
  deleteMessagePayload,
  joinSessionPayload,
  leaveSessionPayload,
  liftRestrictionPayload,
  likePayload,
  openJobCardPayload,
  pinJobPayload,
  restrictUserPayload,
  rooms,
  sendChatPayload,
  type ChatMessage,
  type HostApplication,
  type RoomState,
  type SessionStatus,
  type SocketIdentity,
  type TickerItem,
} from '../../../../contracts/live.js';
import type { LiveService } from './live.service.js';
import { checkCounterpartMessage, FEE_TIP, isAboutFees } from '../conversations/index.js';

/** What the realtime layer needs from the applications module (kept narrow to avoid a module cycle). */
export type ApplicationsForRoom = {
  /** The host rows, job counts and ticker items of a batch of new applications, in a bounded number of queries. */
  describeForRoom(applicationIds: number[]): Promise<Array<{ sessionId: string; application: HostApplication; jobCount: number; ticker: TickerItem }>>;
};

export type RealtimeLog = SocketLog;

type LiveRoom = {
  sessionId: string;
  hostUserId: string;
  createdBy: string | null;
  status: SessionStatus;
  pinnedJobId: string | null;
  likes: number;
  pendingLikes: number;
  /** Likes this node sent to the database whose write has not answered yet. */
  unconfirmedLikes: number;
  pendingChat: ChatMessage[];
  /** The last messages, for joiners (no database read per join). */
  recentMessages: ChatMessage[];
  /** Viewers seen since the last flush, written in one insert. */
  pendingViewers: Map<string, string | null>;
  lastViewers: number;
  isDirty: boolean;
  /** userId → until (null = for the whole session) */
  mutes: Map<string, Date | null>;
  bans: Set<string>;
};

const MAX_LIKES_PER_SOCKET_PER_FLUSH = 100;
const MAX_TICKER_PER_FLUSH = 10;
/** New applications described per flush (two queries each); a longer burst carries over to the next tick. */
const MAX_APPLICATIONS_PER_FLUSH = 2_000;
const RECENT_MESSAGES = 30;
const MAX_UNSAVED_CHAT = 10_000;

const asUser = (identity: SocketIdentity): AuthUser | null =>
  identity.kind === 'user'
    ? { id: identity.userId, role: identity.role as Role, displayName: identity.displayName, email: null, phone: null, companyId: null, provinceCode: null }
    : null;

/**
 * The live room over Socket.IO: join after identity, validated inbound events, chat batched per room (one
 * `chat:batch` per CHAT_FLUSH_MS instead of one broadcast per message; 0 = naive per-message), viewer and
 * like counters batched every REALTIME_FLUSH_MS, new applications (lead feed, ticker) every 200 ms, host moderation, and the pushes
 * that domain events ask for (status changes, new applications, notifications).
 */
export function attachLiveRealtime(io: RealtimeServer, deps: { live: LiveService; applications: ApplicationsForRoom; events: EventBus; config: Config; limiter: RateLimiter; log: RealtimeLog }) {
  const { live, applications, events, config, limiter, log } = deps;
  const logFailure = (what: string) => (error: unknown) => log.error({ err: error }, what);
  const loadedRooms = new Map<string, LiveRoom>();
  const loading = new Map<string, Promise<LiveRoom>>();
  const likesBySocket = new Map<string, number>();
  let isClosed = false;
  // Only a clustered adapter (Redis) carries messages between nodes; the in-memory one refuses them.
  const isClustered = !!config.redisUrl;
  const tellOtherNodes = <Event extends keyof InterServerEvents>(event: Event, ...payload: Parameters<InterServerEvents[Event]>) => {
    if (isClustered) io.serverSideEmit(event, ...payload);
  };
  /**
   * Several nodes: each reports the viewers it holds per room every flush; a room's count is this node's own
   * sockets plus the other nodes' last reports (a report older than REMOTE_VIEWERS_STALE_MS is dropped: its node
   * died or Redis is away, and its viewers are counted again where they reconnect).
   */
  const nodeId = randomUUID();
  const remoteViewers = new Map<string, { at: number; counts: Record<string, number> }>();
  const remoteViewersStaleMs = Math.max(3_000, config.live.realtimeFlushMs * 3);

  async function loadRoom(sessionId: string): Promise<LiveRoom> {
    const existing = loadedRooms.get(sessionId);
    if (existing) return existing;
    const pending = loading.get(sessionId);
    if (pending) return pending;
    const promise = (async () => {
      const session = await live.getSessionRow(sessionId);
      const restrictions = await live.listActiveRestrictions(sessionId);
      const recentMessages = await live.listRecentChat(sessionId, session.hostUserId, RECENT_MESSAGES);
      const room: LiveRoom = {
        sessionId,
        hostUserId: session.hostUserId,
        createdBy: session.createdBy,
        status: session.status,
        pinnedJobId: session.pinnedJobId,
        likes: session.likeCount,
        pendingLikes: 0,
        unconfirmedLikes: 0,
        pendingChat: [],
        recentMessages,
        pendingViewers: new Map(),
        lastViewers: 0,
        isDirty: true,
        mutes: new Map(restrictions.filter((item) => item.kind === 'mute').map((item) => [item.userId, item.until])),
        bans: new Set(restrictions.filter((item) => item.kind === 'ban').map((item) => item.userId)),
      };
      loadedRooms.set(sessionId, room);
      return room;
    })();
    loading.set(sessionId, promise);
    try {
      return await promise;
    } finally {
      loading.delete(sessionId);
    }
  }

  const localViewerCount = (sessionId: string) => io.of('/').adapter.rooms.get(rooms.session(sessionId))?.size ?? 0;
  function viewerCount(sessionId: string) {
    let count = localViewerCount(sessionId);
    const freshSince = Date.now() - remoteViewersStaleMs;
    for (const [otherNodeId, report] of remoteViewers) {
      if (report.at < freshSince) remoteViewers.delete(otherNodeId);
      else count += report.counts[sessionId] ?? 0;
    }
    return count;
  }
  function reportViewers() {
    const counts: Record<string, number> = {};
    for (const sessionId of loadedRooms.keys()) counts[sessionId] = localViewerCount(sessionId);
    tellOtherNodes('room:viewers', { nodeId, counts });
  }

  function mutedUntil(room: LiveRoom, userId: string): Date | null | undefined {
    if (!room.mutes.has(userId)) return undefined;
    const until = room.mutes.get(userId) ?? null;
    if (until && until.getTime() <= Date.now()) {
      room.mutes.delete(userId);
      return undefined;
    }
    return until;
  }

  /** Counted in the shared limiter (Redis with several nodes): CHAT_RATE_LIMIT_COUNT per window, per room and user. */
  async function checkChatRate(sessionId: string, userId: string) {
    const { count, windowMs } = config.live.chatRateLimit;
    const result = await limiter.consume('chat', `${sessionId}:${userId}`);
    if (!result.allowed) {
      const window = Math.round(windowMs / 1000);
      const wait = result.retryAfterSeconds;
      throw new AppError('rate_limited', `Too many messages: at most ${count} every ${window} s, try again in ${wait} s / 发言太快了：每${window}秒最多${count}条，请${wait}秒后再发`, { retryAfterSeconds: wait });
    }
  }

  function flushChat(room: LiveRoom) {
    if (room.pendingChat.length === 0) return;
    const messages = room.pendingChat;
    room.pendingChat = [];
    room.recentMessages = [...room.recentMessages, ...messages].slice(-RECENT_MESSAGES);
    io.to(rooms.session(room.sessionId)).emit('chat:batch', { sessionId: room.sessionId, messages });
    tellOtherNodes('room:chat', { sessionId: room.sessionId, messages });
    storeChat(messages);
  }

  /** Acknowledged messages the database could not take yet (it was unreachable); retried every stats flush. */
  let unsavedChat: ChatMessage[] = [];
  /** Writes and event handlings in flight (chat, viewers, likes, card opens, moderation): `flush()` waits for them, so shutdown and tests see them stored. */
  const writesInFlight = new Set<Promise<unknown>>();
  function track(write: Promise<unknown>) {
    writesInFlight.add(write);
    void write.then(() => writesInFlight.delete(write));
  }

  function storeChat(messages: ChatMessage[]) {
    track(live.persistChatMessages(messages).then(({ retry, refused }) => {
      if (refused.length > 0) log.error({ messageIds: refused.map((message) => message.id) }, 'chat messages refused by the database');
      // Bounded: a database down for long keeps the newest messages.
      if (retry.length > 0) unsavedChat = [...unsavedChat, ...retry].slice(-MAX_UNSAVED_CHAT);
    }, logFailure('storing chat failed')));
  }
  function retryUnsavedChat() {
    if (unsavedChat.length === 0) return;
    const messages = unsavedChat;
    unsavedChat = [];
    storeChat(messages);
  }

  /**
   * New applications of live sessions, pushed every APPLICATION_PUSH_MS (200 ms: batched, yet instant to a person): a burst of 报名 costs two queries per tick
   * (the host rows by id, the per-job counts of the sessions grouped) instead of two per application, which
   * was quadratic in the burst. One batch is described at a time; ids arriving meanwhile wait for the next tick.
   */
  let pendingApplicationIds: number[] = [];
  let describing: Promise<void> | null = null;
  function flushApplications(): Promise<void> {
    if (describing) return describing;
    if (pendingApplicationIds.length === 0) return Promise.resolve();
    const applicationIds = pendingApplicationIds.slice(0, MAX_APPLICATIONS_PER_FLUSH);
    pendingApplicationIds = pendingApplicationIds.slice(MAX_APPLICATIONS_PER_FLUSH);
    describing = applications.describeForRoom(applicationIds).then((described) => {
      if (isClosed) return;
      const tickerBySession = new Map<string, TickerItem[]>();
      for (const { sessionId, application, jobCount, ticker } of described) {
        io.to(rooms.sessionHosts(sessionId)).emit('host:application', { sessionId, application, jobCount });
        tickerBySession.set(sessionId, [...(tickerBySession.get(sessionId) ?? []), ticker]);
      }
      // To the room on every node (the application may have come through a node where nobody watches).
      for (const [sessionId, items] of tickerBySession) {
        io.to(rooms.session(sessionId)).emit('ticker:batch', { sessionId, items: items.slice(-MAX_TICKER_PER_FLUSH) });
      }
    }).catch(logFailure('pushing applications failed')).finally(() => {
      describing = null;
    });
    return describing;
  }

  /** One stats flush at a time (with several nodes it reads the database first). */
  let statsFlush: Promise<void> | null = null;
  function flushStats(): Promise<void> {
    statsFlush ??= flushStatsNow().finally(() => {
      statsFlush = null;
    });
    return statsFlush;
  }

  async function flushStatsNow() {
    retryUnsavedChat();
    // Several nodes: the stored like counts carry the other nodes' likes (each node adds its own).
    const storedLikes = isClustered && loadedRooms.size > 0 ? await live.listLikeCounts([...loadedRooms.keys()]).catch(() => null) : null;
    if (isClustered) reportViewers();
    for (const room of loadedRooms.values()) {
      const viewers = viewerCount(room.sessionId);
      if (viewers !== room.lastViewers) room.isDirty = true;
      adoptStoredLikes(room, storedLikes?.get(room.sessionId));
      if (room.pendingViewers.size > 0) {
        const seen = [...room.pendingViewers].map(([viewerKey, userId]) => ({ viewerKey, userId }));
        room.pendingViewers = new Map();
        track(live.recordViewers(room.sessionId, seen).catch(logFailure('storing viewers failed')));
      }
      if (!room.isDirty && room.pendingLikes === 0) {
        if (localViewerCount(room.sessionId) === 0 && room.pendingChat.length === 0 && room.pendingViewers.size === 0 && room.unconfirmedLikes === 0) loadedRooms.delete(room.sessionId);
        continue;
      }
      const likes = room.pendingLikes;
      const previousViewers = room.lastViewers;
      room.pendingLikes = 0;
      room.likes += likes;
      room.isDirty = false;
      room.lastViewers = viewers;
      // Each node tells its own sockets (the count is the same on every node).
      io.local.to(rooms.session(room.sessionId)).emit('room:stats', { sessionId: room.sessionId, viewers, likes: room.likes });
      // The stored count feeds the session cards' viewer count: written when it changes (to 0 too).
      if (likes > 0 || viewers > 0 || viewers !== previousViewers) {
        room.unconfirmedLikes += likes;
        track(live.addLikesAndPeakViewers(room.sessionId, likes, viewers).then((stored) => {
          room.unconfirmedLikes -= likes;
          adoptStoredLikes(room, stored ?? undefined);
        }, (error: unknown) => {
          room.unconfirmedLikes -= likes;
          logFailure('storing likes failed')(error);
        }));
      }
    }
    likesBySocket.clear();
  }

  /** A stored count above this node's is other nodes' likes; taken only when none of this node's are in flight (never counted twice, never going down). */
  function adoptStoredLikes(room: LiveRoom, stored: number | undefined) {
    if (stored === undefined || room.unconfirmedLikes > 0) return;
    if (stored > room.likes + room.pendingLikes) {
      room.likes = stored - room.pendingLikes;
      room.isDirty = true;
    }
  }

  const chatTimer = config.live.chatFlushMs > 0 ? setInterval(() => loadedRooms.forEach(flushChat), config.live.chatFlushMs) : null;
  const statsTimer = setInterval(() => void flushStats(), config.live.realtimeFlushMs);
  const applicationsTimer = setInterval(() => void flushApplications(), config.live.applicationPushMs);
  chatTimer?.unref();
  statsTimer.unref();
  applicationsTimer.unref();

  /** Validates the payload and answers the ack (when the client gave one) with the data or the error shape; `flush()` waits for it. */
  const handle = <Payload, Result>(schema: ZodType<Payload>, work: (payload: Payload) => Promise<Result> | Result) => acknowledged(log, schema, work, track);

  io.on('connection', (socket) => {
    const identity = socket.data.identity;
    const user = asUser(identity);
    const viewerKey = identity.kind === 'user' ? identity.userId : identity.guestId;
    // Card opens this connection has already stored (the table keeps one per viewer × job): a seeker tapping the
    // same card again costs no database write.
    const openedCards = new Set<string>();

    const requireUser = () => {
      if (!user) throw new AppError('unauthenticated', 'Please sign in to chat / 请先登录');
      return user;
    };
    const requireJoined = async (sessionId: string) => {
      if (!socket.rooms.has(rooms.session(sessionId))) throw new AppError('forbidden', 'Join the session first (session:join)');
      return loadRoom(sessionId);
    };

    socket.on('session:join', handle(joinSessionPayload, async ({ sessionId }): Promise<RoomState> => {
      const room = await loadRoom(sessionId);
      if (user && room.bans.has(user.id)) throw new AppError('forbidden', 'You were removed from this session / 你已被移出直播间');
      const canManage = live.isManager(user, room);
      await socket.join(rooms.session(sessionId));
      if (canManage) await socket.join(rooms.sessionHosts(sessionId));
      if (!socket.data.joinedSessions.includes(sessionId)) socket.data.joinedSessions.push(sessionId);
      room.isDirty = true;
      room.pendingViewers.set(viewerKey, user?.id ?? null);
      const until = user ? mutedUntil(room, user.id) : undefined;
      return {
        sessionId,
        status: room.status,
        viewers: viewerCount(sessionId),
        likes: room.likes + room.pendingLikes,
        pinnedJobId: room.pinnedJobId,
        recentMessages: [...room.recentMessages, ...room.pendingChat],
        canChat: !!user && until === undefined && room.status !== 'ended' && room.status !== 'missed',
        canManage,
        mutedUntil: until ? until.toISOString() : null,
        restrictions: canManage ? await live.listRestrictionsForConsole(sessionId) : [],
      };
    }));

    // Leave, like and card opens need no answer (the web app sends them without one); a client that passes an
    // ack still gets one, so a refused payload is never met with silence.
    socket.on('session:leave', handle(leaveSessionPayload, ({ sessionId }) => {
      void socket.leave(rooms.session(sessionId));
      void socket.leave(rooms.sessionHosts(sessionId));
      const room = loadedRooms.get(sessionId);
      if (room) room.isDirty = true;
      return null;
    }));

    socket.on('chat:send', handle(sendChatPayload, async ({ sessionId, text }) => {
      const sender = requireUser();
      const room = await requireJoined(sessionId);
      if (room.status === 'ended' || room.status === 'missed') throw new AppError('conflict', 'This session has ended / 直播已结束');
      if (room.bans.has(sender.id)) throw new AppError('forbidden', 'You were removed from this session / 你已被移出直播间');
      if (mutedUntil(room, sender.id) !== undefined) throw new AppError('forbidden', 'You are muted in this session / 你已被禁言');
      const isHost = live.isManager(sender, room);
      if (!isHost) await checkChatRate(sessionId, sender.id);
      // The posting rules hold in chat for the hiring side (a host or employer asking for a deposit or a
      // training fee is refused with the reason); a seeker asking about fees is never blocked, even where
      // the word table blocks 押金, and gets the platform's tip instead (as in conversations).
      const isSeeker = sender.role === 'seeker' && !isHost;
      if (!isSeeker) checkCounterpartMessage(text, 'text');
      const isFeeQuestion = isSeeker && isAboutFees(text);
      const filtered = await live.filterChatText(text, isFeeQuestion ? { isAllowed: isAboutFees } : {});
      const message: ChatMessage = {
        id: live.newChatMessageId(),
        sessionId,
        userId: sender.id,
        displayName: sender.displayName,
        text: filtered,
        isHost,
        createdAt: new Date().toISOString(),
      };
      room.pendingChat.push(message);
      if (!chatTimer) flushChat(room);
      return { message, tip: isFeeQuestion ? FEE_TIP : null };
    }));

    socket.on('like', handle(likePayload, ({ sessionId, count }) => {
      if (!socket.rooms.has(rooms.session(sessionId))) throw new AppError('forbidden', 'Join the session first (session:join)');
      const room = loadedRooms.get(sessionId);
      if (!room || room.status === 'ended') return null;
      const used = likesBySocket.get(socket.id) ?? 0;
      const accepted = Math.max(0, Math.min(count, MAX_LIKES_PER_SOCKET_PER_FLUSH - used));
      likesBySocket.set(socket.id, used + accepted);
      room.pendingLikes += accepted;
      return null;
    }));

    socket.on('job:open', handle(openJobCardPayload, ({ sessionId, jobId }) => {
      if (!socket.rooms.has(rooms.session(sessionId))) throw new AppError('forbidden', 'Join the session first (session:join)');
      const card = `${sessionId}:${jobId}`;
      if (openedCards.has(card)) return null;
      openedCards.add(card);
      // Stored only for a job of the session (the insert checks); a failed write only loses a tap from the funnel.
      track(live.recordJobCardOpen(sessionId, jobId, viewerKey, user?.id ?? null).catch(() => undefined));
      return null;
    }));

    socket.on('host:pin', handle(pinJobPayload, async ({ sessionId, jobId }) => {
      const pinnedJobId = await live.pinJob(requireUser(), sessionId, jobId);
      const room = loadedRooms.get(sessionId);
      if (room) room.pinnedJobId = pinnedJobId;
      tellOtherNodes('room:pinned', { sessionId, pinnedJobId });
      io.to(rooms.session(sessionId)).emit('job:pinned', { sessionId, jobId: pinnedJobId });
      return { pinnedJobId };
    }));

    socket.on('host:delete-message', handle(deleteMessagePayload, async ({ sessionId, messageId }) => {
      await live.deleteChatMessage(requireUser(), sessionId, messageId);
      forgetMessages(sessionId, [messageId]);
      tellOtherNodes('room:chat-deleted', { sessionId, messageIds: [messageId] });
      io.to(rooms.session(sessionId)).emit('chat:deleted', { sessionId, messageIds: [messageId] });
      return null;
    }));

    const restrict = (kind: 'mute' | 'ban') => handle(restrictUserPayload, async (payload) => {
      const restriction = await live.restrictUser(requireUser(), { ...payload, kind });
      const until = restriction.until ? restriction.until.toISOString() : null;
      applyRestriction(payload.sessionId, payload.userId, kind, until, false);
      tellOtherNodes('moderation:changed', { sessionId: payload.sessionId, userId: payload.userId, kind, until, isLifted: false });
      io.to(rooms.user(payload.userId)).emit('moderation:you', { sessionId: payload.sessionId, kind: kind === 'mute' ? 'muted' : 'banned', until });
      if (kind === 'ban') io.in(rooms.user(payload.userId)).socketsLeave([rooms.session(payload.sessionId), rooms.sessionHosts(payload.sessionId)]);
      return null;
    });
    socket.on('host:mute', restrict('mute'));
    socket.on('host:ban', restrict('ban'));

    socket.on('host:lift', handle(liftRestrictionPayload, async (payload) => {
      await live.liftRestriction(requireUser(), payload);
      applyRestriction(payload.sessionId, payload.userId, payload.kind, null, true);
      tellOtherNodes('moderation:changed', { sessionId: payload.sessionId, userId: payload.userId, kind: payload.kind, until: null, isLifted: true });
      io.to(rooms.user(payload.userId)).emit('moderation:you', { sessionId: payload.sessionId, kind: payload.kind === 'mute' ? 'unmuted' : 'unbanned', until: null });
      return null;
    }));

    socket.on('disconnect', () => {
      for (const sessionId of socket.data.joinedSessions) {
        const room = loadedRooms.get(sessionId);
        if (room) room.isDirty = true;
      }
    });
  });

  function applyRestriction(sessionId: string, userId: string, kind: 'mute' | 'ban', until: string | null, isLifted: boolean) {
    const room = loadedRooms.get(sessionId);
    if (!room) return;
    if (kind === 'mute') {
      if (isLifted) room.mutes.delete(userId);
      else room.mutes.set(userId, until ? new Date(until) : null);
    } else if (isLifted) {
      room.bans.delete(userId);
    } else {
      room.bans.add(userId);
    }
  }

  function forgetMessages(sessionId: string, messageIds: string[]) {
    const room = loadedRooms.get(sessionId);
    if (!room) return;
    const forgotten = new Set(messageIds);
    room.pendingChat = room.pendingChat.filter((message) => !forgotten.has(message.id));
    room.recentMessages = room.recentMessages.filter((message) => !forgotten.has(message.id));
  }

  function applyStatus(sessionId: string, status: SessionStatus) {
    const room = loadedRooms.get(sessionId);
    if (!room) return;
    room.status = status;
    if (status === 'ended' || status === 'missed') room.pinnedJobId = null;
    flushChat(room);
  }

  // What other nodes changed, kept in this node's rooms (what a joiner here is given).
  io.on('moderation:changed', (payload) => applyRestriction(payload.sessionId, payload.userId, payload.kind, payload.until, payload.isLifted));
  io.on('room:viewers', ({ nodeId: otherNodeId, counts }) => {
    if (otherNodeId !== nodeId) remoteViewers.set(otherNodeId, { at: Date.now(), counts });
  });
  io.on('room:chat', ({ sessionId, messages }) => {
    const room = loadedRooms.get(sessionId);
    if (room) room.recentMessages = [...room.recentMessages, ...messages].slice(-RECENT_MESSAGES);
  });
  io.on('room:chat-deleted', ({ sessionId, messageIds }) => forgetMessages(sessionId, messageIds));
  io.on('room:pinned', ({ sessionId, pinnedJobId }) => {
    const room = loadedRooms.get(sessionId);
    if (room) room.pinnedJobId = pinnedJobId;
  });
  io.on('room:status', ({ sessionId, status }) => applyStatus(sessionId, status));

  /**
   * Redis came back after an outage: what other nodes changed meanwhile is in the database. Each loaded room
   * takes its status, pinned job, likes, restrictions and recent chat from there, and this node's sockets get
   * what they missed (the messages sent on other nodes, the pin, the status); the counts follow at the next flush.
   */
  async function resynchronise() {
    for (const room of [...loadedRooms.values()]) {
      try {
        const session = await live.getSessionRow(room.sessionId);
        const restrictions = await live.listActiveRestrictions(room.sessionId);
        const recent = await live.listRecentChat(room.sessionId, session.hostUserId, RECENT_MESSAGES);
        const target = io.local.to(rooms.session(room.sessionId));
        const known = new Set([...room.recentMessages, ...room.pendingChat].map((message) => message.id));
        const missed = recent.filter((message) => !known.has(message.id));
        if (missed.length > 0) target.emit('chat:batch', { sessionId: room.sessionId, messages: missed });
        room.recentMessages = [...recent, ...room.recentMessages.filter((message) => !recent.some((stored) => stored.id === message.id))]
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(-RECENT_MESSAGES);
        if (session.pinnedJobId !== room.pinnedJobId) target.emit('job:pinned', { sessionId: room.sessionId, jobId: session.pinnedJobId });
        if (session.status !== room.status) {
          target.emit('session:status', { sessionId: room.sessionId, status: session.status, wentLiveAt: session.wentLiveAt ? new Date(session.wentLiveAt).toISOString() : null, endedAt: session.endedAt ? new Date(session.endedAt).toISOString() : null });
        }
        room.status = session.status;
        room.pinnedJobId = session.pinnedJobId;
        room.mutes = new Map(restrictions.filter((item) => item.kind === 'mute').map((item) => [item.userId, item.until]));
        room.bans = new Set(restrictions.filter((item) => item.kind === 'ban').map((item) => item.userId));
        adoptStoredLikes(room, session.likeCount);
        room.isDirty = true;
      } catch (error) {
        logFailure('resynchronising a live room failed')(error);
      }
    }
  }

  events.on('LiveSessionStatusChanged', ({ sessionId, status, wentLiveAt, endedAt }) => {
    if (isClosed) return;
    applyStatus(sessionId, status);
    tellOtherNodes('room:status', { sessionId, status });
    // The stream is over: 讲解中 is cleared for everyone watching.
    if (status === 'ended' || status === 'missed') io.to(rooms.session(sessionId)).emit('job:pinned', { sessionId, jobId: null });
    io.to(rooms.session(sessionId)).emit('session:status', {
      sessionId,
      status,
      wentLiveAt: wentLiveAt ? new Date(wentLiveAt).toISOString() : null,
      endedAt: endedAt ? new Date(endedAt).toISOString() : null,
    });
  });

  events.on('LiveReplayReady', ({ sessionId }) => {
    if (!isClosed) io.to(rooms.session(sessionId)).emit('session:replay', { sessionId });
  });

  events.on('ApplicationSubmitted', ({ applicationId, sessionId }) => {
    if (isClosed || !sessionId) return;
    pendingApplicationIds.push(applicationId);
  });

  // A banned account (every node hears it: events.ts CLUSTER_EVENTS): its sockets on this node close — its sign-in
  // sessions are gone, but a socket keeps the identity of its handshake; a new one connects as a guest.
  events.on('AccountBanChanged', ({ userId, isBanned }) => {
    if (isClosed || !isBanned) return;
    io.local.in(rooms.user(userId)).disconnectSockets(true);
  });

  // The deleted account's sockets are closed (sign-in is gone, but a socket keeps the identity of its
  // handshake), its batched viewer entry and messages are dropped, and viewers remove its messages from view.
  events.on('AccountDeleted', ({ userId }) => {
    if (isClosed) return;
    io.in(rooms.user(userId)).disconnectSockets(true);
    for (const room of loadedRooms.values()) {
      room.pendingViewers.delete(userId);
      const messageIds = [...room.recentMessages, ...room.pendingChat].filter((message) => message.userId === userId).map((message) => message.id);
      if (messageIds.length === 0) continue;
      room.pendingChat = room.pendingChat.filter((message) => message.userId !== userId);
      room.recentMessages = room.recentMessages.filter((message) => message.userId !== userId);
      tellOtherNodes('room:chat-deleted', { sessionId: room.sessionId, messageIds });
      io.to(rooms.session(room.sessionId)).emit('chat:deleted', { sessionId: room.sessionId, messageIds });
    }
  });

  events.on('NotificationCreated', ({ notification }) => {
    if (isClosed) return;
    io.to(rooms.user(notification.userId)).emit('notification', {
      id: notification.id,
      kind: notification.kind,
      title: notification.title,
      titleEn: typeof notification.payload?.en === 'string' ? notification.payload.en : null,
      body: notification.body,
      link: notification.link,
      createdAt: new Date(notification.createdAt).toISOString(),
    });
  });

  return {
    resynchronise,
    /** Pushes what is pending (chat, counters) at once and waits until it is stored; tests and shutdown use it. */
    async flush() {
      loadedRooms.forEach(flushChat);
      await flushApplications();
      await flushApplications();
      if (statsFlush) await statsFlush;
      await flushStats();
      await Promise.all([...writesInFlight]);
    },
    close() {
      isClosed = true;
      if (chatTimer) clearInterval(chatTimer);
      clearInterval(statsTimer);
      clearInterval(applicationsTimer);
      loadedRooms.forEach(flushChat);
    },
  };
}

export type LiveRealtime = ReturnType<typeof attachLiveRealtime>;
