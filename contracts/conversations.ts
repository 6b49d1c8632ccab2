/**
 * 1:1 conversations (沟通) shared by the server and the web app: REST shapes, the typed Socket.IO events
 * (merged into contracts/live.ts's event maps) and the room helper for a company's members. Inbound socket
 * payloads are zod schemas here so the server validates exactly what the client type promises. Timestamps
 * are ISO strings; message bodies are plain text (render as text; only links to the platform are links).
 */
import { z } from 'zod';
import { multilineText } from './text.js';

export const MESSAGE_MAX_LENGTH = 1000;
export const SENDER_ROLES = ['seeker', 'employer', 'host', 'system'] as const;
export const MESSAGE_KINDS = ['text', 'tip', 'job_card', 'interview', 'contact_request', 'contact_decision'] as const;
export type SenderRole = (typeof SENDER_ROLES)[number];
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type ConversationSide = 'seeker' | 'counterpart';
/** What a contact exchange is about: 交换电话 (the full phone number) or 交换微信 (the seeker's WeChat ID). */
export const CONTACT_KINDS = ['phone', 'wechat'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Plain text: tab and newline allowed, no other control characters, bidi overrides or broken UTF-16 (as the REST body). */
export const messageBodySchema = multilineText({ min: 1, max: MESSAGE_MAX_LENGTH });

export const clientKeySchema = z.string().min(8).max(100).regex(/^[\w-]+$/, 'must be letters, digits, - or _');

export const conversationMessageSchema = z.object({
  id: z.number(),
  conversationId: z.number(),
  kind: z.enum(MESSAGE_KINDS),
  senderRole: z.enum(SENDER_ROLES),
  senderName: z.string().nullable(),
  body: z.string(),
  /** job_card: { jobId, title, cityName, payMonthlyMin, payMonthlyMax }; interview: { applicationId, interviewAt, place, videoUrl };
   *  contact_request / contact_decision: { requestId, status, contactKind: 'phone' | 'wechat' }. */
  payload: z.record(z.string(), z.unknown()),
  sentAt: z.string(),
  /** Read by the other side (已读); system messages count as read. */
  isRead: z.boolean(),
  clientKey: z.string().nullable(),
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

export const contactRequestSchema = z.object({
  id: z.number(),
  kind: z.enum(CONTACT_KINDS),
  status: z.enum(['pending', 'accepted', 'refused']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ContactRequest = z.infer<typeof contactRequestSchema>;

export const conversationSchema = z.object({
  id: z.number(),
  kind: z.enum(['company', 'host']),
  /** Which side the caller is on. */
  mySide: z.enum(['seeker', 'counterpart']),
  job: z.object({ id: z.string(), title: z.string(), isOpen: z.boolean() }),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  hostName: z.string().nullable(),
  /** The seeker as the employer or host sees them: the name and the masked number only. */
  seeker: z.object({ name: z.string(), phoneMasked: z.string().nullable(), cityName: z.string().nullable() }),
  applicationId: z.number().nullable(),
  lastMessage: z.object({ body: z.string(), kind: z.enum(MESSAGE_KINDS), senderRole: z.enum(SENDER_ROLES), sentAt: z.string() }).nullable(),
  unread: z.number(),
  /** The other side's read pointer (messages up to it show 已读). */
  otherLastReadId: z.number(),
  /** The oldest pending contact request (kept for older clients; see pendingContactRequests). */
  pendingContactRequest: contactRequestSchema.nullable(),
  /** Every pending contact request, at most one per kind (交换电话, 交换微信). */
  pendingContactRequests: z.array(contactRequestSchema),
  /** The seeker consents to this company seeing the full number. */
  hasPhoneConsent: z.boolean(),
  /** The seeker consents to this company seeing the WeChat ID (交换微信 accepted, not withdrawn). */
  hasWechatConsent: z.boolean(),
  /** Blocked by either side: no more messages. */
  blockedBy: z.enum(['seeker', 'counterpart']).nullable(),
  createdAt: z.string(),
  lastMessageAt: z.string().nullable(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const sentMessageSchema = conversationMessageSchema.extend({
  /** A platform tip delivered with the message (正规招聘不收费 for a seeker's question about fees). */
  tip: conversationMessageSchema.nullable(),
});
export type SentMessage = z.infer<typeof sentMessageSchema>;

// ---------------------------------------------------------------- Socket.IO

export const conversationRooms = {
  /** Every member of a company (all answer the company's conversations). */
  company: (companyId: string) => `company:${companyId}`,
};

export const sendMessagePayload = z.object({
  conversationId: z.number().int().positive(),
  body: messageBodySchema,
  clientKey: clientKeySchema.optional(),
});
export const readConversationPayload = z.object({ conversationId: z.number().int().positive(), messageId: z.number().int().positive() });

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export type ConversationClientEvents = {
  'conversation:send': (payload: z.input<typeof sendMessagePayload>, ack: (result: Ack<SentMessage>) => void) => void;
  'conversation:read': (payload: z.input<typeof readConversationPayload>, ack?: (result: Ack<{ lastReadId: number }>) => void) => void;
};

export type ConversationServerEvents = {
  /** A new message (or a platform tip) in one of your conversations. */
  'conversation:message': (payload: { conversationId: number; message: ConversationMessage }) => void;
  /** The other side (or another member of your company) read up to `lastReadId`. */
  'conversation:read': (payload: { conversationId: number; side: ConversationSide; lastReadId: number }) => void;
  /** A contact request was answered, a block set or lifted: refetch the conversation. */
  'conversation:changed': (payload: { conversationId: number }) => void;
};
