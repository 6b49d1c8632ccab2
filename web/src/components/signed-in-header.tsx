// The header's parts that only a signed-in user sees: 消息 and the notification bell, the live toasts (all need
// the realtime socket) and the user menu's dropdown. Loaded on demand so that a visitor's first screen downloads
// neither socket.io nor these components.
import { HeaderMessages } from '../features/conversations/header-messages';
import { NotificationBell } from '../features/live/notification-bell';
import { NotificationToasts } from '../features/live/notification-toasts';
import { SignedInUserMenu } from './user-menu';

export default function SignedInBell() {
  return (
    <>
      <HeaderMessages />
      <NotificationBell />
    </>
  );
}

export { NotificationToasts, SignedInUserMenu };
