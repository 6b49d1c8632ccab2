/**
 * The viewers of bench/live-chat.bench.ts, in their own process (forked by it). Viewers are lightweight raw
 * Engine.IO/Socket.IO v4 WebSocket clients (the `ws` package, the protocol spoken by hand: open, connect,
 * join with an ack, pong), so one process can hold thousands; every Nth viewer is "measured": it parses each
 * chat frame and records delivery latency (receive time − the sender's timestamp carried in the text).
 * The senders are real socket.io-client sockets of signed-in users. Same machine clock, loopback only.
 */
import { io as connectSocketIo, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

export type ClientCommand =
  | { type: 'connect'; url: string; sessionId: string; viewers: number; measureEvery: number; senderCookies: string[] }
  | { type: 'send'; messagesPerSecond: number; seconds: number; drainMs: number }
  | { type: 'disconnect' };

export type ClientReport =
  | { type: 'connected'; viewers: number; failed: number; ms: number }
  | { type: 'result'; sent: number; acked: number; measuredViewers: number; expectedDeliveries: number; deliveries: number; latenciesMs: number[]; clientCpuPercent: number }
  | { type: 'disconnected' };

type Viewer = { socket: WebSocket; isMeasured: boolean };

const send = (report: ClientReport) => process.send?.(report);
let viewers: Viewer[] = [];
let senders: Socket[] = [];
let latencies: number[] = [];
let deliveries = 0;
let sessionId = '';

function openViewer(url: string, isMeasured: boolean): Promise<Viewer | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    const viewer: Viewer = { socket, isMeasured };
    const timer = setTimeout(() => {
      socket.terminate();
      resolve(null);
    }, 60_000);
    socket.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    socket.on('message', (data: Buffer) => {
      const first = data[0];
      if (first === 0x32 && data.length === 1) {
        socket.send('3'); // ping → pong
      } else if (first === 0x30) {
        socket.send('40'); // engine open → connect to the main namespace
      } else if (first === 0x34 && data[1] === 0x30) {
        socket.send(`420["session:join",{"sessionId":"${sessionId}"}]`); // connected → join with ack id 0
      } else if (first === 0x34 && data[1] === 0x33 && data[2] === 0x30) {
        clearTimeout(timer); // ack of the join
        resolve(data.includes('"ok":true') ? viewer : null);
      } else if (viewer.isMeasured && first === 0x34 && data[1] === 0x32 && data.includes('chat:batch')) {
        const now = Date.now();
        const [, payload] = JSON.parse(data.subarray(2).toString()) as [string, { messages: Array<{ text: string }> }];
        for (const message of payload.messages) {
          const sentAt = Number(message.text.split(':')[1]);
          if (sentAt) {
            latencies.push(now - sentAt);
            deliveries += 1;
          }
        }
      }
    });
  });
}

async function connectAll(command: Extract<ClientCommand, { type: 'connect' }>) {
  const started = Date.now();
  sessionId = command.sessionId;
  viewers = [];
  let failed = 0;
  // Connect in waves so the handshakes do not time out on a two-core machine.
  const wave = 250;
  for (let index = 0; index < command.viewers; index += wave) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(wave, command.viewers - index) }, (_, offset) => openViewer(command.url, (index + offset) % command.measureEvery === 0)),
    );
    for (const viewer of batch) {
      if (viewer) viewers.push(viewer);
      else failed += 1;
    }
  }
  senders = await Promise.all(command.senderCookies.map(async (cookie) => {
    const socket: Socket = connectSocketIo(command.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await socket.emitWithAck('session:join', { sessionId });
    return socket;
  }));
  send({ type: 'connected', viewers: viewers.length, failed, ms: Date.now() - started });
}

async function sendMessages(command: Extract<ClientCommand, { type: 'send' }>) {
  latencies = [];
  deliveries = 0;
  const total = command.messagesPerSecond * command.seconds;
  const interval = 1000 / command.messagesPerSecond;
  const cpuBefore = process.cpuUsage();
  const wallBefore = Date.now();
  let acked = 0;
  const acks: Array<Promise<void>> = [];
  const start = Date.now();
  for (let index = 0; index < total; index += 1) {
    const due = start + index * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sender = senders[index % senders.length];
    acks.push(sender.timeout(10_000).emitWithAck('chat:send', { sessionId, text: `m:${Date.now()}:${index}` }).then((result: { ok: boolean }) => {
      if (result.ok) acked += 1;
    }, () => undefined));
  }
  await Promise.all(acks);
  await new Promise((resolve) => setTimeout(resolve, command.drainMs));
  const cpu = process.cpuUsage(cpuBefore);
  const measuredViewers = viewers.filter((viewer) => viewer.isMeasured).length;
  send({
    type: 'result',
    sent: total,
    acked,
    measuredViewers,
    expectedDeliveries: measuredViewers * total,
    deliveries,
    latenciesMs: latencies,
    clientCpuPercent: ((cpu.user + cpu.system) / 1000 / (Date.now() - wallBefore)) * 100,
  });
}

function disconnectAll() {
  for (const viewer of viewers) viewer.socket.terminate();
  for (const sender of senders) sender.disconnect();
  viewers = [];
  senders = [];
  send({ type: 'disconnected' });
}

process.on('message', (command: ClientCommand) => {
  if (command.type === 'connect') void connectAll(command);
  else if (command.type === 'send') void sendMessages(command);
  else disconnectAll();
});
process.on('disconnect', () => process.exit(0));
