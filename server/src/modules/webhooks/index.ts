export { createWebhookOutbox, createWebhooksService, retryDelayMs, type WebhookPayloadSources, type WebhookRecipient, type WebhooksService } from './webhooks.service.js';
export { registerWebhooksRoutes } from './webhooks.routes.js';
export { signWebhookBody, verifyWebhookSignature } from './webhook-signing.js';
