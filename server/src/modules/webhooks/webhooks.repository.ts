import type { Queryable } from '../../platform/db.js';
import type { OutboxEvent } from '../../platform/outbox.js';
import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryStatus, type WebhookEventType } from '../../../../contracts/webhooks.js';
import type { IntegrationScope } from '../integrations/index.js';

export type WebhookScope = IntegrationScope;

export type WebhookRow = {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdByName: string;
  createdAt: Date;
  disabledAt: Date | null;
  pendingCount: number;
  failedCount: number;
  lastDeliveredAt: Date | null;
};

const WEBHOOK_COLUMNS = `w.id, w.url, w.events, u.display_name as "createdByName", w.created_at as "createdAt", w.disabled_at as "disabledAt",
  (select count(*) from webhook_deliveries d where d.webhook_id = w.id and d.status = 'pending')::int as "pendingCount",
  (select count(*) from webhook_deliveries d where d.webhook_id = w.id and d.status = 'failed')::int as "failedCount",
  (select max(d.delivered_at) from webhook_deliveries d where d.webhook_id = w.id) as "lastDeliveredAt"`;

export async function insertWebhook(db: Queryable, row: { url: string; events: WebhookEventType[]; secret: string; createdByUserId: string } & WebhookScope): Promise<WebhookRow> {
  const [{ id }] = await db.query<{ id: string }>(
    `insert into webhooks (url, events, secret, created_by_user_id, company_id, province_code)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [row.url, row.events, row.secret, row.createdByUserId, row.companyId, row.provinceCode],
  );
  return (await listWebhooksByScope(db, row, id))[0]!;
}

/** The webhooks of a company or a province (newest first); `id` narrows it to one. */
export function listWebhooksByScope(db: Queryable, scope: WebhookScope, id: string | null = null) {
  return db.query<WebhookRow>(
    `select ${WEBHOOK_COLUMNS} from webhooks w join users u on u.id = w.created_by_user_id
      where (w.company_id = $1 or w.province_code = $2) and ($3::uuid is null or w.id = $3)
      order by w.created_at desc, w.id`,
    [scope.companyId, scope.provinceCode, id],
  );
}

export async function deleteWebhook(db: Queryable, scope: WebhookScope, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>('delete from webhooks where id = $1 and (company_id = $2 or province_code = $3) returning id', [id, scope.companyId, scope.provinceCode]);
  return rows.length > 0;
}

export async function updateWebhookDisabled(db: Queryable, scope: WebhookScope, id: string, isDisabled: boolean): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update webhooks set disabled_at = case when $4 then coalesce(disabled_at, now()) else null end
      where id = $1 and (company_id = $2 or province_code = $3) returning id`,
    [id, scope.companyId, scope.provinceCode, isDisabled],
  );
  return rows.length > 0;
}

/** Who may receive an event: the application's company and its job's province; a session's companies and province. */
const SUBSCRIBER_TARGETS = {
  application: `select $1::bigint as subject_id, a.company_id, ci.province_code, $2::jsonb as facts
                  from applications a join cities ci on ci.code = a.job_city_code where a.id = $1::bigint`,
  session: `select $1::uuid as subject_id, t.company_id, t.province_code, $2::jsonb as facts from (
              select j.company_id, null::text as province_code from live_session_jobs sj join jobs j on j.id = sj.job_id where sj.session_id = $1::uuid
              union select u.company_id, null from live_sessions s join users u on u.id = s.created_by where s.id = $1::uuid and u.company_id is not null
              union select null, s.province_code from live_sessions s where s.id = $1::uuid and s.province_code is not null) t`,
};

/**
 * The outbox write as CTEs after a CTE `webhook_source` (subject_id, company_id, province_code, facts): the event
 * and one pending delivery per enabled webhook subscribed to it. Nothing is written when nobody listens. The type
 * and the window are written into the text (both checked here), so the CTEs fit any statement's parameters.
 */
