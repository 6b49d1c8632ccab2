// The unread message count as a tiny store without dependencies, so the tab bar (on every seeker's first screen)
// can show it without loading the socket: the header's 消息 button (loaded after the first screen) writes it.
import { useSyncExternalStore } from 'react';

let unread = 0;
const listeners = new Set<() => void>();

export function publishUnread(value: number) {
  if (value === unread) return;
  unread = value;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useUnreadCount = () => useSyncExternalStore(subscribe, () => unread);
