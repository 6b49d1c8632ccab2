import { z } from 'zod';
import { CAMPAIGN_PHASES } from '../../../../contracts/campaigns.js';

// Request and response shapes shared with the web app live in contracts/campaigns.ts; these are the server-only ones.
export {
  attachableSessionSchema,
  campaignBodySchema,
  campaignDetailSchema,
  campaignSummarySchema,
} from '../../../../contracts/campaigns.js';

export const campaignParamsSchema = z.object({ id: z.string().uuid('must be a campaign id') });
export const campaignSessionParamsSchema = z.object({
  id: z.string().uuid('must be a campaign id'),
  sessionId: z.string().uuid('must be a session id'),
});

export const listCampaignsQuerySchema = z.object({
  phase: z.enum(CAMPAIGN_PHASES).optional(),
  /** A province (2-digit code or name): its campaigns and the national ones. */
  province: z.string().trim().min(1).max(20).optional(),
  /** Bureaus and admins: only the campaigns I may manage. */
  mine: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const attachableQuerySchema = z.object({ q: z.string().max(60).optional() });
