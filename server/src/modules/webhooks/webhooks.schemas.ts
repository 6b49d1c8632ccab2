import { z } from 'zod';
import { singleLineText } from '../../platform/input.js';
import { WEBHOOK_EVENT_TYPES } from '../../../../contracts/webhooks.js';

export const createWebhookBodySchema = z.object({
  url: singleLineText({ min: 1, max: 2000 }),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'choose at least one event').max(WEBHOOK_EVENT_TYPES.length * 2),
});

export const updateWebhookBodySchema = z.object({ isDisabled: z.boolean() });

export const webhookIdParamsSchema = z.object({ webhookId: z.string().uuid('must be a webhook id') });
export const deliveryParamsSchema = webhookIdParamsSchema.extend({ deliveryId: z.coerce.number().int().positive('must be a delivery id').max(Number.MAX_SAFE_INTEGER) });
export const deliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  beforeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  createdByName: z.string(),
  createdAt: z.date(),
  disabledAt: z.date().nullable(),
  pendingCount: z.number(),
  failedCount: z.number(),
  lastDeliveredAt: z.date().nullable(),
});

export const deliverySchema = z.object({
  id: z.number(),
  eventId: z.string(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  applicationId: z.number().nullable(),
  sessionId: z.string().nullable(),
  eventCreatedAt: z.date(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.date().nullable(),
  lastAttemptAt: z.date().nullable(),
  lastStatusCode: z.number().nullable(),
  lastResponseExcerpt: z.string().nullable(),
  lastDurationMs: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.date().nullable(),
});
