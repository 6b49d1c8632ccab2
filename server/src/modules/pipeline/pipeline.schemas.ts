import { z } from 'zod';
import { APPLICATION_STATUSES, PIPELINE_ACTIONS } from './pipeline-state.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const reason = z.string().trim().max(500);

export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
export const pipelineActionTypeSchema = z.enum(PIPELINE_ACTIONS);

/** An employer's transition request; the state machine checks the rest. */
export const employerActionBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('view') }),
  z.object({ action: z.literal('contact') }),
  z.object({
    action: z.literal('schedule_interview'),
    interviewAt: z.string().datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-03-12T14:00:00+08:00' }),
    place: z.string().trim().max(200).nullish(),
    videoUrl: z.string().trim().max(500).nullish(),
  }),
  z.object({ action: z.literal('hire') }),
  z.object({ action: z.literal('onboard'), startDate: isoDate }),
  z.object({ action: z.literal('confirm_stay') }),
  z.object({ action: z.literal('record_left'), reason: reason.min(1, 'a reason is required / 请填写离职原因') }),
  z.object({ action: z.literal('reject'), reason: reason.min(1, 'a reason is required / 请填写原因') }),
]);
export type EmployerActionBody = z.infer<typeof employerActionBodySchema>;

export const bulkActionBodySchema = z.object({
  applicationIds: z.array(z.number().int().positive()).min(1).max(200),
  change: employerActionBodySchema,
});

export const applicationFilterSchema = z.object({
  jobId: z.string().uuid('must be a job id').optional(),
  sessionId: z.string().uuid('must be a session id').optional(),
  status: applicationStatusSchema.optional(),
  appliedFrom: isoDate.optional(),
  appliedTo: isoDate.optional(),
});

export const listQuerySchema = applicationFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const noteBodySchema = z.object({ body: z.string().trim().min(1, 'is required / 请填写内容').max(2000) });
export const withdrawBodySchema = z.object({ reason: reason.nullish() });
export const declineBodySchema = z.object({ reason: reason.nullish() });
export const handoffBodySchema = z.object({
  recipientCompanyId: z.string().uuid('must be a company id'),
  purpose: z.string().trim().min(2, 'say why the lead is passed on / 请说明用途').max(500),
});
export const handoffDecisionBodySchema = z.object({ decision: z.enum(['grant', 'refuse']) });

const interviewSchema = z.object({
  at: z.date(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  response: z.enum(['pending', 'accepted', 'declined']).nullable(),
});

const labelSchema = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export const employerApplicationSchema = z.object({
  id: z.number(),
  job: z.object({ id: z.string().nullable(), title: z.string().nullable() }),
  companyName: z.string().nullable(),
  session: z.object({ id: z.string(), title: z.string().nullable() }).nullable(),
  source: z.string(),
  /** `phone` is the full number only in the detail and only while the seeker consents (each such answer is a logged look). */
  seeker: z.object({ name: z.string(), phoneMasked: z.string().nullable(), phone: z.string().nullable(), cityName: z.string().nullable(), isAnonymised: z.boolean() }),
  status: applicationStatusSchema,
  statusLabel: labelSchema,
  appliedAt: z.date(),
  statusChangedAt: z.date(),
  hiredAt: z.date().nullable(),
  interview: interviewSchema.nullable(),
  startDate: z.string().nullable(),
  closingReason: z.string().nullable(),
  /** Seen through a handoff the seeker consented to: read only. */
  isShared: z.boolean(),
  availableActions: z.array(pipelineActionTypeSchema),
  /** The seeker lets this company see the full number (apply-time choice or an accepted contact request). */
  hasPhoneConsent: z.boolean(),
  canUnmask: z.boolean(),
  canUndo: z.boolean(),
});
export type EmployerApplication = z.infer<typeof employerApplicationSchema>;

export const eventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: applicationStatusSchema,
  toStatus: applicationStatusSchema,
  actorRole: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  undoesEventId: z.number().nullable(),
  isUndone: z.boolean(),
  occurredAt: z.date(),
});

export const unmaskSchema = z.object({ viewerName: z.string().nullable(), companyName: z.string().nullable(), unmaskedAt: z.date() });

