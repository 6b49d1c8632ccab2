import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { WebhooksService } from './webhooks.service.js';
import {
  createWebhookBodySchema,
  deliveriesQuerySchema,
  deliveryParamsSchema,
  deliverySchema,
  updateWebhookBodySchema,
  webhookIdParamsSchema,
  webhookSchema,
} from './webhooks.schemas.js';

const MANAGERS = ['employer', 'bureau'] as const;
const ok = z.object({ ok: z.literal(true) });

export function registerWebhooksRoutes(app: App, webhooks: WebhooksService) {
  app.get('/api/webhooks', {
    config: { access: MANAGERS },
    schema: { tags: ['integrations'], summary: "The webhooks of the employer's company or the bureau's province (never their secrets)", response: { 200: z.object({ webhooks: z.array(webhookSchema) }) } },
  }, async (request) => ({ webhooks: await webhooks.list(request.user!) }));

  app.post('/api/webhooks', {
    config: { access: MANAGERS },
    schema: {
      tags: ['integrations'],
      summary: 'Register a URL for events (application.submitted, application.status_changed, application.hired, application.onboarded, application.stay_7d, session.live, session.ended); the signing secret is in this answer only. Deliveries are JSON POSTs signed in the Jobcast-Signature header (docs/INTEGRATIONS.md)',
      body: createWebhookBodySchema,
      response: { 201: z.object({ id: z.string(), secret: z.string(), webhook: webhookSchema }) },
    },
  }, async (request, reply) => reply.status(201).send(await webhooks.create(request.user!, request.body)));

  app.put('/api/webhooks/:webhookId/disabled', {
    config: { access: MANAGERS },
    schema: { tags: ['integrations'], summary: 'Disable a webhook (nothing new is queued; pending deliveries wait) or enable it again', params: webhookIdParamsSchema, body: updateWebhookBodySchema, response: { 200: z.object({ webhook: webhookSchema }) } },
  }, async (request) => ({ webhook: await webhooks.setDisabled(request.user!, request.params.webhookId, request.body.isDisabled) }));

  app.delete('/api/webhooks/:webhookId', {
    config: { access: MANAGERS },
    schema: { tags: ['integrations'], summary: 'Delete a webhook and its deliveries', params: webhookIdParamsSchema, response: { 200: ok } },
  }, async (request) => {
    await webhooks.remove(request.user!, request.params.webhookId);
    return { ok: true as const };
  });

  app.get('/api/webhooks/:webhookId/deliveries', {
    config: { access: MANAGERS },
    schema: {
      tags: ['integrations'],
      summary: "A webhook's deliveries, newest first: status, attempts, the last answer's status, body excerpt and duration",
      params: webhookIdParamsSchema,
      querystring: deliveriesQuerySchema,
      response: { 200: z.object({ deliveries: z.array(deliverySchema) }) },
    },
  }, async (request) => ({ deliveries: await webhooks.listDeliveries(request.user!, request.params.webhookId, request.query.limit, request.query.beforeId ?? null) }));

  app.post('/api/webhooks/:webhookId/deliveries/:deliveryId/redeliver', {
    config: { access: MANAGERS },
    schema: { tags: ['integrations'], summary: 'Send a delivery again (重新投递), with a new 24-hour retry window', params: deliveryParamsSchema, response: { 200: ok } },
  }, async (request) => {
    await webhooks.redeliver(request.user!, request.params.webhookId, request.params.deliveryId);
    return { ok: true as const };
  });
}
