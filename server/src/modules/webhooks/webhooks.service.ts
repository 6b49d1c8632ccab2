import type { Db, Queryable } from '../../platform/db.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import type { Outbox, OutboxEvent } from '../../platform/outbox.js';
import { resolveIntegrationScope } from '../integrations/index.js';
import { WEBHOOK_SIGNATURE_HEADER, type WebhookEventType, type WebhookPayload } from '../../../../contracts/webhooks.js';
import { postWebhook } from './webhook-sender.js';
import { createSecretBox, generateWebhookSecret, signWebhookBody } from './webhook-signing.js';
import { findUrlProblem } from './webhook-targets.js';
import * as repository from './webhooks.repository.js';
import type { ClaimedDelivery, WebhookScope } from './webhooks.repository.js';

export type WebhookSettings = { timeoutMs: number; retryBaseMs: number; retryMaxMs: number; retryForSeconds: number; pollMs: number; allowPrivateTargets: boolean; encryptionKey: Buffer | null };

/** Who receives a payload: a company's webhook (made by `makerUserId`) or a province's (a bureau's). */
export type WebhookRecipient = { kind: 'company'; companyId: string; makerUserId: string } | { kind: 'province'; provinceCode: string };

/**
 * The payload's `data` is read when it is sent, from the modules that own the rules (app.ts wires them): the
 * application as the API shows it to that recipient (masking and consent: pipeline), the session (live).
 */
export type WebhookPayloadSources = {
  describeApplication(applicationId: number, recipient: WebhookRecipient): Promise<Record<string, unknown> | null>;
  describeSession(sessionId: string): Promise<Record<string, unknown> | null>;
};

const MAX_WEBHOOKS_PER_SCOPE = 20;
/** How long delivered and failed deliveries stay visible in the console; pruned about once an hour by the worker. */
const KEEP_FINISHED_MS = 30 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
const CLAIM_BATCH = 20;
/** A claimed delivery is another node's to take only after this much more than the timeout (the node died mid-send). */
const LEASE_MARGIN_SECONDS = 30;

/** The outbox write, called by the modules that make the changes, inside their transactions. */
export function createWebhookOutbox(deps: { settings: Pick<WebhookSettings, 'retryForSeconds'> }): Outbox {
  return {
    record: (tx: Queryable, event: OutboxEvent) => repository.insertEventWithDeliveries(tx, event, deps.settings.retryForSeconds),
    applicationCtes: (type) => repository.outboxCtes(type, deps.settings.retryForSeconds),
  };
}

/** The delay before attempt `attempts + 1`: BASE, doubling, at most MAX. */
export function retryDelayMs(attempts: number, settings: Pick<WebhookSettings, 'retryBaseMs' | 'retryMaxMs'>) {
  return Math.min(settings.retryBaseMs * 2 ** Math.max(0, attempts - 1), settings.retryMaxMs);
}

/**
 * Webhooks (issue 13): an employer registers them for its company, a bureau for its province; deliveries are
 * signed, retried with backoff for 24 h, in order per application, and visible with their last answer.
 */
