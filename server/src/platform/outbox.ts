import type { WebhookEventType } from '../../../contracts/webhooks.js';
import type { Queryable } from './db.js';

/**
 * A change that other systems hear of (webhooks): written by the module that makes the change, inside the
 * transaction that makes it, so the change and its announcement commit or roll back together. The webhooks
 * module implements it; the floor only knows its shape.
 */
export type OutboxEvent =
  | { type: Extract<WebhookEventType, `application.${string}`>; applicationId: number; facts: Record<string, unknown> }
  | { type: Extract<WebhookEventType, `session.${string}`>; sessionId: string; facts: Record<string, unknown> };

export type Outbox = {
  record(tx: Queryable, event: OutboxEvent): Promise<void>;
  /**
   * The same write as common table expressions, for a change made in one statement (the apply): appended to its
   * WITH list, after a CTE named `webhook_source` yielding (subject_id, company_id, province_code, facts) for the
   * application it wrote. Empty when there is no outbox.
   */
  applicationCtes(type: Extract<WebhookEventType, `application.${string}`>): string;
};

/** For contexts without webhooks (unit tests with fakes). */
export const NO_OUTBOX: Outbox = { record: async () => undefined, applicationCtes: () => '' };
