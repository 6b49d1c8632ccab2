// One open conversation: its history (oldest first), live delivery and read receipts over the app's socket,
// sending with a client key (a retry is the same message), and the conversation's state (contact request,
// block, consent) reloaded when the server says it changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServerToClientEvents } from '../../../../contracts/live';
import { ApiError } from '../../app/api';
import { newIdempotencyKey } from '../live/format';
import { requestAck, SocketAckError, useLiveSocket } from '../live/socket';
import { conversationsApi, type Conversation, type ConversationMessage, type SentMessage } from './api';
import { refreshUnread } from './unread-store';

export type PendingMessage = { clientKey: string; body: string; status: 'sending' | 'failed' };

/** Codes after which sending the same text again cannot succeed (the text or the conversation is refused). */
const FINAL_ERROR_CODES = new Set(['validation_failed', 'posting_rejected', 'forbidden', 'not_found', 'rate_limited', 'unauthenticated']);

export function mergeMessages(current: ConversationMessage[], incoming: ConversationMessage[]): ConversationMessage[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, { ...byId.get(message.id), ...message, isRead: (byId.get(message.id)?.isRead ?? false) || message.isRead });
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export function isOwnMessage(message: Pick<ConversationMessage, 'senderRole'>, side: Conversation['mySide']) {
  return side === 'seeker' ? message.senderRole === 'seeker' : message.senderRole === 'employer' || message.senderRole === 'host';
}

/** Kinds whose arrival changes the conversation itself (a pending request, consent, the application's state). */
const STATE_KINDS = new Set<ConversationMessage['kind']>(['contact_request', 'contact_decision', 'interview']);

export function useConversation(conversationId: number) {
  const socket = useLiveSocket();
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [messages, setMessages] = useState<ConversationMessage[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [otherLastReadId, setOtherLastReadId] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const sideRef = useRef<Conversation['mySide'] | null>(null);
  const lastReadSentRef = useRef(0);

  const applyConversation = useCallback((next: Conversation) => {
    sideRef.current = next.mySide;
    setConversation(next);
    setOtherLastReadId((value) => Math.max(value, next.otherLastReadId));
  }, []);

  const load = useCallback(async () => {
    try {
      const page = await conversationsApi.messages(conversationId);
      setMessages((current) => mergeMessages(current, page.messages));
      applyConversation(page.conversation);
      lastReadSentRef.current = Math.max(lastReadSentRef.current, page.messages.at(-1)?.id ?? 0);
      setError(null);
      refreshUnread();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setIsLoading(false);
    }
  }, [conversationId, applyConversation]);

  const reloadConversation = useCallback(() => {
    conversationsApi.get(conversationId).then(applyConversation, () => undefined);
  }, [conversationId, applyConversation]);

  useEffect(() => {
    setConversation(null);
    setMessages([]);
    setPending([]);
    setOtherLastReadId(0);
    setIsLoading(true);
    lastReadSentRef.current = 0;
    void load();
  }, [load]);

  /** Tells the server (and so the other side: 已读) that the newest message from the other side was seen. */
  const markSeen = useCallback((messageId: number) => {
    if (messageId <= lastReadSentRef.current || document.visibilityState !== 'visible') return;
    lastReadSentRef.current = messageId;
    if (socket?.connected) socket.emit('conversation:read', { conversationId, messageId });
    else conversationsApi.markRead(conversationId, messageId).catch(() => undefined);
  }, [conversationId, socket]);

  useEffect(() => {
    if (!socket) return;
    const handleMessage: ServerToClientEvents['conversation:message'] = (payload) => {
      if (payload.conversationId !== conversationId) return;
      setMessages((current) => mergeMessages(current, [payload.message]));
      if (payload.message.clientKey) setPending((current) => current.filter((item) => item.clientKey !== payload.message.clientKey));
      if (STATE_KINDS.has(payload.message.kind)) reloadConversation();
      const side = sideRef.current;
      if (side && !isOwnMessage(payload.message, side)) markSeen(payload.message.id);
    };
    const handleRead: ServerToClientEvents['conversation:read'] = (payload) => {
      if (payload.conversationId !== conversationId || payload.side === sideRef.current) return;
      setOtherLastReadId((value) => Math.max(value, payload.lastReadId));
    };
    const handleChanged: ServerToClientEvents['conversation:changed'] = (payload) => {
      if (payload.conversationId === conversationId) reloadConversation();
    };
    // Back online: catch up with what arrived meanwhile (and mark it read).
    const handleReconnect = () => void load();
    socket.on('conversation:message', handleMessage);
    socket.on('conversation:read', handleRead);
    socket.on('conversation:changed', handleChanged);
    socket.io.on('reconnect', handleReconnect);
    return () => {
      socket.off('conversation:message', handleMessage);
      socket.off('conversation:read', handleRead);
      socket.off('conversation:changed', handleChanged);
      socket.io.off('reconnect', handleReconnect);
    };
  }, [socket, conversationId, load, reloadConversation, markSeen]);

  // A tab that comes back to the front reads what arrived while it was hidden.
  useEffect(() => {
    const handleVisibility = () => {
      const side = sideRef.current;
      const latest = side ? [...messages].reverse().find((message) => !isOwnMessage(message, side)) : undefined;
      if (latest) markSeen(latest.id);
    };
    document.addEventListener('visibilitychange', handleVisibility);
    return () => document.removeEventListener('visibilitychange', handleVisibility);
  }, [messages, markSeen]);

  const deliver = useCallback(async (body: string, clientKey: string): Promise<SentMessage> => {
    if (socket?.connected) {
      try {
        return await requestAck(socket, 'conversation:send', { conversationId, body, clientKey });
      } catch (caught) {
        // A lost acknowledgement: the same client key over HTTP stores the message once.
        if (!(caught instanceof SocketAckError) || caught.code !== 'timeout') throw caught;
      }
    }
    return conversationsApi.send(conversationId, body, clientKey);
  }, [socket, conversationId]);

  /** Sends `body` (or retries a pending message); rejects with the server's error when the text is refused. */
  const send = useCallback(async (body: string, retryKey?: string) => {
    const clientKey = retryKey ?? newIdempotencyKey();
    setPending((current) => [...current.filter((item) => item.clientKey !== clientKey), { clientKey, body, status: 'sending' }]);
    try {
      const sent = await deliver(body, clientKey);
      const { tip, ...message } = sent;
      setMessages((current) => mergeMessages(current, tip ? [message, tip] : [message]));
      setPending((current) => current.filter((item) => item.clientKey !== clientKey));
    } catch (caught) {
      const code = caught instanceof ApiError || caught instanceof SocketAckError ? caught.code : 'network';
      if (FINAL_ERROR_CODES.has(code)) {
        setPending((current) => current.filter((item) => item.clientKey !== clientKey));
        throw caught;
      }
      setPending((current) => current.map((item) => (item.clientKey === clientKey ? { ...item, status: 'failed' } : item)));
    }
  }, [deliver]);

  return { conversation, setConversation: applyConversation, messages, pending, otherLastReadId, error, isLoading, reload: load, reloadConversation, send };
}

export type ConversationController = ReturnType<typeof useConversation>;
