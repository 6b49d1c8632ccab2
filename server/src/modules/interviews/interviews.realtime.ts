import type { ZodType } from 'zod';
import { socketUser, type RealtimeServer } from '../../platform/realtime.js';
import { acknowledged, type SocketLog } from '../../platform/socket-ack.js';
import { AppError } from '../../platform/errors.js';
import {
  endInterviewPayload,
  interviewRooms,
  interviewSignalPayload,
  joinInterviewPayload,
  leaveInterviewPayload,
  type InterviewPeer,
  type InterviewRoom,
} from '../../../../contracts/interviews.js';
import type { InterviewsService } from './interviews.service.js';

/**
 * 远程面试's signalling over the existing Socket.IO connection: the two sides join the application's room,
 * exchange the WebRTC offer, answer and ICE candidates through the server (relayed only to a socket in the same
 * room), and the employer's 结束面试 closes the room for everyone. Who is in a room is read from the sockets
 * themselves (`socket.data.interview`, shared across nodes by the Redis adapter), never a per-node list.
 */
export function attachInterviewsRealtime(io: RealtimeServer, deps: { interviews: InterviewsService; log: SocketLog }) {
  const { interviews, log } = deps;
  const inFlight = new Set<Promise<void>>();
  const track = (handling: Promise<void>) => {
    inFlight.add(handling);
    void handling.then(() => inFlight.delete(handling));
  };
  const handle = <Payload, Result>(schema: ZodType<Payload>, work: (payload: Payload) => Promise<Result>) => acknowledged(log, schema, work, track);

  const peersIn = async (applicationId: number, exceptSocketId: string): Promise<InterviewPeer[]> =>
    (await io.in(interviewRooms.application(applicationId)).fetchSockets())
      .filter((other) => other.id !== exceptSocketId && other.data.interview?.applicationId === applicationId)
      .map((other) => ({ socketId: other.id, name: other.data.interview!.name, side: other.data.interview!.side }));

  io.on('connection', (socket) => {
    const user = socketUser(socket.data);

    const leave = (applicationId: number) => {
      if (socket.data.interview?.applicationId !== applicationId) return;
      socket.data.interview = null;
      void socket.leave(interviewRooms.application(applicationId));
      socket.to(interviewRooms.application(applicationId)).emit('interview:peer-left', { applicationId, socketId: socket.id });
    };

    const requireJoined = (applicationId: number) => {
      if (socket.data.interview?.applicationId !== applicationId) throw new AppError('forbidden', 'Join the interview first / 请先进入面试间');
    };

    socket.on('interview:join', handle(joinInterviewPayload, async ({ applicationId }): Promise<InterviewRoom> => {
      const joined = await interviews.join(user, applicationId);
      if (socket.data.interview && socket.data.interview.applicationId !== applicationId) leave(socket.data.interview.applicationId);
      const peers = await peersIn(applicationId, socket.id);
      socket.data.interview = { applicationId, name: joined.name, side: joined.side };
      await socket.join(interviewRooms.application(applicationId));
      socket.to(interviewRooms.application(applicationId)).emit('interview:peer-joined', { applicationId, peer: { socketId: socket.id, name: joined.name, side: joined.side } });
      return { applicationId, side: joined.side, job: joined.job, seeker: joined.seeker, interviewAt: joined.interviewAt, peers, iceServers: interviews.iceServers(), iceTransportPolicy: interviews.iceTransportPolicy(), startedAt: joined.startedAt };
    }));

    socket.on('interview:signal', handle(interviewSignalPayload, async ({ applicationId, to, data }) => {
      requireJoined(applicationId);
      const peers = await peersIn(applicationId, socket.id);
      if (!peers.some((peer) => peer.socketId === to)) throw new AppError('not_found', 'That person is not in the interview / 对方不在面试间');
      io.to(to).emit('interview:signal', { applicationId, from: socket.id, data });
      return null;
    }));

    socket.on('interview:leave', handle(leaveInterviewPayload, async ({ applicationId }) => {
      leave(applicationId);
      return null;
    }));

    socket.on('interview:end', handle(endInterviewPayload, async ({ applicationId }) => {
      requireJoined(applicationId);
      const ended = await interviews.end(user, applicationId);
      const room = interviewRooms.application(applicationId);
      io.to(room).emit('interview:ended', { applicationId, durationSeconds: ended.durationSeconds });
      for (const member of await io.in(room).fetchSockets()) member.data.interview = null;
      io.in(room).socketsLeave(room);
      return ended;
    }));

    socket.on('disconnect', () => {
      const current = socket.data.interview;
      if (current) socket.to(interviewRooms.application(current.applicationId)).emit('interview:peer-left', { applicationId: current.applicationId, socketId: socket.id });
    });
  });

  return {
    async flush() {
      await Promise.all([...inFlight]);
    },
  };
}
