// The header's parts that only a signed-in user sees: the notification bell, the live toasts (both need the
// realtime socket) and the user menu's dropdown. Loaded on demand so that a visitor's first screen downloads
// neither socket.io nor these components.
import { NotificationBell } from '../features/live/notification-bell';
import { NotificationToasts } from '../features/live/notification-toasts';
import { SignedInUserMenu } from './user-menu';

export default function SignedInBell() {
  return <NotificationBell />;
}

export { NotificationToasts, SignedInUserMenu };
