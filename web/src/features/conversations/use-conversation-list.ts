// The caller's conversations, latest first, kept current: any conversation event on the socket reloads the
// list (once for a burst), so new conversations, previews and unread counts follow without a refresh.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveSocket } from '../live/socket';
import { conversationsApi, type Conversation, type ConversationList } from './api';

const RELOAD_DELAY_MS = 300;

export function useConversationList() {
  const socket = useLiveSocket();
  const [data, setData] = useState<ConversationList | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(() => {
    conversationsApi.list()
      .then((answer) => {
        setData(answer);
        setError(null);
      }, (caught: Error) => setError(caught))
      .finally(() => setIsLoading(false));
  }, []);

  useEffect(load, [load]);

  useEffect(() => {
    if (!socket) return;
    const schedule = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(load, RELOAD_DELAY_MS);
    };
    socket.on('conversation:message', schedule);
    socket.on('conversation:read', schedule);
    socket.on('conversation:changed', schedule);
    socket.io.on('reconnect', schedule);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      socket.off('conversation:message', schedule);
      socket.off('conversation:read', schedule);
      socket.off('conversation:changed', schedule);
      socket.io.off('reconnect', schedule);
    };
  }, [socket, load]);

  /** Replaces one conversation in place (after a block, a read) without waiting for the reload. */
  const update = useCallback((next: Conversation) => {
    setData((current) => (current ? { ...current, conversations: current.conversations.map((item) => (item.id === next.id ? { ...item, ...next, unread: item.unread } : item)) } : current));
  }, []);

  return { conversations: data?.conversations ?? [], unread: data?.unread ?? 0, isLoaded: data !== null, error, isLoading, reload: load, update };
}
