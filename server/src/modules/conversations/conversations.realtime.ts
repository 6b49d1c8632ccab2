import type { ZodType } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { ConversationParties, EventBus } from '../../platform/events.js';
import { socketUser, type RealtimeServer } from '../../platform/realtime.js';
import { acknowledged, type SocketLog } from '../../platform/socket-ack.js';
import { rooms } from '../../../../contracts/live.js';
import { conversationRooms, readConversationPayload, sendMessagePayload } from '../../../../contracts/conversations.js';
import type { ConversationsService, PresenceTarget } from './conversations.service.js';

export type ConversationsRealtimeLog = SocketLog;

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

  const inFlight = new Set<Promise<void>>();
  const track = (handling: Promise<void>) => {
    inFlight.add(handling);
    void handling.then(() => inFlight.delete(handling));
  };
  const handle = <Payload, Result>(schema: ZodType<Payload>, work: (payload: Payload) => Promise<Result>) => acknowledged(log, schema, work, track);

  io.on('connection', (socket) => {
    if (socket.data.companyId) void socket.join(conversationRooms.company(socket.data.companyId));
    const user = socketUser(socket.data);
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
    /** Waits for the socket events being handled (tests, shutdown). */
    async flush() {
      await Promise.all([...inFlight]);
    },
    close() {
      isClosed = true;
    },
  };
}
