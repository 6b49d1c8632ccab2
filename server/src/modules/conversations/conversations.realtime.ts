import type { ZodType } from 'zod';
import { isDatabaseUnavailable, unavailableError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../platform/availability.js';
import { AppError } from '../../platform/errors.js';
import { parsePayload } from '../../platform/input.js';
import type { ConversationParties, EventBus } from '../../platform/events.js';
import type { AuthUser, Role } from '../../platform/http.js';
import type { RealtimeServer } from '../../platform/realtime.js';
import { rooms, type Ack, type ErrorPayload } from '../../../../contracts/live.js';
import { conversationRooms, readConversationPayload, sendMessagePayload } from '../../../../contracts/conversations.js';
import type { ConversationsService, PresenceTarget } from './conversations.service.js';

export type ConversationsRealtimeLog = { error(details: object, message: string): void };

const roomOf = (target: PresenceTarget) => (target.kind === 'user' ? rooms.user(target.userId) : conversationRooms.company(target.companyId));

/** The rooms that reach both sides of a conversation: the seeker's sockets and the company's members (or the host). */
const partyRooms = (parties: ConversationParties) => [
  rooms.user(parties.seekerUserId),
  parties.companyId ? conversationRooms.company(parties.companyId) : rooms.user(parties.hostUserId!),
];

/**
 * Conversations over the existing Socket.IO connection: an employer's sockets join their company's room
 * (every member answers); messages, read receipts and changes are pushed to both sides' rooms after the
 * database commit; `conversation:send` / `conversation:read` are the same service calls as the REST routes.
 */
export function attachConversationsRealtime(io: RealtimeServer, deps: { conversations: ConversationsService; events: EventBus; log: ConversationsRealtimeLog }) {
  const { conversations, events, log } = deps;
  let isClosed = false;

  conversations.setPresence(async (target) => {
    if (isClosed) return false;
    return (await io.in(roomOf(target)).fetchSockets()).length > 0;
  });

  function toErrorPayload(error: unknown): ErrorPayload {
    if (error instanceof AppError) {
      // parsePayload's validation errors carry the fields, as an HTTP 400 does.
      const { fields, field, retryAfterSeconds } = error.details as Pick<ErrorPayload, 'fields' | 'field' | 'retryAfterSeconds'>;
      return { code: error.code, message: error.message, ...(fields ? { fields, field } : {}), ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
    }
    if (isDatabaseUnavailable(error)) {
      const unavailable = unavailableError();
      return { code: unavailable.code, message: unavailable.message, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
    }
    log.error({ err: error }, 'conversation socket handler failed');
    return { code: 'internal', message: 'Something went wrong on our side / 服务器内部错误' };
  }

  function handle<Payload, Result>(schema: ZodType<Payload>, work: (payload: Payload) => Promise<Result>) {
    return (raw: unknown, ack?: (result: Ack<Result>) => void) => {
      const respond = typeof ack === 'function' ? ack : () => undefined;
      Promise.resolve()
        .then(() => work(parsePayload(schema, raw)))
        .then((data) => respond({ ok: true, data }), (error: unknown) => respond({ ok: false, error: toErrorPayload(error) }));
    };
  }

  io.on('connection', (socket) => {
    const identity = socket.data.identity;
    if (socket.data.companyId) void socket.join(conversationRooms.company(socket.data.companyId));
    const user: AuthUser | null = identity.kind === 'user'
      ? { id: identity.userId, role: identity.role as Role, displayName: identity.displayName, email: null, phone: null, companyId: socket.data.companyId, provinceCode: null }
      : null;
    const requireUser = () => {
      if (!user) throw new AppError('unauthenticated', 'Please sign in / 请先登录');
      return user;
    };

    socket.on('conversation:send', handle(sendMessagePayload, ({ conversationId, body, clientKey }) => conversations.sendMessage(requireUser(), conversationId, { body, clientKey })));
    socket.on('conversation:read', handle(readConversationPayload, ({ conversationId, messageId }) => conversations.markRead(requireUser(), conversationId, messageId)));
  });

  events.on('ConversationMessageSent', (payload) => {
    if (isClosed) return;
    for (const message of payload.messages) io.to(partyRooms(payload)).emit('conversation:message', { conversationId: payload.conversationId, message });
  });
  events.on('ConversationRead', (payload) => {
    if (isClosed) return;
    io.to(partyRooms(payload)).emit('conversation:read', { conversationId: payload.conversationId, side: payload.side, lastReadId: payload.lastReadId });
  });
  events.on('ConversationChanged', (payload) => {
    if (isClosed) return;
    io.to(partyRooms(payload)).emit('conversation:changed', { conversationId: payload.conversationId });
  });

  return {
    close() {
      isClosed = true;
    },
  };
}