export function outboxCtes(type: WebhookEventType, retryForSeconds: number): string {
  if (!WEBHOOK_EVENT_TYPES.includes(type) || !Number.isFinite(retryForSeconds)) throw new Error(`outbox: bad event ${type}`);
  const subject = type.startsWith('session.') ? 'session_id' : 'application_id';
  return `webhook_subscribers as (
       select distinct s.subject_id, w.id as webhook_id from webhook_source s
         join webhooks w on w.company_id = s.company_id or w.province_code = s.province_code
        where w.disabled_at is null and '${type}' = any(w.events)
     ),
     webhook_event as (
       insert into webhook_events (type, ${subject}, facts)
       select distinct on (s.subject_id) '${type}', s.subject_id, s.facts from webhook_source s
        where exists (select 1 from webhook_subscribers b where b.subject_id = s.subject_id)
       returning id, ${subject} as subject_id, created_at
     ),
     webhook_delivery as (
       insert into webhook_deliveries (webhook_id, event_id, ordering_key, next_attempt_at, give_up_at)
       select b.webhook_id, e.id, '${subject === 'session_id' ? 'session' : 'application'}:' || e.subject_id, e.created_at,
              e.created_at + make_interval(secs => ${Number(retryForSeconds)}::float8)
         from webhook_subscribers b join webhook_event e on e.subject_id = b.subject_id
     )`;
}

/** The outbox write of one event, inside the caller's transaction. */
export async function insertEventWithDeliveries(tx: Queryable, event: OutboxEvent, retryForSeconds: number) {
  const isApplication = 'applicationId' in event;
  await tx.query(
    `with webhook_source as (${SUBSCRIBER_TARGETS[isApplication ? 'application' : 'session']}), ${outboxCtes(event.type, retryForSeconds)} select 1`,
    [isApplication ? String(event.applicationId) : event.sessionId, JSON.stringify(event.facts)],
  );
}

export type ClaimedDelivery = {
  id: number;
  attempts: number;
  giveUpAt: Date;
  webhookId: string;
  url: string;
  secret: string;
  companyId: string | null;
  provinceCode: string | null;
  createdByUserId: string;
  eventPublicId: string;
  type: WebhookEventType;
  applicationId: number | null;
  sessionId: string | null;
  facts: Record<string, unknown>;
  eventCreatedAt: Date;
};

/**
 * Claims due deliveries for sending, once across nodes: `for update skip locked` lets concurrent claimers pass
 * each other's rows, and the claim pushes `next_attempt_at` past the send's lease, so no other node takes the
 * row while it is in flight (a node that dies mid-send leaves it to be taken again when the lease ends: at least
 * once). A delivery is due only when no earlier delivery of the same application (or session) to the same
 * webhook is still pending: order per application.
 */
export function claimDueDeliveries(db: Queryable, limit: number, leaseSeconds: number) {
  return db.query<ClaimedDelivery>(
    `update webhook_deliveries d set attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $2::float8)
       from (
         select c.id, w.id as "webhookId", w.url, w.secret, w.company_id as "companyId", w.province_code as "provinceCode",
                w.created_by_user_id as "createdByUserId", e.public_id as "eventPublicId", e.type, e.application_id as "applicationId",
                e.session_id as "sessionId", e.facts, e.created_at as "eventCreatedAt"
           from webhook_deliveries c
           join webhooks w on w.id = c.webhook_id and w.disabled_at is null
           join webhook_events e on e.id = c.event_id
          where c.status = 'pending' and c.next_attempt_at <= now()
            and not exists (select 1 from webhook_deliveries earlier
                             where earlier.webhook_id = c.webhook_id and earlier.ordering_key = c.ordering_key
                               and earlier.status = 'pending' and earlier.event_id < c.event_id)
          order by c.next_attempt_at, c.event_id
          limit $1
          for update of c skip locked
       ) claimed
      where d.id = claimed.id
      returning d.id, d.attempts, d.give_up_at as "giveUpAt", claimed."webhookId", claimed.url, claimed.secret, claimed."companyId",
                claimed."provinceCode", claimed."createdByUserId", claimed."eventPublicId", claimed.type, claimed."applicationId",
                claimed."sessionId", claimed.facts, claimed."eventCreatedAt"`,
    [limit, leaseSeconds],
  );
}

