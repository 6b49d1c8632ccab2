import { z } from 'zod';
import { multilineText } from '../../platform/input.js';

export const REPORT_REASONS = ['fee_request', 'fake_job', 'harassment', 'other'] as const;
export const REASON_LABELS: Record<(typeof REPORT_REASONS)[number], { zh: string; en: string }> = {
  fee_request: { zh: '收取费用/押金', en: 'Asked for a fee or deposit' },
  fake_job: { zh: '虚假岗位', en: 'Fake job' },
  harassment: { zh: '骚扰', en: 'Harassment' },
  other: { zh: '其他', en: 'Other' },
};

export const reportReasonSchema = z.enum(REPORT_REASONS);
export const reportStatusSchema = z.enum(['open', 'resolved', 'dismissed']);
export const reportTargetKindSchema = z.enum(['job', 'session', 'company', 'conversation']);

export type ReportReason = z.infer<typeof reportReasonSchema>;
export type ReportStatus = z.infer<typeof reportStatusSchema>;
export type ReportTargetKind = z.infer<typeof reportTargetKindSchema>;

export const fileReportBodySchema = z
  .object({
    // Conversations are reported from the conversation (POST /api/conversations/:id/report).
    targetKind: z.enum(['job', 'session', 'company']),
    targetId: z.string().uuid('must be a job, session or company id'),
    reason: reportReasonSchema,
    details: multilineText({ max: 2000 }).default(''),
  })
  .refine((body) => body.reason !== 'other' || body.details.length >= 2, { path: ['details'], message: 'say what happened / 请描述具体情况' });
export type FileReportInput = z.infer<typeof fileReportBodySchema>;

export const resolveReportBodySchema = z.object({
  decision: z.enum(['resolve', 'dismiss']),
  note: multilineText({ min: 2, max: 1000 }),
  /** For a report on a job: suspend its company (its jobs disappear from seekers). */
  suspendCompany: z.boolean().default(false),
  /** For a report on a session: ban its host and blacklist the host's phone number. */
  banHost: z.boolean().default(false),
});
export type ResolveReportInput = z.infer<typeof resolveReportBodySchema>;

export const banUserBodySchema = z.object({ reason: multilineText({ min: 2, max: 500 }) });

export const reportSchema = z.object({
  id: z.number(),
  targetKind: reportTargetKindSchema,
  jobId: z.string().nullable(),
  jobTitle: z.string().nullable(),
  sessionId: z.string().nullable(),
  sessionTitle: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  companyStatus: z.string().nullable(),
  hostUserId: z.string().nullable(),
  hostName: z.string().nullable(),
  isHostBanned: z.boolean(),
  reason: reportReasonSchema,
  details: z.string(),
  status: reportStatusSchema,
  resolution: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
  reporterUserId: z.string().nullable(),
  reporterName: z.string().nullable(),
  /** A conversation report: its id and the messages at the time of the report (the admin reads them). */
  conversationId: z.number().nullable(),
  evidence: z.unknown().nullable(),
  openReportsOnTarget: z.number(),
});
export type Report = z.infer<typeof reportSchema>;

/** What the reporter sees of their own report (not other reporters, not the admin's identity). */
export const myReportSchema = reportSchema.pick({ id: true, targetKind: true, jobTitle: true, sessionTitle: true, companyName: true, reason: true, details: true, status: true, resolution: true, resolvedAt: true, createdAt: true });
