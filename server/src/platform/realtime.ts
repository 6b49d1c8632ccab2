import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import {
  rooms,
  type ChatMessage,
  type ClientToServerEvents,
  type SessionStatus,
  type ServerToClientEvents,
  type SocketData,
  type SocketIdentity,
} from '../../../contracts/live.js';
import type { ClusterEvent, EventBus } from './events.js';
import type { AuthUser, Role } from './http.js';
import { isAllowedOrigin } from './origin.js';

/** Messages between server nodes (through the Redis adapter); a single node receives none. */
export type InterServerEvents = {
  'moderation:changed': (payload: { sessionId: string; userId: string; kind: 'mute' | 'ban'; until: string | null; isLifted: boolean }) => void;
  /** A domain event every node must hear (events.ts CLUSTER_EVENTS: bans, which each node's media server applies). */
  'domain-event': (event: ClusterEvent) => void;
  /** Every REALTIME_FLUSH_MS: the viewers this node holds per loaded room (the others add them to theirs). */
  'room:viewers': (payload: { nodeId: string; counts: Record<string, number> }) => void;
  /** Chat this node broadcast, for the other nodes' 30-message cache given to joiners. */
  'room:chat': (payload: { sessionId: string; messages: ChatMessage[] }) => void;
  'room:chat-deleted': (payload: { sessionId: string; messageIds: string[] }) => void;
  'room:pinned': (payload: { sessionId: string; pinnedJobId: string | null }) => void;
  'room:status': (payload: { sessionId: string; status: SessionStatus }) => void;
};

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export type RealtimeOptions = {
  /** Resolves the signed-in user from the session cookie of the handshake. */
  resolveUser(cookieHeader: string | undefined): Promise<AuthUser | null>;
  /** Redis for several server nodes (rooms and broadcasts shared); null for one node. */
  redisUrl: string | null;
  /** Origins whose pages may open a socket (PUBLIC_URL's, ALLOWED_ORIGINS); see origin.ts. */
  allowedOrigins: readonly string[];
  /** With Redis, this bus's cluster events are shared with the other nodes' buses. */
  events?: EventBus;
  /** Where Redis going away and coming back is said. */
  log?: RedisLinkLog;
};

export type RedisLinkLog = { warn(object: object, message: string): void; info(object: object, message: string): void };
export type RealtimeLinkState = 'shared' | 'node-local' | 'single node';

/**
 * The Redis link between nodes, watched. While Redis is unreachable every node keeps serving the sockets it
 * holds (chat, counters and pushes reach this node's rooms only), says so once in its log and in
 * /api/ready (`realtime: 'node-local'`), and when Redis returns the adapter resubscribes by itself and
 * `onRestored` listeners resynchronise what other nodes changed meanwhile (the database has it).
 */
function createRedisLink(log: RedisLinkLog | undefined) {
  let state: RealtimeLinkState = 'single node';
  const restoredListeners = new Set<() => void>();
  return {
    state: () => state,
    onRestored(listener: () => void) {
      restoredListeners.add(listener);
      return () => restoredListeners.delete(listener);
    },
    watch(pub: Redis, sub: Redis) {
      state = 'shared';
      const publish = pub.publish.bind(pub);
      // The adapter publishes without waiting for the answer; a refusal while Redis is down is expected, not a crash.
      pub.publish = ((...args: Parameters<typeof publish>) => publish(...args).catch(() => 0)) as typeof pub.publish;
      const isUp = () => pub.status === 'ready' && sub.status === 'ready';
      const update = () => {
        if (state === 'shared' && !isUp()) {
          state = 'node-local';
          log?.warn({ redis: 'down' }, 'Redis is unreachable: this node keeps serving its own sockets; rooms, chat and counts are not shared with other nodes until it returns');
        } else if (state === 'node-local' && isUp()) {
          state = 'shared';
          log?.info({ redis: 'up' }, 'Redis is back: rooms are shared again; resynchronising live rooms from the database');
          for (const listener of restoredListeners) listener();
        }
      };
      for (const client of [pub, sub]) {
        // ioredis reconnects by itself; without an error listener it would print every failed attempt.
        client.on('error', () => undefined);
        client.on('close', update);
        client.on('end', update);
        client.on('ready', update);
      }
    },
  };
}