export function createWebhooksService(deps: { db: Db; settings: WebhookSettings; sources: WebhookPayloadSources; now?: () => Date; onError?: (error: unknown) => void }) {
  const { db, settings, sources } = deps;
  const now = deps.now ?? (() => new Date());
  const secrets = createSecretBox(settings.encryptionKey);
  const leaseSeconds = settings.timeoutMs / 1000 + LEASE_MARGIN_SECONDS;

  // Webhooks are made in the console: a leaked API token must not be able to send the company's events elsewhere.
  const scopeOf = (user: AuthUser): WebhookScope => resolveIntegrationScope(user, {
    signedInOnly: 'Webhooks are managed in the console, signed in / 请登录后在控制台管理事件推送',
    managersOnly: 'Only employers and bureaus make webhooks / 仅企业和人社部门可设置事件推送',
  });

  async function getOwnWebhook(scope: WebhookScope, webhookId: string) {
    const [webhook] = await repository.listWebhooksByScope(db, scope, webhookId);
    if (!webhook) throw notFound('Webhook');
    return webhook;
  }

  async function describe(delivery: ClaimedDelivery): Promise<Record<string, unknown>> {
    if (delivery.sessionId) return { ...delivery.facts, session: await sources.describeSession(delivery.sessionId) };
    const recipient: WebhookRecipient = delivery.companyId
      ? { kind: 'company', companyId: delivery.companyId, makerUserId: delivery.createdByUserId }
      : { kind: 'province', provinceCode: delivery.provinceCode! };
    return { ...delivery.facts, application: delivery.applicationId ? await sources.describeApplication(delivery.applicationId, recipient) : null };
  }

  /** One attempt of one claimed delivery, and what comes of it. */
  async function send(delivery: ClaimedDelivery) {
    let result: repository.AttemptResult;
    try {
      const payload: WebhookPayload = { id: delivery.eventPublicId, type: delivery.type, createdAt: new Date(delivery.eventCreatedAt).toISOString(), data: await describe(delivery) };
      const body = JSON.stringify(payload);
      const signature = signWebhookBody(secrets.open(delivery.secret), body, Math.floor(now().getTime() / 1000));
      result = await postWebhook(delivery.url, body, { [WEBHOOK_SIGNATURE_HEADER]: signature, 'Jobcast-Event': delivery.type, 'Jobcast-Event-Id': delivery.eventPublicId }, settings);
    } catch (error) {
      deps.onError?.(error);
      result = { statusCode: null, responseExcerpt: null, durationMs: 0, error: 'internal: the payload could not be prepared' };
    }
    const isDelivered = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const nextAttemptAt = new Date(now().getTime() + retryDelayMs(delivery.attempts, settings));
    const next = isDelivered
      ? { status: 'delivered' as const, nextAttemptAt: null }
      : nextAttemptAt > new Date(delivery.giveUpAt) ? { status: 'failed' as const, nextAttemptAt: null } : { status: 'pending' as const, nextAttemptAt };
    await repository.updateDeliveryAttempt(db, delivery.id, result, next);
  }

  async function deliverDue(): Promise<number> {
    const claimed = await repository.claimDueDeliveries(db, CLAIM_BATCH, leaseSeconds);
    await Promise.all(claimed.map(send));
    return claimed.length;
  }

  return {
    list(user: AuthUser) {
      return repository.listWebhooksByScope(db, scopeOf(user));
    },

    /** The secret is in this answer only. */
    async create(user: AuthUser, input: { url: string; events: WebhookEventType[] }) {
      const scope = scopeOf(user);
      const problem = findUrlProblem(input.url, settings.allowPrivateTargets);
      if (problem) throw invalid('body.url', problem);
      if ((await repository.listWebhooksByScope(db, scope)).length >= MAX_WEBHOOKS_PER_SCOPE) {
        throw new AppError('conflict', `At most ${MAX_WEBHOOKS_PER_SCOPE} webhooks / 最多 ${MAX_WEBHOOKS_PER_SCOPE} 个推送地址`);
      }
      const secret = generateWebhookSecret();
      const webhook = await repository.insertWebhook(db, { ...scope, url: input.url, events: [...new Set(input.events)], secret: secrets.seal(secret), createdByUserId: user.id });
      return { id: webhook.id, secret, webhook };
    },

    async remove(user: AuthUser, webhookId: string) {
      if (!(await repository.deleteWebhook(db, scopeOf(user), webhookId))) throw notFound('Webhook');
    },

    /** Disabled: no new deliveries are made for it and pending ones wait; enabled again, they go on. */
    async setDisabled(user: AuthUser, webhookId: string, isDisabled: boolean) {
      const scope = scopeOf(user);
      if (!(await repository.updateWebhookDisabled(db, scope, webhookId, isDisabled))) throw notFound('Webhook');
      return getOwnWebhook(scope, webhookId);
    },

    async listDeliveries(user: AuthUser, webhookId: string, limit: number, beforeId: number | null) {
      const scope = scopeOf(user);
      await getOwnWebhook(scope, webhookId);
      return repository.listDeliveriesByWebhook(db, scope, webhookId, limit, beforeId);
    },

    /** 重新投递: the delivery goes out again as soon as the worker comes by (after earlier pending ones of its application). */
    async redeliver(user: AuthUser, webhookId: string, deliveryId: number) {
      const scope = scopeOf(user);
      if (!(await repository.updateDeliveryForRedelivery(db, scope, webhookId, deliveryId, settings.retryForSeconds))) throw notFound('Delivery');
    },

    /** Sends what is due once (the worker's tick; also for tests and the CLI). Returns how many were attempted. */
    deliverDue,

    /** Removes events older than 30 days that have nothing left to send (with their deliveries). */
    pruneFinished: () => repository.deleteFinishedEventsBefore(db, new Date(now().getTime() - KEEP_FINISHED_MS)),

    /**
     * The delivery worker of this node: a tick every POLL_MS, at once again while a tick finds a full batch. Safe on
     * every node (the claim is SKIP LOCKED); all state is in PostgreSQL, so a restart loses nothing. `stop` waits
     * for the tick in flight, so its attempts are recorded.
     */
    startWorker(onError: (error: unknown) => void) {
      let isStopped = false;
      let timer: NodeJS.Timeout | null = null;
      let inFlight: Promise<void> = Promise.resolve();
      let lastPrunedAt = 0;
      const tick = async () => {
        try {
          while (!isStopped && (await deliverDue()) === CLAIM_BATCH);
          if (!isStopped && Date.now() - lastPrunedAt > PRUNE_EVERY_MS) {
            lastPrunedAt = Date.now();
            await repository.deleteFinishedEventsBefore(db, new Date(now().getTime() - KEEP_FINISHED_MS));
          }
        } catch (error) {
          onError(error);
        }
        if (!isStopped) {
          timer = setTimeout(() => {
            inFlight = tick();
          }, settings.pollMs);
          timer.unref();
        }
      };
      inFlight = tick();
      return async () => {
        isStopped = true;
        if (timer) clearTimeout(timer);
        await inFlight;
      };
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
