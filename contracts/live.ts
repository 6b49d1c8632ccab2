/**
 * The live-room contract shared by the server and the web app: REST shapes for sessions, stream keys and
 * applications, and the typed Socket.IO events (used as generics on both ends). Inbound socket payloads are
 * zod schemas here so the server validates exactly what the client type promises. Timestamps are ISO strings.
 */
import { z } from 'zod';
import { singleLineText } from './text.js';
import type { ConversationClientEvents, ConversationServerEvents } from './conversations.js';
import type { InterviewClientEvents, InterviewServerEvents } from './interviews.js';
import type { StageClientEvents, StageServerEvents, StageSocketData } from './stage.js';

/** `missed` (未开播): scheduled, but the host never went live within LIVE_MISSED_AFTER_MINUTES of the start; not counted as held. */
export const SESSION_STATUSES = ['scheduled', 'live', 'ended', 'missed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const uuid = z.string().uuid();

// ---------------------------------------------------------------- REST shapes

export const sessionJobSchema = z.object({
  jobId: z.string(),
  position: z.number(),
  title: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  companyAccountType: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  payMonthlyMin: z.number().nullable(),
  payMonthlyMax: z.number().nullable(),
  payHourly: z.number().nullable(),
  isDailyPay: z.boolean(),
  shiftPattern: z.string(),
  housing: z.string(),
  meals: z.string(),
  headcount: z.number(),
  isOpen: z.boolean(),
});
export type SessionJob = z.infer<typeof sessionJobSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  startsAt: z.string(),
  /** Seconds until startsAt from the server's clock when it answered (negative once past): the countdown. */
  secondsUntilStart: z.number(),
  hostUserId: z.string(),
  hostName: z.string(),
  coverText: z.string(),
  provinceCode: z.string().nullable(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  employerNames: z.array(z.string()),
  /** The verified companies presenting jobs in it (their public pages: /companies/:companyId). */
  employers: z.array(z.object({ companyId: z.string(), name: z.string() })),
  jobCount: z.number(),
  bookingCount: z.number(),
  /** Whether the signed-in user booked it (false for guests). */
  isBooked: z.boolean(),
  wentLiveAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Generated demo data: the web app must say so wherever it shows the session. */
  isSynthetic: z.boolean(),
  /** The campaign (活动, e.g. 春风行动) the session belongs to, if any. */
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Scheduled and LIVE_LATE_AFTER_MINUTES past its start without going live: the room says 主播暂未开播. */
  isLate: z.boolean(),
  /** Viewers in the room now (live sessions; 0 otherwise). */
  viewerCount: z.number(),
  /** A recent frame of the live stream (or of the replay), with a cache-busting `?v=`; null: show the cover. */
  thumbnailUrl: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const replayItemSchema = z.object({
  url: z.string(),
  format: z.enum(['flv', 'mp4']),
  bytes: z.number(),
  startedAt: z.string(),
  endedAt: z.string(),
});
export type ReplayItem = z.infer<typeof replayItemSchema>;

export const playbackSchema = z.object({
  /** HTTP-FLV for mpegts.js (null once the session ended). */
  flvUrl: z.string().nullable(),
  /** HLS for browsers without Media Source Extensions (iOS Safari); null when no HLS is produced. */
  hlsUrl: z.string().nullable(),
  /** Recordings, in order, once the session ended (回放). */
  replay: z.array(replayItemSchema),
});
export type Playback = z.infer<typeof playbackSchema>;

export const sessionDetailSchema = sessionSummarySchema.extend({
  jobs: z.array(sessionJobSchema),
  pinnedJobId: z.string().nullable(),
  likeCount: z.number(),
  playback: playbackSchema,
  /** True for the host, the person who scheduled it, and admins: they may open the console. */
  canManage: z.boolean(),
  /**
   * After the end: `pending` while the recording is being finished (回放生成中; `session:replay` announces it),
   * `ready` when `playback.replay` has it, `none` when there is none (never went live, or nothing was recorded).
   */
  replayState: z.enum(['none', 'pending', 'ready']),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const scheduleSessionBodySchema = z.object({
  title: z.string().trim().min(2, 'is required / 请填写直播标题').max(60),
  startsAt: z.string().datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-12-01T19:30:00+08:00' }),
  /** Defaults to the caller; employers, bureaus and admins may name a user with the host role. */
  hostUserId: uuid.optional(),
  jobIds: z.array(uuid).max(50).default([]),
  coverText: z.string().trim().max(500).default(''),
  cityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code').optional(),
  /** A campaign to run it in (its organiser — a bureau of its province — or an admin); it must start within the campaign. */
  campaignId: uuid.optional(),
});
export type ScheduleSessionBody = z.infer<typeof scheduleSessionBodySchema>;

export const streamKeySchema = z.object({
  /** OBS "Server" (服务器). */
  rtmpUrl: z.string(),
  /** OBS "Stream key" (串流密钥): `<sessionId>?key=<secret>`, so `rtmpUrl/streamKey` is the publish address. */
  streamKey: z.string(),
  publishUrl: z.string(),
  rotatedAt: z.string(),
});
export type StreamKeyInfo = z.infer<typeof streamKeySchema>;

/** 网页开播: where the studio opens its WebSocket (same origin; see docs/LIVE.md "Browser studio"). */
export const studioIngestSchema = z.object({
  /** `/api/studio/ingest?sessionId=…&token=…` — the token is the host's, valid a few minutes to connect. */
  ingestPath: z.string(),
  mediaMode: z.enum(['embedded', 'external']),
});
export type StudioIngestInfo = z.infer<typeof studioIngestSchema>;

export const applyBodySchema = z.object({
  jobId: uuid,
  /** The session the seeker applied from (live or replay); omitted for a job page. */
  sessionId: uuid.optional(),
  /** A client-made key per tap (e.g. crypto.randomUUID()); a retry with the same key returns the same application. */
  idempotencyKey: z.string().min(8).max(100).optional(),
  /** 允许企业查看我的手机号 (off by default): the job's company may see the full number from now on (logged). */
  sharePhone: z.boolean().optional(),
  /** The quick profile, saved first when the seeker has none yet (留资). */
  profile: z
    .object({
      name: z.string().trim().min(1).max(30),
      phone: z.string().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number / 请输入11位手机号'),
      homeCityCode: z.string().regex(/^\d{6}$/),
    })
    .optional(),
});
export type ApplyBody = z.infer<typeof applyBodySchema>;

export const applicationReceiptSchema = z.object({
  id: z.number(),
  jobId: z.string(),
  sessionId: z.string().nullable(),
  source: z.enum(['live', 'replay', 'job_page', 'import']),
  status: z.string(),
  appliedAt: z.string(),
  /** False when this was a repeat (double tap, retry): the existing application is returned. */
  created: z.boolean(),
});
export type ApplicationReceipt = z.infer<typeof applicationReceiptSchema>;

/** What the host console shows per application: the phone is masked (138****5678). */
export const hostApplicationSchema = z.object({
  id: z.number(),
  jobId: z.string(),
  jobTitle: z.string(),
  seekerName: z.string(),
  maskedPhone: z.string(),
  seekerCityName: z.string(),
  source: z.string(),
  status: z.string(),
  appliedAt: z.string(),
});
export type HostApplication = z.infer<typeof hostApplicationSchema>;

export const jobCountSchema = z.object({ jobId: z.string(), jobTitle: z.string(), count: z.number() });
export type JobCount = z.infer<typeof jobCountSchema>;

// ---------------------------------------------------------------- Socket.IO

/** Room names come from these helpers only. */
export const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  sessionHosts: (sessionId: string) => `session:${sessionId}:hosts`,
  user: (userId: string) => `user:${userId}`,
};

export type SocketIdentity =
  | { kind: 'user'; userId: string; displayName: string; role: string }
  | { kind: 'guest'; guestId: string };

/** A refused payload names its fields as HTTP errors do (`fields[].path`, `field` the first). */
export type ErrorPayload = { code: string; message: string; field?: string; fields?: Array<{ path: string; message: string }>; retryAfterSeconds?: number };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export const chatMessageSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  /** Plain text: render with textContent / React text nodes, never as HTML. */
  text: z.string(),
  isHost: z.boolean(),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Who is muted or removed in a session (host console only). */
export type RoomRestriction = { userId: string; displayName: string; kind: 'mute' | 'ban'; until: string | null };

export type RoomState = {
  sessionId: string;
  status: SessionStatus;
  viewers: number;
  likes: number;
  pinnedJobId: string | null;
  recentMessages: ChatMessage[];
  /** Whether this socket may chat and apply (signed in, not muted) and manage (host console). */
  canChat: boolean;
  canManage: boolean;
  mutedUntil: string | null;
  /** For the host console: active mutes and bans (so that they can be lifted after a reload); [] for viewers. */
  restrictions: RoomRestriction[];
};

// Inbound payloads (client → server). Each is validated on arrival.
export const joinSessionPayload = z.object({ sessionId: uuid });
export const leaveSessionPayload = z.object({ sessionId: uuid });
export const sendChatPayload = z.object({
  sessionId: uuid,
  text: singleLineText({ min: 1, max: 200 }),
});
export const likePayload = z.object({ sessionId: uuid, count: z.number().int().min(1).max(50).default(1) });
export const openJobCardPayload = z.object({ sessionId: uuid, jobId: uuid });
export const pinJobPayload = z.object({ sessionId: uuid, jobId: uuid.nullable() });
export const deleteMessagePayload = z.object({ sessionId: uuid, messageId: uuid });
export const restrictUserPayload = z.object({
  sessionId: uuid,
  userId: uuid,
  /** Mute only: minutes (1–1440); omitted = for the rest of the session. */
  minutes: z.number().int().min(1).max(1440).optional(),
  reason: singleLineText({ max: 200 }).optional(),
});
export const liftRestrictionPayload = z.object({ sessionId: uuid, userId: uuid, kind: z.enum(['mute', 'ban']) });

export type ClientToServerEvents = {
  'session:join': (payload: z.input<typeof joinSessionPayload>, ack: (result: Ack<RoomState>) => void) => void;
  /** `ack` (optional here, on `like` and on `job:open`): answered when given, so a refused payload is never met with silence. */
  'session:leave': (payload: z.input<typeof leaveSessionPayload>, ack?: (result: Ack<null>) => void) => void;
  /** `tip`: the platform's tip (正规招聘不收费) when a seeker asks about fees; only the sender gets it. */
  'chat:send': (payload: z.input<typeof sendChatPayload>, ack: (result: Ack<{ message: ChatMessage; tip: { zh: string; en: string } | null }>) => void) => void;
  /** Likes are summed per room and announced in `room:stats`; no acknowledgement. */
  'like': (payload: z.input<typeof likePayload>, ack?: (result: Ack<null>) => void) => void;
  /** A viewer opened a job card (for the funnel: viewers → card opens → applications). */
  'job:open': (payload: z.input<typeof openJobCardPayload>, ack?: (result: Ack<null>) => void) => void;
  'host:pin': (payload: z.input<typeof pinJobPayload>, ack: (result: Ack<{ pinnedJobId: string | null }>) => void) => void;
  'host:delete-message': (payload: z.input<typeof deleteMessagePayload>, ack: (result: Ack<null>) => void) => void;
  'host:mute': (payload: z.input<typeof restrictUserPayload>, ack: (result: Ack<null>) => void) => void;
  'host:ban': (payload: z.input<typeof restrictUserPayload>, ack: (result: Ack<null>) => void) => void;
  'host:lift': (payload: z.input<typeof liftRestrictionPayload>, ack: (result: Ack<null>) => void) => void;
} & ConversationClientEvents & InterviewClientEvents & StageClientEvents;

export type TickerItem = { maskedName: string; jobTitle: string; at: string };

export type ServerToClientEvents = {
  /** Sent once after connecting: who the server thinks this socket is. */
  'identity': (identity: SocketIdentity) => void;
  'session:status': (payload: { sessionId: string; status: SessionStatus; wentLiveAt: string | null; endedAt: string | null }) => void;
  /** Batched (every REALTIME_FLUSH_MS) viewer and like counters. */
  'room:stats': (payload: { sessionId: string; viewers: number; likes: number }) => void;
  /** Chat, batched per room (every CHAT_FLUSH_MS): one event carries every message of the interval. */
  'chat:batch': (payload: { sessionId: string; messages: ChatMessage[] }) => void;
  'chat:deleted': (payload: { sessionId: string; messageIds: string[] }) => void;
  'job:pinned': (payload: { sessionId: string; jobId: string | null }) => void;
  /** The replay of an ended session is ready: fetch the detail again for `playback.replay`. */
  'session:replay': (payload: { sessionId: string }) => void;
  /** "张**正在报名" items, batched with the counters. */
  'ticker:batch': (payload: { sessionId: string; items: TickerItem[] }) => void;
  /** Host console only: a new application, with its job's new count. */
  'host:application': (payload: { sessionId: string; application: HostApplication; jobCount: number }) => void;
  /** To the restricted user's own sockets. */
  'moderation:you': (payload: { sessionId: string; kind: 'muted' | 'banned' | 'unmuted' | 'unbanned'; until: string | null }) => void;
  /** A durable in-app notification was created for this user (e.g. a booked session went live); `title` is Chinese, `titleEn` its English when the notification has one. */
  'notification': (payload: { id: number; kind: string; title: string; titleEn: string | null; body: string; link: string | null; createdAt: string }) => void;
} & ConversationServerEvents & InterviewServerEvents & StageServerEvents;

/** `companyId`: an employer's company (its sockets join the company's room for conversations). */
export type SocketData = {
  identity: SocketIdentity;
  joinedSessions: string[];
  companyId: string | null;
  /** The video interview this socket is in (远程面试), read by the other nodes through the Redis adapter. */
  interview?: { applicationId: number; name: string; side: 'seeker' | 'employer' } | null;
} & StageSocketData;

/** Phone masking used everywhere a host or employer sees a seeker before consent: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Ticker masking: the first character and two stars (张**). */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0] ?? '*';
  return `${first}**`;
}
