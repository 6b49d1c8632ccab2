// A live room over the socket: joins after connecting (and again after a reconnect), keeps the room's state
// from the server's pushes, and offers the viewer's and the host's actions as promises.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage, HostApplication, RoomRestriction, ServerToClientEvents, SessionStatus, TickerItem } from '../../../../contracts/live';
import { requestAck, SocketAckError, useLiveSocket } from './socket';

const MAX_MESSAGES = 200;

export type LiveRoomState = {
  isConnected: boolean;
  isJoined: boolean;
  /** Why joining failed (e.g. banned), in the server's words. */
  joinError: string | null;
  status: SessionStatus;
  viewers: number;
  likes: number;
  pinnedJobId: string | null;
  messages: ChatMessage[];
  canChat: boolean;
  canManage: boolean;
  mutedUntil: string | null;
  isBanned: boolean;
  /** Host console: who was muted or removed before this page loaded (from the server, on joining). */
  restrictions: RoomRestriction[];
};

export type LiveRoomListeners = {
  /** Messages that arrived live (not the history sent on joining): 弹幕. */
  onNewMessages?: (messages: ChatMessage[]) => void;
  onTicker?: (items: TickerItem[]) => void;
  onApplication?: (application: HostApplication, jobCount: number) => void;
  onStatus?: (status: SessionStatus) => void;
  /** The replay of the ended session was stored (回放生成中 → the replay). */
  onReplay?: () => void;
};

/** Merges messages by id, oldest first, keeping the newest MAX_MESSAGES. */
export function mergeMessages(existing: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const seen = new Set(existing.map((message) => message.id));
  const merged = [...existing, ...incoming.filter((message) => !seen.has(message.id))];
  return merged.length > MAX_MESSAGES ? merged.slice(merged.length - MAX_MESSAGES) : merged;
}