export type AttemptResult = { statusCode: number | null; responseExcerpt: string | null; durationMs: number; error: string | null };

/** What one attempt got, and what comes next: delivered, failed for good, or pending until `nextAttemptAt`. */
export async function updateDeliveryAttempt(db: Queryable, deliveryId: number, result: AttemptResult, next: { status: WebhookDeliveryStatus; nextAttemptAt: Date | null }) {
  await db.query(
    `update webhook_deliveries set status = $2, next_attempt_at = coalesce($3, next_attempt_at), last_status_code = $4,
            last_response_excerpt = $5, last_duration_ms = $6, last_error = $7,
            delivered_at = case when $2 = 'delivered' then now() else delivered_at end
      where id = $1`,
    [deliveryId, next.status, next.nextAttemptAt, result.statusCode, result.responseExcerpt, result.durationMs, result.error],
  );
}

export type DeliveryRow = {
  id: number;
  eventId: string;
  type: WebhookEventType;
  applicationId: number | null;
  sessionId: string | null;
  eventCreatedAt: Date;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastResponseExcerpt: string | null;
  lastDurationMs: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
};

/** A webhook's deliveries, newest event first (`beforeId` pages on). */
export function listDeliveriesByWebhook(db: Queryable, scope: WebhookScope, webhookId: string, limit: number, beforeId: number | null) {
  return db.query<DeliveryRow>(
    `select d.id, e.public_id as "eventId", e.type, e.application_id as "applicationId", e.session_id as "sessionId",
            e.created_at as "eventCreatedAt", d.status, d.attempts,
            case when d.status = 'pending' then d.next_attempt_at end as "nextAttemptAt", d.last_attempt_at as "lastAttemptAt",
            d.last_status_code as "lastStatusCode", d.last_response_excerpt as "lastResponseExcerpt",
            d.last_duration_ms as "lastDurationMs", d.last_error as "lastError", d.delivered_at as "deliveredAt"
       from webhook_deliveries d
       join webhooks w on w.id = d.webhook_id
       join webhook_events e on e.id = d.event_id
      where d.webhook_id = $1 and (w.company_id = $2 or w.province_code = $3) and ($5::bigint is null or d.id < $5)
      order by d.id desc limit $4`,
    [webhookId, scope.companyId, scope.provinceCode, limit, beforeId],
  );
}

/** Sends a delivery again by hand (delivered or failed): pending now, with a new 24-hour window. */
export async function updateDeliveryForRedelivery(db: Queryable, scope: WebhookScope, webhookId: string, deliveryId: number, giveUpAfterSeconds: number): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `update webhook_deliveries d set status = 'pending', next_attempt_at = now(), give_up_at = now() + make_interval(secs => $5::float8)
       from webhooks w
      where d.id = $1 and d.webhook_id = $2 and w.id = d.webhook_id and (w.company_id = $3 or w.province_code = $4)
      returning d.id`,
    [deliveryId, webhookId, scope.companyId, scope.provinceCode, giveUpAfterSeconds],
  );
  return rows.length > 0;
}

/** Events older than `cutoff` with nothing left to send go, their deliveries with them (the console keeps 30 days). */
export async function deleteFinishedEventsBefore(db: Queryable, cutoff: Date): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `delete from webhook_events e where e.created_at < $1
        and not exists (select 1 from webhook_deliveries d where d.event_id = e.id and d.status = 'pending')
      returning e.id`,
    [cutoff],
  );
  return rows.length;
}