export const handoffSchema = z.object({
  id: z.number(),
  applicationId: z.number(),
  recipientCompanyId: z.string(),
  recipientCompanyName: z.string(),
  requestedByRole: z.enum(['host', 'employer']),
  requestedByName: z.string().nullable(),
  purpose: z.string(),
  status: z.enum(['pending', 'granted', 'refused']),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
});
export type Handoff = z.infer<typeof handoffSchema>;

export const noteSchema = z.object({ id: z.number(), body: z.string(), authorName: z.string().nullable(), createdAt: z.date() });

export const employerApplicationDetailSchema = employerApplicationSchema.extend({
  events: z.array(eventSchema),
  notes: z.array(noteSchema),
  phoneViews: z.array(unmaskSchema),
  handoffs: z.array(handoffSchema),
});

export const hostLeadSchema = z.object({
  id: z.number(),
  job: z.object({ id: z.string().nullable(), title: z.string().nullable() }),
  companyName: z.string().nullable(),
  session: z.object({ id: z.string(), title: z.string().nullable() }),
  seeker: z.object({ name: z.string(), phoneMasked: z.string().nullable(), cityName: z.string().nullable() }),
  status: applicationStatusSchema,
  statusLabel: labelSchema,
  appliedAt: z.date(),
  handoffs: z.array(handoffSchema),
});
export type HostLead = z.infer<typeof hostLeadSchema>;

export const seekerApplicationSchema = z.object({
  id: z.number(),
  job: z.object({ id: z.string().nullable(), title: z.string().nullable() }),
  companyName: z.string().nullable(),
  session: z.object({ id: z.string(), title: z.string().nullable() }).nullable(),
  status: applicationStatusSchema,
  statusLabel: labelSchema,
  appliedAt: z.date(),
  statusChangedAt: z.date(),
  interview: interviewSchema.nullable(),
  startDate: z.string().nullable(),
  closingReason: z.string().nullable(),
  nextStep: labelSchema,
  availableActions: z.array(pipelineActionTypeSchema),
  /** Who saw your phone number, when. */
  phoneViews: z.array(unmaskSchema),
  handoffs: z.array(handoffSchema),
});
export type SeekerApplication = z.infer<typeof seekerApplicationSchema>;

export const seekerApplicationDetailSchema = seekerApplicationSchema.extend({ events: z.array(eventSchema) });

export const bulkResultSchema = z.object({
  results: z.array(z.object({ id: z.number(), ok: z.boolean(), status: applicationStatusSchema.optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
  succeeded: z.number(),
  failed: z.number(),
});

export const taskSchema = z.object({
  id: z.number(),
  kind: z.literal('seven_day_check'),
  applicationId: z.number(),
  dueOn: z.string(),
  isDue: z.boolean(),
  seekerName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  startDate: z.string().nullable(),
  createdAt: z.date(),
  notifiedAt: z.date().nullable(),
});

export const STATUS_LABELS: Record<(typeof APPLICATION_STATUSES)[number], { zh: string; en: string }> = {
  submitted: { zh: '已报名', en: 'Submitted' },
  viewed: { zh: '已查看', en: 'Viewed' },
  contacted: { zh: '已联系', en: 'Contacted' },
  interview: { zh: '面试', en: 'Interview' },
  hired: { zh: '已录用', en: 'Hired' },
  onboarded: { zh: '已入职', en: 'Onboarded' },
  stayed_7_days: { zh: '满7天在岗', en: 'Stayed 7 days' },
  left_within_7_days: { zh: '7天内离职', en: 'Left within 7 days' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const contactConsentsSchema = z.object({
  consents: z.array(z.object({
    id: z.number(),
    /** What the company may see: the full phone number (交换电话 / at apply) or the WeChat ID (交换微信). */
    kind: z.enum(['phone', 'wechat']),
    companyId: z.string(),
    companyName: z.string().nullable(),
    source: z.enum(['apply', 'conversation']),
    applicationId: z.number().nullable(),
    grantedAt: z.date(),
    withdrawnAt: z.date().nullable(),
  })),
  looks: z.array(z.object({
    kind: z.enum(['phone', 'wechat']),
    viewerName: z.string().nullable(),
    companyName: z.string().nullable(),
    jobTitle: z.string().nullable(),
    applicationId: z.number().nullable(),
    conversationId: z.number().nullable(),
    unmaskedAt: z.date(),
  })),
});