export function useLiveRoom(sessionId: string, initial: { status: SessionStatus; likes: number; pinnedJobId: string | null }, listeners: LiveRoomListeners = {}) {
  const socket = useLiveSocket();
  const listenersRef = useRef(listeners);
  listenersRef.current = listeners;
  const [state, setState] = useState<LiveRoomState>(() => ({
    isConnected: false,
    isJoined: false,
    joinError: null,
    status: initial.status,
    viewers: 0,
    likes: initial.likes,
    pinnedJobId: initial.pinnedJobId,
    messages: [],
    canChat: false,
    canManage: false,
    mutedUntil: null,
    isBanned: false,
    restrictions: [],
  }));

  useEffect(() => {
    if (!socket) return;
    let isCurrent = true;
    const update = (patch: Partial<LiveRoomState> | ((previous: LiveRoomState) => Partial<LiveRoomState>)) => {
      if (!isCurrent) return;
      setState((previous) => ({ ...previous, ...(typeof patch === 'function' ? patch(previous) : patch) }));
    };

    const join = () => {
      update({ isConnected: true });
      requestAck(socket, 'session:join', { sessionId }).then(
        (room) => {
          update((previous) => ({
            isJoined: true,
            joinError: null,
            status: room.status,
            viewers: room.viewers,
            likes: room.likes,
            pinnedJobId: room.pinnedJobId,
            messages: mergeMessages(previous.messages, room.recentMessages),
            canChat: room.canChat,
            canManage: room.canManage,
            mutedUntil: room.mutedUntil,
            restrictions: room.restrictions,
          }));
        },
        (error: Error) => update({ isJoined: false, joinError: error.message, isBanned: error instanceof SocketAckError && error.code === 'forbidden' }),
      );
    };
    const handleDisconnect = () => update({ isConnected: false, isJoined: false });
    const handleStatus: ServerToClientEvents['session:status'] = (payload) => {
      if (payload.sessionId !== sessionId) return;
      const isOver = payload.status === 'ended' || payload.status === 'missed';
      // The stream is over: no chat, and no 讲解中 card (the server clears it too).
      update((previous) => ({ status: payload.status, canChat: isOver ? false : previous.canChat, pinnedJobId: isOver ? null : previous.pinnedJobId }));
      listenersRef.current.onStatus?.(payload.status);
    };
    const handleStats: ServerToClientEvents['room:stats'] = (payload) => {
      if (payload.sessionId === sessionId) update({ viewers: payload.viewers, likes: payload.likes });
    };
    const handleChat: ServerToClientEvents['chat:batch'] = (payload) => {
      if (payload.sessionId !== sessionId) return;
      update((previous) => ({ messages: mergeMessages(previous.messages, payload.messages) }));
      listenersRef.current.onNewMessages?.(payload.messages);
    };
    const handleDeleted: ServerToClientEvents['chat:deleted'] = (payload) => {
      if (payload.sessionId !== sessionId) return;
      const removed = new Set(payload.messageIds);
      update((previous) => ({ messages: previous.messages.filter((message) => !removed.has(message.id)) }));
    };
    const handlePinned: ServerToClientEvents['job:pinned'] = (payload) => {
      if (payload.sessionId === sessionId) update({ pinnedJobId: payload.jobId });
    };
    const handleReplay: ServerToClientEvents['session:replay'] = (payload) => {
      if (payload.sessionId === sessionId) listenersRef.current.onReplay?.();
    };
    const handleTicker: ServerToClientEvents['ticker:batch'] = (payload) => {
      if (payload.sessionId === sessionId) listenersRef.current.onTicker?.(payload.items);
    };
    const handleApplication: ServerToClientEvents['host:application'] = (payload) => {
      if (payload.sessionId === sessionId) listenersRef.current.onApplication?.(payload.application, payload.jobCount);
    };
    const handleModeration: ServerToClientEvents['moderation:you'] = (payload) => {
      if (payload.sessionId !== sessionId) return;
      if (payload.kind === 'muted') update({ mutedUntil: payload.until ?? 'session', canChat: false });
      if (payload.kind === 'unmuted') update((previous) => ({ mutedUntil: null, canChat: previous.status !== 'ended' }));
      if (payload.kind === 'banned') update({ isBanned: true, isJoined: false, canChat: false });
      if (payload.kind === 'unbanned') {
        update({ isBanned: false });
        join();
      }
    };

    socket.on('connect', join);
    socket.on('disconnect', handleDisconnect);
    socket.on('session:status', handleStatus);
    socket.on('room:stats', handleStats);
    socket.on('chat:batch', handleChat);
    socket.on('chat:deleted', handleDeleted);
    socket.on('job:pinned', handlePinned);
    socket.on('ticker:batch', handleTicker);
    socket.on('session:replay', handleReplay);
    socket.on('host:application', handleApplication);
    socket.on('moderation:you', handleModeration);
    if (socket.connected) join();

    return () => {
      isCurrent = false;
      socket.off('connect', join);
      socket.off('disconnect', handleDisconnect);
      socket.off('session:status', handleStatus);
      socket.off('room:stats', handleStats);
      socket.off('chat:batch', handleChat);
      socket.off('chat:deleted', handleDeleted);
      socket.off('job:pinned', handlePinned);
      socket.off('ticker:batch', handleTicker);
      socket.off('session:replay', handleReplay);
      socket.off('host:application', handleApplication);
      socket.off('moderation:you', handleModeration);
      if (socket.connected) socket.emit('session:leave', { sessionId });
    };
  }, [socket, sessionId]);

  // A timed mute ends on its own (the server lets the next message through): open the input again then.
  const { mutedUntil } = state;
  useEffect(() => {
    const endsAt = mutedUntil && mutedUntil !== 'session' ? Date.parse(mutedUntil) : Number.NaN;
    if (Number.isNaN(endsAt)) return;
    const timer = setTimeout(() => {
      setState((previous) => (previous.mutedUntil === mutedUntil ? { ...previous, mutedUntil: null, canChat: previous.isJoined && previous.status !== 'ended' } : previous));
    }, Math.max(0, endsAt - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [mutedUntil]);

  const requireSocket = useCallback(() => {
    if (!socket) throw new Error('Not connected / 未连接');
    return socket;
  }, [socket]);

  const actions = {
    /** Resolves with the stored message and, for a seeker asking about fees, the platform's tip. */
    sendChat: useCallback(async (text: string) => requestAck(requireSocket(), 'chat:send', { sessionId, text }), [requireSocket, sessionId]),
    like: useCallback((count: number) => socket?.emit('like', { sessionId, count }), [socket, sessionId]),
    openJob: useCallback((jobId: string) => socket?.emit('job:open', { sessionId, jobId }), [socket, sessionId]),
    pin: useCallback(async (jobId: string | null) => {
      const { pinnedJobId } = await requestAck(requireSocket(), 'host:pin', { sessionId, jobId });
      setState((previous) => ({ ...previous, pinnedJobId }));
      return pinnedJobId;
    }, [requireSocket, sessionId]),
    deleteMessage: useCallback(async (messageId: string) => requestAck(requireSocket(), 'host:delete-message', { sessionId, messageId }), [requireSocket, sessionId]),
    mute: useCallback(async (userId: string, minutes?: number) => requestAck(requireSocket(), 'host:mute', { sessionId, userId, minutes }), [requireSocket, sessionId]),
    ban: useCallback(async (userId: string) => requestAck(requireSocket(), 'host:ban', { sessionId, userId }), [requireSocket, sessionId]),
    lift: useCallback(async (userId: string, kind: 'mute' | 'ban') => requestAck(requireSocket(), 'host:lift', { sessionId, userId, kind }), [requireSocket, sessionId]),
  };

  return { ...state, ...actions };
}
