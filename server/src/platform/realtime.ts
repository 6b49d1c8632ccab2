import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import {
  rooms,
  type ClientToServerEvents,
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
};

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
  if (options.redisUrl) {
    const pub = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
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
