/**
 * The two sides of bench/conversations.bench.ts, in their own process: one socket per seeker and one per
 * employer (every employer's socket joins its company's room), messages sent at their scheduled moments over
 * `conversation:send` with a client key, the ack's message id recorded, and each `conversation:message` that
 * reaches the other side timed against its send (same process, same clock).
 */
import { io as connect, type Socket } from 'socket.io-client';

export type Party = { cookie: string };
export type PlannedMessage = { conversationId: number; sender: 'seeker' | 'employer'; seekerIndex: number; employerIndex: number; clientKey: string; readMessageId?: number };
export type ConversationsCommand =
  | { type: 'connect'; url: string; seekers: Party[]; employers: Party[] }
  | { type: 'send'; plan: PlannedMessage[]; seconds: number; drainMs: number; operation: 'message' | 'read' }
  | { type: 'disconnect' };
export type ConversationsReport =
  | { type: 'connected'; sockets: number; failed: number; ms: number }
  | { type: 'result'; sent: number; acked: Array<{ clientKey: string; id: number; ackMs: number }>; failed: Array<{ clientKey: string; error: string }>; deliveredMs: Record<string, number>; clientCpuPercent: number }
  | { type: 'disconnected' };

let seekerSockets: Socket[] = [];
let employerSockets: Socket[] = [];
const sentAt = new Map<number, { at: number; side: 'seeker' | 'employer' }>();
const pendingDelivery = new Map<number, { at: number; side: 'seeker' | 'employer' }>();
let deliveredMs: Record<string, number> = {};

function open(url: string, cookie: string, side: 'seeker' | 'employer') {
  const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  socket.on('conversation:message', ({ message }: { message: { id: number; senderRole: string } }) => {
    // Only the other side's delivery counts (the sender's own sockets get the message too).
    const isOtherSide = side === 'employer' ? message.senderRole === 'seeker' : message.senderRole !== 'seeker';
    if (!isOtherSide || deliveredMs[message.id] !== undefined) return;
    const sent = sentAt.get(message.id);
    if (sent) deliveredMs[message.id] = performance.now() - sent.at;
    else pendingDelivery.set(message.id, { at: performance.now(), side });
  });
  return new Promise<Socket | null>((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => resolve(null));
  });
}

process.on('message', async (command: ConversationsCommand) => {
  if (command.type === 'connect') {
    const started = Date.now();
    const connectAll = async (parties: Party[], side: 'seeker' | 'employer') => {
      const sockets: Socket[] = [];
      for (let index = 0; index < parties.length; index += 100) {
        sockets.push(...(await Promise.all(parties.slice(index, index + 100).map((party) => open(command.url, party.cookie, side)))).filter((socket): socket is Socket => socket !== null));
      }
      return sockets;
    };
    employerSockets = await connectAll(command.employers, 'employer');
    seekerSockets = await connectAll(command.seekers, 'seeker');
    const wanted = command.employers.length + command.seekers.length;
    const sockets = employerSockets.length + seekerSockets.length;
    process.send?.({ type: 'connected', sockets, failed: wanted - sockets, ms: Date.now() - started } satisfies ConversationsReport);
  } else if (command.type === 'send') {
    deliveredMs = {};
    sentAt.clear();
    pendingDelivery.clear();
    const cpuBefore = process.cpuUsage();
    const wallBefore = Date.now();
    const started = performance.now();
    const gapMs = (command.seconds * 1000) / Math.max(1, command.plan.length);
    const acked: Array<{ clientKey: string; id: number; ackMs: number }> = [];
    const failed: Array<{ clientKey: string; error: string }> = [];
    await Promise.all(command.plan.map(async (planned, index) => {
      const wait = started + index * gapMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const socket = planned.sender === 'seeker' ? seekerSockets[planned.seekerIndex] : employerSockets[planned.employerIndex];
      if (!socket) return void failed.push({ clientKey: planned.clientKey, error: 'no socket' });
      const at = performance.now();
      try {
        const result = command.operation === 'read'
          ? await socket.timeout(30_000).emitWithAck('conversation:read', { conversationId: planned.conversationId, messageId: planned.readMessageId ?? 1 })
          : await socket.timeout(30_000).emitWithAck('conversation:send', { conversationId: planned.conversationId, body: `压测消息 ${planned.clientKey}`, clientKey: planned.clientKey });
        if (!result.ok) return void failed.push({ clientKey: planned.clientKey, error: `${result.error.code}: ${result.error.message}` });
        const id = command.operation === 'read' ? index + 1 : (result.data as { id: number }).id;
        acked.push({ clientKey: planned.clientKey, id, ackMs: performance.now() - at });
        if (command.operation === 'message') {
          sentAt.set(id, { at, side: planned.sender });
          const early = pendingDelivery.get(id);
          if (early) deliveredMs[id] = early.at - at;
        }
      } catch (error) {
        failed.push({ clientKey: planned.clientKey, error: String(error) });
      }
    }));
    await new Promise((resolve) => setTimeout(resolve, command.drainMs));
    const cpu = process.cpuUsage(cpuBefore);
    const clientCpuPercent = ((cpu.user + cpu.system) / 1000 / (Date.now() - wallBefore)) * 100;
    process.send?.({ type: 'result', sent: command.plan.length, acked, failed, deliveredMs, clientCpuPercent } satisfies ConversationsReport);
  } else {
    for (const socket of [...seekerSockets, ...employerSockets]) socket.disconnect();
    seekerSockets = [];
    employerSockets = [];
    process.send?.({ type: 'disconnected' } satisfies ConversationsReport);
  }
});
process.on('disconnect', () => process.exit(0));
