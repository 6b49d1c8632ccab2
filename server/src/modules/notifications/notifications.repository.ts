import type { Queryable } from '../../platform/db.js';
import type { Notification, NewNotification } from './notifications.schemas.js';

const NOTIFICATION_COLUMNS = `id, user_id as "userId", kind, title, body, link, payload, created_at as "createdAt", read_at as "readAt"`;

export async function insertNotifications(db: Queryable, notifications: NewNotification[]): Promise<Notification[]> {
  if (notifications.length === 0) return [];
  return db.query<Notification>(
    `insert into notifications (user_id, kind, title, body, link, payload)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
     returning ${NOTIFICATION_COLUMNS}`,
    [
      notifications.map((item) => item.userId),
      notifications.map((item) => item.kind),
      notifications.map((item) => item.title),
      notifications.map((item) => item.body ?? ''),
      notifications.map((item) => item.link ?? null),
      notifications.map((item) => JSON.stringify(item.payload ?? {})),
    ],
  );
}

export function listNotificationsByUser(db: Queryable, userId: string, limit: number, beforeId: number | null) {
  return db.query<Notification>(
    `select ${NOTIFICATION_COLUMNS} from notifications where user_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
    [userId, beforeId, limit],
  );
}

export async function countUnreadByUser(db: Queryable, userId: string) {
  const [row] = await db.query<{ count: number }>('select count(*) as count from notifications where user_id = $1 and read_at is null', [userId]);
  return row.count;
}

export async function markNotificationsRead(db: Queryable, userId: string, ids: number[] | 'all') {
  if (ids === 'all') {
    await db.query('update notifications set read_at = now() where user_id = $1 and read_at is null', [userId]);
  } else {
    await db.query('update notifications set read_at = now() where user_id = $1 and id = any($2::bigint[]) and read_at is null', [userId, ids]);
  }
}
