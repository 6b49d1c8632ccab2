/**
 * 远程面试 — video interviews inside the platform (issue 11): the REST shapes and the Socket.IO events of the
 * interview room `/interviews/:applicationId` (merged into contracts/live.ts's event maps). The video goes
 * between the two browsers (WebRTC); the server only checks who may join, relays the offer, answer and ICE
 * candidates, and records that the interview happened, how long it lasted and who joined. Nothing is recorded.
 */
import { z } from 'zod';
import { peerSignal, type PeerSignal } from './peer.js';

/** The room of an application's interview, as stored in its interview's video link. */
export const interviewRoomPath = (applicationId: number) => `/interviews/${applicationId}`;
export const INTERVIEW_ROOM_PATH = /^\/interviews\/(\d{1,15})$/;

export type InterviewSide = 'seeker' | 'employer';
export type InterviewPeer = { socketId: string; name: string; side: InterviewSide };

/** What the room shows beside the video: the job, and for the employer the seeker's quick profile (masked phone). */
export type InterviewRoom = {
  applicationId: number;
  side: InterviewSide;
  job: { id: string | null; title: string | null; companyName: string | null };
  seeker: { name: string; cityName: string | null; phoneMasked: string | null } | null;
  interviewAt: string | null;
  /** The others already in the room (each new one is told by `interview:peer-joined`). */
  peers: InterviewPeer[];
  /** From ICE_SERVERS (STUN/TURN with credentials); [] on a LAN or loopback. */
  iceServers: Array<{ urls: string | string[]; username?: string; credential?: string }>;
  /** `relay`: only through the TURN servers (ICE_TRANSPORT_POLICY). */
  iceTransportPolicy: 'all' | 'relay';
  /** The call started (the first join) and is still open; null before anyone joined. */
  startedAt: string | null;
};

/** One held interview as the application's history shows it. */
export const videoInterviewSchema = z.object({
  id: z.number(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  participants: z.array(z.object({ name: z.string(), side: z.enum(['seeker', 'employer']) })),
  endedByName: z.string().nullable(),
});
export type VideoInterview = z.infer<typeof videoInterviewSchema>;

const applicationId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const joinInterviewPayload = z.object({ applicationId });
export const leaveInterviewPayload = z.object({ applicationId });
export const endInterviewPayload = z.object({ applicationId });
export const interviewSignalPayload = peerSignal.extend({ applicationId });
export type InterviewSignal = PeerSignal;

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export type InterviewClientEvents = {
  'interview:join': (payload: z.input<typeof joinInterviewPayload>, ack: (result: Ack<InterviewRoom>) => void) => void;
  'interview:signal': (payload: z.input<typeof interviewSignalPayload>, ack?: (result: Ack<null>) => void) => void;
  'interview:leave': (payload: z.input<typeof leaveInterviewPayload>, ack?: (result: Ack<null>) => void) => void;
  /** The employer's 结束面试: the call is recorded as held and everyone leaves. */
  'interview:end': (payload: z.input<typeof endInterviewPayload>, ack: (result: Ack<VideoInterview>) => void) => void;
};

export type InterviewServerEvents = {
  'interview:peer-joined': (payload: { applicationId: number; peer: InterviewPeer }) => void;
  'interview:peer-left': (payload: { applicationId: number; socketId: string }) => void;
  'interview:signal': (payload: { applicationId: number; from: string; data: InterviewSignal }) => void;
  'interview:ended': (payload: { applicationId: number; durationSeconds: number | null }) => void;
};

export const interviewRooms = { application: (id: number) => `interview:${id}` };
