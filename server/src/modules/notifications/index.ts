export { createNotificationsService, type NotificationsService } from './notifications.service.js';
export { registerNotificationsRoutes } from './notifications.routes.js';
export type { Notification, NewNotification } from './notifications.schemas.js';
