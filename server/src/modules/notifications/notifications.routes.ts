import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { NotificationsService } from './notifications.service.js';
import { notificationSchema } from './notifications.schemas.js';

export function registerNotificationsRoutes(app: App, notifications: NotificationsService) {
  app.get('/api/notifications', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['notifications'],
      summary: 'Your in-app notifications, newest first, with the unread count',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30), beforeId: z.coerce.number().int().positive().optional() }),
      response: { 200: z.object({ notifications: z.array(notificationSchema), unread: z.number() }) },
    },
  }, async (request) => notifications.listNotifications(request.user!.id, request.query.limit, request.query.beforeId ?? null));

  app.post('/api/notifications/read', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark notifications read (ids, or all)',
      body: z.object({ ids: z.union([z.array(z.number().int().positive()).max(500), z.literal('all')]) }),
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
  }, async (request) => {
    await notifications.markRead(request.user!.id, request.body.ids);
    return { ok: true as const };
  });
}
