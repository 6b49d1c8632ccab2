import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../contracts/live.js';
import { startLiveRuntime, type Context } from '../app.js';
import { buildCompany, buildJob, buildUser } from './factories.js';
import { createTestApp } from './harness.js';
import { signIn } from './http-helpers.js';

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The real app listening on a random loopback port with Socket.IO (and the media child process when asked). */
export async function startLiveTestServer(options: { env?: Record<string, string>; withMedia?: boolean; clock?: () => Date } = {}) {
  const testApp = await createTestApp({ MEDIA_BIND: '127.0.0.1', RTMP_PORT: '0', MEDIA_HTTP_PORT: '0', PUBLIC_URL: 'http://127.0.0.1:3999', ...options.env }, { clock: options.clock });
  const runtime = await startLiveRuntime(testApp.app, testApp.context, { withMedia: options.withMedia ?? false });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const address = testApp.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sockets: LiveClient[] = [];
  return {
    ...testApp,
    runtime,
    url: `http://127.0.0.1:${port}`,
    async signInCookie(login: string) {
      const jar = await signIn(testApp.app, login);
      return `jobcast_session=${jar.jobcast_session}`;
    },
    async connect(cookie?: string): Promise<LiveClient> {
      const socket: LiveClient = connect(`http://127.0.0.1:${port}`, {
        transports: ['websocket'],
        extraHeaders: cookie ? { cookie } : {},
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await runtime.stop();
      await testApp.close();
    },
  };
}

/** A host, a verified employer with two open jobs, and a session of those jobs scheduled by the host. */
export async function buildLiveSession(context: Context, overrides: { startsAt?: string } = {}) {
  const host = await buildUser(context, { role: 'host', displayName: '带岗主播小王' });
  const { company, employer } = await buildCompany(context);
  const jobA = await buildJob(context, employer, { title: '电子厂普工' });
  const jobB = await buildJob(context, employer, { title: '仓库分拣员', categoryCode: 'express_warehouse' });
  const session = await context.live.scheduleSession(host, {
    title: '苏州电子厂专场直播',
    startsAt: overrides.startsAt ?? new Date(Date.now() + 3600_000).toISOString(),
    jobIds: [jobA.id, jobB.id],
    coverText: '包吃住，月薪6000+',
  });
  return { host, company, employer, jobA, jobB, session };
}

/** A seeker with a quick profile. */
export async function buildSeeker(context: Context, name = '张三', phone?: string) {
  const seeker = await buildUser(context, { role: 'seeker', displayName: name });
  await context.seekers.saveProfile(seeker, {
    name,
    phone: phone ?? `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    homeCityCode: '411600',
    desiredCategories: [],
  });
  return seeker;
}

/** Resolves with the first event of that name that passes the predicate. */
export function nextEvent<Name extends keyof ServerToClientEvents>(
  socket: LiveClient,
  name: Name,
  predicate: (payload: Parameters<ServerToClientEvents[Name]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[Name]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(name)} event within ${timeoutMs} ms`)), timeoutMs);
    const listener = (payload: Parameters<ServerToClientEvents[Name]>[0]) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(name, listener as never);
      resolve(payload);
    };
    socket.on(name, listener as never);
  });
}
