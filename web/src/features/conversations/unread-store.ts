// The signed-in user's unread message count (沟通), shared by the tab bar's 消息 badge, the header bell and
// the pages: loaded once, then reloaded (briefly debounced) whenever the socket says a conversation moved.
import { useEffect } from 'react';
import { useAuth } from '../../app/auth';
import type { Role } from '../../app/types';
import { useLiveSocket, type LiveSocket } from '../live/socket';
import { conversationsApi } from './api';
import { publishUnread, useUnreadCount } from './unread-count';

const CONVERSATION_ROLES: readonly Role[] = ['seeker', 'employer', 'host'];
const RELOAD_DELAY_MS = 250;

let attached: { socket: LiveSocket; users: number; detach: () => void } | null = null;
let reloadTimer: ReturnType<typeof setTimeout> | null = null;

/** Reloads the count from the server (soon, once for a burst of events). */
export function refreshUnread() {
  if (reloadTimer) clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    reloadTimer = null;
    conversationsApi.list().then((answer) => publishUnread(answer.unread), () => undefined);
  }, RELOAD_DELAY_MS);
}

function attach(socket: LiveSocket) {
  if (attached?.socket === socket) {
    attached.users += 1;
    return;
  }
  attached?.detach();
  publishUnread(0);
  socket.on('conversation:message', refreshUnread);
  socket.on('conversation:read', refreshUnread);
  socket.on('conversation:changed', refreshUnread);
  socket.io.on('reconnect', refreshUnread);
  attached = {
    socket,
    users: 1,
    detach: () => {
      socket.off('conversation:message', refreshUnread);
      socket.off('conversation:read', refreshUnread);
      socket.off('conversation:changed', refreshUnread);
      socket.io.off('reconnect', refreshUnread);
    },
  };
  refreshUnread();
}

function release(socket: LiveSocket) {
  if (attached?.socket !== socket) return;
  attached.users -= 1;
  if (attached.users > 0) return;
  attached.detach();
  attached = null;
}

/** The unread count for a seeker, an employer or a host (0 for other roles and visitors). */
export function useConversationUnread(): number {
  const { user } = useAuth();
  const socket = useLiveSocket();
  const isParty = user !== null && CONVERSATION_ROLES.includes(user.role);
  useEffect(() => {
    if (!socket || !isParty) return;
    attach(socket);
    return () => release(socket);
  }, [socket, isParty]);
  const value = useUnreadCount();
  return isParty ? value : 0;
}

/** Where a user's conversations are: the seeker's 消息 page or the console's inbox. */
export const messagesPathFor = (role: Role | undefined) => (role === 'seeker' ? '/messages' : '/inbox');
