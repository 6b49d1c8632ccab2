import { z } from 'zod';
import { SESSION_STATUSES } from '../../../../contracts/live.js';

// Request and response shapes shared with the web app live in contracts/live.ts; these are the server-only ones.
export {
  scheduleSessionBodySchema,
  sessionDetailSchema,
  sessionSummarySchema,
  streamKeySchema,
  studioIngestSchema,
} from '../../../../contracts/live.js';

export const sessionParamsSchema = z.object({ id: z.string().uuid() });

export const listSessionsQuerySchema = z.object({
  /** Comma-separated statuses; default live,scheduled (upcoming with countdown). */
  status: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const statuses = value.split(',').map((item) => item.trim()).filter(Boolean);
      for (const status of statuses) {
        if (!(SESSION_STATUSES as readonly string[]).includes(status)) {
          context.addIssue({ code: 'custom', message: `"${status}" is not one of ${SESSION_STATUSES.join(', ')}` });
          return z.NEVER;
        }
      }
      return statuses as Array<(typeof SESSION_STATUSES)[number]>;
    }),
  cityCode: z.string().regex(/^\d{6}$/).optional(),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  mine: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  booked: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  /** The sessions of one campaign (活动). */
  campaignId: z.string().uuid('must be a campaign id').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const wordFilterSchema = z.object({ id: z.number(), word: z.string(), action: z.enum(['block', 'mask']), createdAt: z.date() });
export const wordFilterBodySchema = z.object({ word: z.string().trim().min(1).max(50), action: z.enum(['block', 'mask']).default('block') });

export const hostParamsSchema = z.object({ hostUserId: z.string().uuid('must be a host id') });
export const companyParamsSchema = z.object({ companyId: z.string().uuid('must be a company id') });
/** A host's or a company's sessions: status (default live,scheduled; ended for replays) and limit. */
export const profileSessionsQuerySchema = listSessionsQuerySchema.pick({ status: true, limit: true });
