import { api } from '../../app/api';
import type { WebhookDeliveryStatus, WebhookEventType } from '../../../../contracts/webhooks';

export type { WebhookEventType };

export type ApiTokenAccess = 'read' | 'write';
export type ApiToken = {
  id: string;
  name: string;
  tokenPrefix: string;
  access: ApiTokenAccess;
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export const integrationsApi = {
  listTokens: () => api.get<{ tokens: ApiToken[] }>('/api/api-tokens'),
  createToken: (body: { name: string; access: ApiTokenAccess }) => api.post<{ token: ApiToken; secret: string }>('/api/api-tokens', body),
  revokeToken: (tokenId: string) => api.delete<{ ok: true }>(`/api/api-tokens/${encodeURIComponent(tokenId)}`),
};

export type Webhook = {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdByName: string;
  createdAt: string;
  disabledAt: string | null;
  pendingCount: number;
  failedCount: number;
  lastDeliveredAt: string | null;
};
export type WebhookDelivery = {
  id: number;
  eventId: string;
  type: WebhookEventType;
  applicationId: number | null;
  sessionId: string | null;
  eventCreatedAt: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastResponseExcerpt: string | null;
  lastDurationMs: number | null;
  lastError: string | null;
  deliveredAt: string | null;
};

const webhookPath = (webhookId: string) => `/api/webhooks/${encodeURIComponent(webhookId)}`;

export const webhooksApi = {
  list: () => api.get<{ webhooks: Webhook[] }>('/api/webhooks'),
  create: (body: { url: string; events: WebhookEventType[] }) => api.post<{ id: string; secret: string; webhook: Webhook }>('/api/webhooks', body),
  setDisabled: (webhookId: string, isDisabled: boolean) => api.put<{ webhook: Webhook }>(`${webhookPath(webhookId)}/disabled`, { isDisabled }),
  remove: (webhookId: string) => api.delete<{ ok: true }>(webhookPath(webhookId)),
  listDeliveries: (webhookId: string) => api.get<{ deliveries: WebhookDelivery[] }>(`${webhookPath(webhookId)}/deliveries`, { limit: 50 }),
  redeliver: (webhookId: string, deliveryId: number) => api.post<{ ok: true }>(`${webhookPath(webhookId)}/deliveries/${deliveryId}/redeliver`),
};
