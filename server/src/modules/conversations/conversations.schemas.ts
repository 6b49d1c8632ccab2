import { z } from 'zod';
import { REPORT_REASONS } from '../reports/index.js';
import { multilineText, singleLineText } from '../../platform/input.js';
import { clientKeySchema, CONTACT_KINDS, MESSAGE_MAX_LENGTH } from '../../../../contracts/conversations.js';
import { WECHAT_ID_MESSAGE, WECHAT_ID_PATTERN } from '../../../../contracts/wechat.js';

export {
  contactRequestSchema,
  conversationMessageSchema,
  conversationSchema,
  sentMessageSchema,
  type ContactRequest,
  type Conversation,
  type ConversationMessage,
  type ConversationSide,
  type SentMessage,
} from '../../../../contracts/conversations.js';

export const conversationParams = z.object({ id: z.coerce.number().int().positive('must be a conversation id') });

/** A seeker starts one about a job (or an application); an employer or a host about an application. */
export const startConversationBodySchema = z
  .object({
    jobId: z.string().uuid('must be a job id').optional(),
    applicationId: z.number().int().positive('must be an application id').optional(),
  })
  .refine((body) => (body.jobId === undefined) !== (body.applicationId === undefined), { path: ['jobId'], message: 'give either jobId or applicationId / 请指定岗位或报名' });
export type StartConversationBody = z.infer<typeof startConversationBodySchema>;

export const sendMessageBodySchema = z.object({ body: multilineText({ min: 1, max: MESSAGE_MAX_LENGTH }), clientKey: clientKeySchema.optional() });

export const listMessagesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  beforeId: z.coerce.number().int().positive().optional(),
});

export const readBodySchema = z.object({ messageId: z.number().int().positive().optional() });

/** 交换电话 by default (the original contract: no body); `{ "kind": "wechat" }` asks for the WeChat ID. */
export const contactRequestBodySchema = z
  .object({ kind: z.enum(CONTACT_KINDS).optional() })
  .nullish()
  .transform((body) => ({ kind: body?.kind ?? 'phone' }));

/** Accepting 交换微信 without a WeChat ID in the profile: give it here (it is saved to the profile). */
export const contactDecisionBodySchema = z.object({
  decision: z.enum(['accept', 'refuse']),
  wechatId: z.string().trim().regex(WECHAT_ID_PATTERN, WECHAT_ID_MESSAGE).optional(),
});

export const jobCardBodySchema = z.object({ jobId: z.string().uuid('must be a job id') });

export const interviewInvitationBodySchema = z.object({
  interviewAt: z.string().datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-03-12T14:00:00+08:00' }),
  place: singleLineText({ max: 200 }).nullish(),
  videoUrl: singleLineText({ max: 500 }).nullish(),
});
export type InterviewInvitationBody = z.infer<typeof interviewInvitationBodySchema>;

export const quickRepliesBodySchema = z.object({
  replies: z.array(singleLineText({ min: 1, max: 200 })).max(20, 'at most 20 quick replies'),
});

export const reportConversationBodySchema = z
  .object({ reason: z.enum(REPORT_REASONS), details: multilineText({ max: 2000 }).default('') })
  .refine((body) => body.reason !== 'other' || body.details.length >= 2, { path: ['details'], message: 'say what happened / 请描述具体情况' });
