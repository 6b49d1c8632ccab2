import type { Db, Queryable } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import * as repository from './notifications.repository.js';
import type { NewNotification } from './notifications.schemas.js';

export function createNotificationsService(deps: { db: Db; events: EventBus }) {
  const { db, events } = deps;
  return {
    /**
     * Stores notifications (inside the caller's transaction when given) and announces them; the realtime
     * layer pushes `NotificationCreated` to the user's sockets. Pass `tx` and call `announce` after commit
     * when the notification belongs to a larger change.
     */
    async notify(notifications: NewNotification[], tx: Queryable = db) {
      const stored = await repository.insertNotifications(tx, notifications);
      if (tx === db) for (const notification of stored) events.emit('NotificationCreated', { notification });
      return stored;
    },

    announce(stored: Awaited<ReturnType<typeof repository.insertNotifications>>) {
      for (const notification of stored) events.emit('NotificationCreated', { notification });
    },

    async listNotifications(userId: string, limit: number, beforeId: number | null) {
      const [notifications, unread] = await Promise.all([
        repository.listNotificationsByUser(db, userId, limit, beforeId),
        repository.countUnreadByUser(db, userId),
      ]);
      return { notifications, unread };
    },

    markRead(userId: string, ids: number[] | 'all') {
      return repository.markNotificationsRead(db, userId, ids);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
