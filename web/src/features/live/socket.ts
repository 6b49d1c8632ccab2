// The tab's one Socket.IO connection for live rooms and personal pushes. The server settles who a socket is
// during the handshake (session cookie), so the socket is remade whenever the signed-in user changes.
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../../../contracts/live';
import { useAuth } from '../../app/auth';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let current: { socket: LiveSocket; identityKey: string } | null = null;

function acquireSocket(identityKey: string): LiveSocket {
  if (current?.identityKey === identityKey) return current.socket;
  current?.socket.disconnect();
  // WebSocket only: lower latency than long-polling, and one WebSocket stays on the node that accepted it, so
  // the load balancer in front of several nodes needs no sticky sessions (deploy/nginx-lb.conf, README).
  const socket: LiveSocket = io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
  current = { socket, identityKey };
  return socket;
}

/** The socket for the signed-in user (or a guest); null while the user is still being looked up. */
export function useLiveSocket(): LiveSocket | null {
  const { user, isLoading } = useAuth();
  const identityKey = user ? `user:${user.id}` : 'guest';
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  useEffect(() => {
    if (isLoading) return;
    setSocket(acquireSocket(identityKey));
  }, [identityKey, isLoading]);
  return socket;
}

export class SocketAckError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'SocketAckError';
  }
}

/** Unwraps an acknowledgement: the data, or a SocketAckError carrying the server's code and message. */
export function unwrapAck<T>(result: Ack<T>): T {
  if (result.ok) return result.data;
  throw new SocketAckError(result.error.code, result.error.message);
}

type AckEventName = {
  [K in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[K]> extends [unknown, (result: Ack<infer _Data>) => void] ? K : never;
}[keyof ClientToServerEvents];
type AckData<K extends AckEventName> = Parameters<ClientToServerEvents[K]>[1] extends (result: Ack<infer Data>) => void ? Data : never;
type AckPayload<K extends AckEventName> = Parameters<ClientToServerEvents[K]>[0];

/**
 * Emits an event that the server acknowledges and resolves with the acknowledged data (or rejects with the
 * server's error, or after `timeoutMs`). Socket.IO's own `timeout().emitWithAck` loses the result type.
 */
export function requestAck<K extends AckEventName>(socket: LiveSocket, event: K, payload: AckPayload<K>, timeoutMs = 8000): Promise<AckData<K>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new SocketAckError('timeout', 'The server did not answer in time / 服务器响应超时')), timeoutMs);
    const emit = socket.emit as unknown as (name: K, body: AckPayload<K>, ack: (result: Ack<AckData<K>>) => void) => void;
    emit.call(socket, event, payload, (result) => {
      clearTimeout(timer);
      try {
        resolve(unwrapAck(result));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
