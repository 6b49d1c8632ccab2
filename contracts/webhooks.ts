// No zod here: the web app imports these values.

/** The events a webhook can subscribe to (issue 13). Each delivery's body is a `WebhookPayload`. */
export const WEBHOOK_EVENT_TYPES = [
  'application.submitted',
  'application.status_changed',
  'application.hired',
  'application.onboarded',
  'application.stay_7d',
  'session.live',
  'session.ended',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The header each delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Jobcast-Signature';

export type WebhookPayload = { id: string; type: WebhookEventType; createdAt: string; data: Record<string, unknown> };

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';