/**
 * Socket.IO on Fastify's own HTTP server (same origin and port, path /socket.io). Identity is settled in the
 * handshake middleware, before any event handler runs: a signed-in user (from the session cookie) or a guest,
 * who may watch but not chat or apply. Every user's sockets share a per-user room for personal pushes.
 */
export async function createRealtimeServer(httpServer: HttpServer, options: RealtimeOptions) {
  const io: RealtimeServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // The web app is served from the same origin; no CORS.
    cors: undefined,
    pingInterval: 25_000,
    pingTimeout: 20_000,
    maxHttpBufferSize: 16 * 1024,
    // Other upgrade paths on this server (the browser studio's ingest) answer for themselves, after an async
    // check that may take longer than engine.io's 1 s before it would cut an upgrade it does not own.
    destroyUpgrade: false,
    // A page of another site must not open a socket with the visitor's cookie (403 on the handshake).
    allowRequest: (request, callback) => {
      const isAllowed = isAllowedOrigin(request.headers, options.allowedOrigins);
      callback(isAllowed ? null : 'Requests from other sites are not accepted', isAllowed);
    },
  });

  let redis: { pub: Redis; sub: Redis } | null = null;
  const redisLink = createRedisLink(options.log);
  if (options.redisUrl) {
    // No offline queue for publishing: while Redis is away a broadcast reaches this node's sockets only
    // (the adapter emits locally first) and is not replayed minutes later to the other nodes' rooms.
    const pub = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
    const sub = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await Promise.all([pub.connect(), sub.connect()]);
    redisLink.watch(pub, sub);
    io.adapter(createAdapter(pub, sub));
    redis = { pub, sub };
    const { events } = options;
    if (events) {
      events.shareAcrossNodes((event) => io.serverSideEmit('domain-event', event));
      io.on('domain-event', (event) => events.receiveFromOtherNode(event));
    }
  }

  io.use(async (socket, next) => {
    try {
      const user = await options.resolveUser(socket.handshake.headers.cookie);
      const identity: SocketIdentity = user
        ? { kind: 'user', userId: user.id, displayName: user.displayName, role: user.role }
        : { kind: 'guest', guestId: `guest-${randomBytes(8).toString('hex')}` };
      socket.data.identity = identity;
      socket.data.joinedSessions = [];
      socket.data.companyId = user?.role === 'employer' ? user.companyId : null;
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error('identity lookup failed'));
    }
  });

  io.on('connection', (socket) => {
    const identity = socket.data.identity;
    if (identity.kind === 'user') void socket.join(rooms.user(identity.userId));
    socket.emit('identity', identity);
  });

  return {
    io,
    /** Whether rooms are shared with other nodes now ('node-local' while Redis is unreachable). */
    linkState: redisLink.state,
    /** Called when Redis returns after an outage (resynchronise what other nodes changed meanwhile). */
    onLinkRestored: redisLink.onRestored,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        // io.close() also closes the HTTP server; Fastify closes it itself, so only the engine is closed here.
        io.engine.close();
        resolve();
      });
      if (redis) {
        redis.pub.disconnect();
        redis.sub.disconnect();
      }
    },
  };
}

export type Realtime = Awaited<ReturnType<typeof createRealtimeServer>>;

/** The signed-in user behind a socket (as settled in the handshake), or null for a guest. */
export function socketUser(data: SocketData): AuthUser | null {
  const { identity } = data;
  return identity.kind === 'user'
    ? { id: identity.userId, role: identity.role as Role, displayName: identity.displayName, email: null, phone: null, companyId: data.companyId, provinceCode: null }
    : null;
}

/** Reads a cookie's value from a Cookie header. */
export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    // A malformed escape (%E0%A4%A) is no cookie: the socket connects as a guest rather than being refused.
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
