/**
 * 连麦 — a guest on the stage of a browser-studio session (issue 11): the Socket.IO events (merged into
 * contracts/live.ts's event maps). A signed-in viewer raises a hand (举手); the host sees the raised hands and the
 * HR members of the session's companies who are watching, and invites one; the invitee accepts on a consent
 * screen; the guest's camera reaches the host's studio over WebRTC (signalled here, relayed only between the host
 * and the guest) and the studio composites both into the stream every viewer sees. The host removes the guest
 * (or the guest leaves) at any time. One guest at a time.
 */
import { z } from 'zod';
import { peerSignal, type PeerSignal } from './peer.js';

/** A viewer who raised a hand, or an HR member of a company with jobs in the session (they may be invited without one). */
export type StageCandidate = { userId: string; name: string; kind: 'viewer' | 'hr'; raisedAt: string | null };

/** The invitation or the guest on stage. `socketId` (the host only): the guest's connection, to call. */
export type StageGuest = {
  id: number;
  userId: string;
  name: string;
  kind: 'viewer' | 'hr';
  status: 'invited' | 'on_stage';
  invitedAt: string;
  joinedAt: string | null;
  socketId?: string | null;
};

export type StageIce = {
  iceServers: Array<{ urls: string | string[]; username?: string; credential?: string }>;
  iceTransportPolicy: 'all' | 'relay';
};

/** The host's view of the stage: who may be invited, who is invited or on stage, and the ICE servers. */
export type StageState = StageIce & { candidates: StageCandidate[]; guest: StageGuest | null };

/** How long an invitation waits for the answer. */
export const STAGE_INVITE_SECONDS = 60;

const uuid = z.string().uuid();
export const raiseHandPayload = z.object({ sessionId: uuid, isRaised: z.boolean() });
export const stageListPayload = z.object({ sessionId: uuid });
export const stageInvitePayload = z.object({ sessionId: uuid, userId: uuid });
export const stageRespondPayload = z.object({ sessionId: uuid, accept: z.boolean() });
export const stageEndPayload = z.object({ sessionId: uuid });
export const stageSignalPayload = peerSignal.extend({ sessionId: uuid });

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export type StageClientEvents = {
  /** A signed-in viewer in the live room raises (or lowers) a hand. */
  'stage:hand': (payload: z.input<typeof raiseHandPayload>, ack: (result: Ack<{ isRaised: boolean }>) => void) => void;
  /** The host (studio): who may be invited and who is on stage. */
  'stage:list': (payload: z.input<typeof stageListPayload>, ack: (result: Ack<StageState>) => void) => void;
  /** The host invites one person (a raised hand or an HR member watching); refused while another is invited or on stage. */
  'stage:invite': (payload: z.input<typeof stageInvitePayload>, ack: (result: Ack<StageGuest>) => void) => void;
  /** The invitee accepts (on the consent screen) or declines. */
  'stage:respond': (payload: z.input<typeof stageRespondPayload>, ack: (result: Ack<StageIce & { guest: StageGuest | null }>) => void) => void;
  /** WebRTC offer, answer or ICE candidate, between the host and the guest only. */
  'stage:signal': (payload: z.input<typeof stageSignalPayload>, ack?: (result: Ack<null>) => void) => void;
  /** The host removes the guest (or withdraws the invitation); the guest leaves the stage. */
  'stage:end': (payload: z.input<typeof stageEndPayload>, ack: (result: Ack<null>) => void) => void;
};

export type StageServerEvents = {
  /** To the session's hosts: the raised hands changed (read them again with `stage:list`). */
  'stage:candidates': (payload: { sessionId: string; candidates: StageCandidate[] }) => void;
  /** To the invitee's own sockets: the consent screen. */
  'stage:invited': (payload: { sessionId: string; hostName: string; title: string; expiresAt: string }) => void;
  /** To everyone in the room: who is on stage (or invited); null when nobody. */
  'stage:guest': (payload: { sessionId: string; guest: Omit<StageGuest, 'socketId'> | null }) => void;
  /** To the host's sockets: the guest's connection to call (after accepting, or after the guest reconnected). */
  'stage:peer': (payload: { sessionId: string; socketId: string }) => void;
  'stage:signal': (payload: { sessionId: string; from: string; data: PeerSignal }) => void;
};

export type StageSocketData = {
  /** Raised hands of this socket (session id → when), read by the host's node through the Redis adapter. */
  hands?: Record<string, string>;
  /** The turn on stage this socket is the guest's connection for (ended when it disconnects). */
  stageGuestOf?: { sessionId: string; guestId: number } | null;
};

/** A raised hand's socket is also in the session's hands room, so the host's list never reads the whole audience. */
export const stageRooms = { hands: (sessionId: string) => `session:${sessionId}:hands` };
