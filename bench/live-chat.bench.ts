/**
 * One live room on one node: many viewer sockets, 20 chat messages/s, for a bounded time. Measures delivery
 * latency (p50/p99) at the viewers and the server's CPU, for Jobcast's batched chat (one `chat:batch` per
 * CHAT_FLUSH_MS per room) and, in the same run, the naive baseline (one broadcast per message, CHAT_FLUSH_MS=0).
 * The server is this process (the real app: Fastify + Socket.IO + the live module, PGlite in memory); the
 * viewers run in a forked process (bench/live-chat-clients.ts). Loopback only.
 *
 *   npx tsx bench/live-chat.bench.ts            # BENCH_VIEWERS=10000 BENCH_SECONDS=10 BENCH_RATE=20
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp, createContext, startLiveRuntime } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite } from '../server/src/platform/db.js';
import type { ClientCommand, ClientReport } from './live-chat-clients.js';

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SENDERS = 50; // 50 users at 0.4 msg/s each: within the default chat limit of 5 per 10 s
const MEASURE_EVERY = Number(process.env.BENCH_MEASURE_EVERY ?? 20);

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function main() {
  const db = await openPglite(undefined);
  const baseEnv = { LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', MEDIA_BIND: '127.0.0.1' } as const;

  // Users and the session, made once.
  const setup = await createContext(loadConfig(baseEnv), { db });
  const host = await setup.auth.createUser({ role: 'host', email: 'bench-host@example.test', password: 'bench-password', displayName: '主播' });
  const session = await setup.live.scheduleSession(host, { title: '压测直播间', startsAt: new Date().toISOString(), jobIds: [], coverText: '' });
  const senderCookies: string[] = [];
  for (let index = 0; index < SENDERS; index += 1) {
    const user = await setup.auth.createUser({ role: 'seeker', email: `bench-sender-${index}@example.test`, password: 'bench-password', displayName: `观众${index}` });
    senderCookies.push(`jobcast_session=${(await setup.auth.startSession(user.id)).token}`);
  }
  setup.live.stopTimers();

  const clients = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'live-chat-clients.ts'), [], { execArgv: ['--import', 'tsx'] });
  const nextReport = <Type extends ClientReport['type']>(type: Type) =>
    new Promise<Extract<ClientReport, { type: Type }>>((resolve) => {
      const listener = (report: ClientReport) => {
        if (report.type !== type) return;
        clients.off('message', listener);
        resolve(report as Extract<ClientReport, { type: Type }>);
      };
      clients.on('message', listener);
    });
  const command = (message: ClientCommand) => clients.send(message);

  const results = [];
  for (const mode of [{ name: 'batched (CHAT_FLUSH_MS=200)', flushMs: '200' }, { name: 'naive per-message broadcast', flushMs: '0' }]) {
    const context = await createContext(loadConfig({ ...baseEnv, CHAT_FLUSH_MS: mode.flushMs }), { db });
    const app = await createApp(context);
    const runtime = await startLiveRuntime(app, context, { withMedia: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    command({ type: 'connect', url, sessionId: session.id, viewers: VIEWERS, measureEvery: MEASURE_EVERY, senderCookies });
    const connected = await nextReport('connected');
    console.error(`[${mode.name}] ${connected.viewers} viewers connected (${connected.failed} failed) in ${(connected.ms / 1000).toFixed(1)} s`);
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpuBefore = process.cpuUsage();
    const wallBefore = Date.now();
    command({ type: 'send', messagesPerSecond: RATE, seconds: SECONDS, drainMs: 3000 });
    const result = await nextReport('result');
    const cpu = process.cpuUsage(cpuBefore);
    loop.disable();
    const serverCpuPercent = ((cpu.user + cpu.system) / 1000 / (Date.now() - wallBefore)) * 100;

    command({ type: 'disconnect' });
    await nextReport('disconnected');
    await runtime.stop();
    await app.close();
    context.live.stopTimers();

    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    results.push({
      mode: mode.name,
      viewers: connected.viewers,
      messagesSent: result.sent,
      messagesAcked: result.acked,
      measuredViewers: result.measuredViewers,
      // Deliveries to the measured viewers within the run (sending window + 3 s), of messages sent × viewers.
      deliveredToMeasured: `${result.deliveries} / ${result.expectedDeliveries}`,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? NaN,
      serverCpuPercentOfOneCore: Math.round(serverCpuPercent),
      serverCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
      serverEventLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
      clientProcessCpuPercent: Math.round(result.clientCpuPercent),
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  clients.disconnect();
  await db.close();

  console.log(`load average (1 min) at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  console.log(`live-chat: one room, ${VIEWERS} viewer sockets requested, ${RATE} chat msgs/s for ${SECONDS} s, ${SENDERS} senders, latency sampled on every ${MEASURE_EVERY}th viewer`);
  console.table(results);
  console.log(JSON.stringify({ bench: 'live-chat', viewers: VIEWERS, rate: RATE, seconds: SECONDS, results }));
}

await main();
process.exit(0);
