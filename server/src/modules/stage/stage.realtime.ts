import type { ZodType } from 'zod';
import { AppError, forbidden } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { socketUser, type RealtimeServer } from '../../platform/realtime.js';
import { acknowledged, type SocketLog } from '../../platform/socket-ack.js';
import { rooms } from '../../../../contracts/live.js';
import { conversationRooms } from '../../../../contracts/conversations.js';
import {
  raiseHandPayload,
  STAGE_INVITE_SECONDS,
  stageEndPayload,
  stageInvitePayload,
  stageListPayload,
  stageRespondPayload,
  stageRooms,
  stageSignalPayload,
  type StageCandidate,
  type StageGuest,
} from '../../../../contracts/stage.js';
import { toStageGuest, type StageService } from './stage.service.js';
import type { StageGuestRow } from './stage.repository.js';

/**
 * 连麦 over the existing Socket.IO connection. Raised hands live on the sockets (`socket.data.hands`, and the
 * session's hands room), read across nodes through the Redis adapter; the invitation and the guest on stage are
 * rows (stage.repository.ts), so one guest at a time holds whichever node each person is on. Signals are relayed
 * only between the host and the guest on stage; the guest's turn ends when the host removes them, they leave,
 * their connection goes, or the session ends.
 */
export function attachStageRealtime(io: RealtimeServer, deps: { stage: StageService; events: EventBus; log: SocketLog }) {
  const { stage, events, log } = deps;
  const inFlight = new Set<Promise<void>>();
  const track = (handling: Promise<void>) => {
    inFlight.add(handling);
    void handling.then(() => inFlight.delete(handling));
  };
  const handle = <Payload, Result>(schema: ZodType<Payload>, work: (payload: Payload) => Promise<Result>) => acknowledged(log, schema, work, track);
  const logFailure = (what: string) => (error: unknown) => log.error({ err: error }, what);

  /** Raised hands first (earliest first), then the HR members of the session's companies who are watching. */
  async function candidatesOf(sessionId: string, hostUserId: string): Promise<StageCandidate[]> {
    const byUser = new Map<string, StageCandidate>();
    for (const other of await io.in(stageRooms.hands(sessionId)).fetchSockets()) {
      const { identity } = other.data;
      const raisedAt = other.data.hands?.[sessionId];
      // Still watching: leaving the room (or being removed from it) takes the hand down.
      if (identity.kind !== 'user' || !raisedAt || identity.userId === hostUserId || !other.rooms.has(rooms.session(sessionId))) continue;
      const known = byUser.get(identity.userId);
      if (!known || (known.raisedAt ?? '') > raisedAt) byUser.set(identity.userId, { userId: identity.userId, name: identity.displayName, kind: identity.role === 'employer' ? 'hr' : 'viewer', raisedAt });
    }
    for (const companyId of await stage.companyIds(sessionId)) {
      for (const member of await io.in(conversationRooms.company(companyId)).fetchSockets()) {
        const { identity } = member.data;
        if (identity.kind !== 'user' || identity.userId === hostUserId || byUser.has(identity.userId) || !member.rooms.has(rooms.session(sessionId))) continue;
        byUser.set(identity.userId, { userId: identity.userId, name: identity.displayName, kind: 'hr', raisedAt: null });
      }
    }
    return [...byUser.values()].sort((a, b) => (a.raisedAt && b.raisedAt ? a.raisedAt.localeCompare(b.raisedAt) : a.raisedAt ? -1 : b.raisedAt ? 1 : a.name.localeCompare(b.name)));
  }

  async function announceCandidates(sessionId: string) {
    const hostUserId = await stage.hostOf(sessionId);
    io.to(rooms.sessionHosts(sessionId)).emit('stage:candidates', { sessionId, candidates: await candidatesOf(sessionId, hostUserId) });
  }

  /** The guest's connection the host calls (the newest of the guest's sockets that is their stage connection). */
  async function guestSocketId(sessionId: string, guest: StageGuestRow) {
    if (!guest.userId || guest.status !== 'on_stage') return null;
    const sockets = await io.in(rooms.user(guest.userId)).fetchSockets();
    return sockets.find((other) => other.data.stageGuestOf?.guestId === guest.id && other.data.stageGuestOf.sessionId === sessionId)?.id ?? null;
  }

  const announceEnded = (sessionId: string, ended: StageGuestRow | null) => {
    if (ended) io.to(rooms.session(sessionId)).emit('stage:guest', { sessionId, guest: null });
  };

  io.on('connection', (socket) => {
    const user = socketUser(socket.data);
    const requireInRoom = (sessionId: string) => {
      if (!socket.rooms.has(rooms.session(sessionId))) throw forbidden('Join the session first (session:join)');
    };
    const lowerHand = (sessionId: string) => {
      if (!socket.data.hands?.[sessionId]) return false;
      const { [sessionId]: _lowered, ...others } = socket.data.hands;
      socket.data.hands = others;
      void socket.leave(stageRooms.hands(sessionId));
      return true;
    };

    socket.on('stage:hand', handle(raiseHandPayload, async ({ sessionId, isRaised }) => {
      requireInRoom(sessionId);
      if (isRaised) {
        await stage.checkHand(user, sessionId);
        if (!socket.data.hands?.[sessionId]) {
          socket.data.hands = { ...socket.data.hands, [sessionId]: new Date().toISOString() };
          await socket.join(stageRooms.hands(sessionId));
        }
      } else {
        lowerHand(sessionId);
      }
      await announceCandidates(sessionId);
      return { isRaised };
    }));

    socket.on('stage:list', handle(stageListPayload, async ({ sessionId }) => {
      const session = await stage.requireHost(user, sessionId);
      const active = await stage.active(sessionId);
      const guest: StageGuest | null = active ? { ...toStageGuest(active), socketId: await guestSocketId(sessionId, active) } : null;
      return { ...stage.ice(), candidates: await candidatesOf(sessionId, session.hostUserId), guest };
    }));

    socket.on('stage:invite', handle(stageInvitePayload, async ({ sessionId, userId }) => {
      const session = await stage.requireHost(user, sessionId);
      const candidate = (await candidatesOf(sessionId, session.hostUserId)).find((item) => item.userId === userId);
      if (!candidate) throw new AppError('not_found', 'This person is not watching, or has not raised a hand / 对方不在直播间或没有举手');
      const { row } = await stage.invite(user, sessionId, candidate);
      const expiresAt = new Date(new Date(row.invitedAt).getTime() + STAGE_INVITE_SECONDS * 1000).toISOString();
      io.to(rooms.user(userId)).emit('stage:invited', { sessionId, hostName: user!.displayName, title: session.title, expiresAt });
      // Who was invited is the host's business until they accept (a declined invitation is never shown to the room).
      io.to(rooms.sessionHosts(sessionId)).emit('stage:guest', { sessionId, guest: toStageGuest(row) });
      return toStageGuest(row);
    }));

    socket.on('stage:respond', handle(stageRespondPayload, async ({ sessionId, accept }) => {
      if (accept) requireInRoom(sessionId);
      const row = await stage.respond(user, sessionId, accept);
      const guest = accept ? toStageGuest(row) : null;
      if (accept) {
        socket.data.stageGuestOf = { sessionId, guestId: row.id };
        const hostUserId = await stage.hostOf(sessionId);
        io.to(rooms.user(hostUserId)).emit('stage:peer', { sessionId, socketId: socket.id });
      }
      const wasRaised = lowerHand(sessionId);
      io.to(accept ? rooms.session(sessionId) : rooms.sessionHosts(sessionId)).emit('stage:guest', { sessionId, guest });
      if (wasRaised) await announceCandidates(sessionId);
      return { ...stage.ice(), guest };
    }));

    socket.on('stage:signal', handle(stageSignalPayload, async ({ sessionId, to, data }) => {
      const active = await stage.active(sessionId);
      if (!user || !active || active.status !== 'on_stage' || !active.userId) throw new AppError('conflict', 'Nobody is on stage / 当前没有嘉宾连麦');
      const hostUserId = await stage.hostOf(sessionId);
      const counterpart = user.id === hostUserId ? active.userId : user.id === active.userId ? hostUserId : null;
      if (!counterpart) throw forbidden('Only the host and the guest talk on stage / 仅主播与嘉宾可以连麦');
      const [target] = await io.in(to).fetchSockets();
      if (!target || target.data.identity.kind !== 'user' || target.data.identity.userId !== counterpart) throw new AppError('not_found', 'That person is not on this stage / 对方不在连麦中');
      io.to(to).emit('stage:signal', { sessionId, from: socket.id, data });
      return null;
    }));

    socket.on('stage:end', handle(stageEndPayload, async ({ sessionId }) => {
      const ended = await stage.end(user, sessionId);
      if (socket.data.stageGuestOf?.sessionId === sessionId) socket.data.stageGuestOf = null;
      announceEnded(sessionId, ended);
      return null;
    }));

    socket.on('disconnect', () => {
      const turn = socket.data.stageGuestOf;
      if (turn) track(stage.endFor(turn.sessionId, { id: turn.guestId }).then((ended) => announceEnded(turn.sessionId, ended), logFailure('ending 连麦 on disconnect failed')));
      for (const sessionId of Object.keys(socket.data.hands ?? {})) track(announceCandidates(sessionId).catch(logFailure('announcing raised hands failed')));
    });
  });

  // The session is over: so is anyone's turn on its stage.
  const onStatus = ({ sessionId, status }: { sessionId: string; status: string }) => {
    if (status === 'ended' || status === 'missed') track(stage.endFor(sessionId).then((ended) => announceEnded(sessionId, ended), logFailure('ending 连麦 with the session failed')));
  };
  events.on('LiveSessionStatusChanged', onStatus);

  return {
    async flush() {
      await Promise.all([...inFlight]);
    },
    close() {
      events.off('LiveSessionStatusChanged', onStatus);
    },
  };
}
