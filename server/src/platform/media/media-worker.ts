/**
 * The embedded media server's child process: node-media-server 4.4.3 (RTMP in, HTTP-FLV/WS-FLV out, FLV
 * recording) plus ffmpeg for live HLS. It runs apart from the app because the library exits the process when a
 * port is taken and keeps its state per process. The app sends the allow-list of stream keys over IPC; this
 * process decides each publish synchronously (the library's hooks are synchronous) and reports what happened.
 *
 * Rejection uses the library's own refusal path: it runs with signed-URL publish auth on a random secret known
 * only to this process, and `prePublish` signs the publishes whose key is valid. A refused publisher therefore
 * never becomes the stream's publisher, never triggers `postPublish` and is never recorded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import NodeMediaServer, { type NmsSession } from 'node-media-server';
import nmsContext from 'node-media-server/src/core/context.js';
import nmsLogger from 'node-media-server/src/core/logger.js';
import type { MediaWorkerOptions, ParentToWorker, WorkerToParent } from './media-protocol.js';

const options = JSON.parse(process.env.JOBCAST_MEDIA_WORKER ?? '{}') as MediaWorkerOptions;
const send = (message: WorkerToParent) => {
  if (process.connected) process.send?.(message);
};

const digest = (value: string) => createHash('sha256').update(value).digest();
const signingSecret = randomBytes(32).toString('hex');
/** sessionId → sha256(secret) */
const allowed = new Map<string, Buffer>();
/** publisher session id → Jobcast session id, for publishes this process accepted. */
const acceptedPublishers = new Map<string, string>();
const hlsProcesses = new Map<string, ChildProcess>();
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function ensurePort(port: number, bind: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new Error(`port ${bind}:${port} is already in use`) : error));
    probe.listen(port, bind, () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      probe.close(() => resolve(chosen));
    });
  });
}

function signPublish(session: NmsSession) {
  const expires = Math.floor(Date.now() / 1000) + 60;
  const hash = createHash('md5').update(`${session.streamPath}-${expires}-${signingSecret}`).digest('hex');
  session.streamQuery = { ...(session.streamQuery ?? {}), sign: `${expires}-${hash}` };
}

function refuse(session: NmsSession, sessionId: string, reason: string) {
  if (session.streamQuery) delete session.streamQuery.sign;
  send({ type: 'publish-rejected', sessionId, reason });
}

function handlePrePublish(session: NmsSession) {
  const sessionId = session.streamName;
  if (session.streamApp !== 'live' || !SESSION_ID.test(sessionId)) return refuse(session, sessionId, 'unknown stream path');
  const expected = allowed.get(sessionId);
  const presented = session.streamQuery?.key;
  if (!expected) {
    send({ type: 'lookup', sessionId });
    return refuse(session, sessionId, 'session is not scheduled or live');
  }
  if (typeof presented !== 'string' || !timingSafeEqual(digest(presented), expected)) return refuse(session, sessionId, 'wrong stream key');
  if (session.broadcast?.publisher && session.broadcast.getPublishStatus() === 'publishing') return refuse(session, sessionId, 'already publishing');
  // The app owns the reconnect grace period; the library's own 30 s window would delay donePublish.
  if (session.broadcast) session.broadcast.publishGraceMs = 0;
  signPublish(session);
  acceptedPublishers.set(session.id, sessionId);
}

function startHls(sessionId: string) {
  if (!options.ffmpegPath) return;
  const directory = path.join(options.recordingsDir, 'hls', sessionId);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const ffmpeg = spawn(options.ffmpegPath, [
    '-loglevel', 'error', '-rw_timeout', '10000000',
    '-i', `rtmp://127.0.0.1:${rtmpPort}/live/${sessionId}`,
    '-c', 'copy', '-f', 'hls', '-hls_time', '2', '-hls_list_size', '6',
    '-hls_flags', 'delete_segments+independent_segments',
    '-hls_segment_filename', path.join(directory, 'segment-%05d.ts'),
    path.join(directory, 'index.m3u8'),
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  ffmpeg.stderr?.on('data', (chunk: Buffer) => send({ type: 'log', level: 'warn', message: `hls ${sessionId}: ${chunk.toString().trim()}` }));
  ffmpeg.on('exit', () => {
    if (hlsProcesses.get(sessionId) === ffmpeg) hlsProcesses.delete(sessionId);
  });
  hlsProcesses.set(sessionId, ffmpeg);
}

function stopHls(sessionId: string) {
  hlsProcesses.get(sessionId)?.kill('SIGTERM');
  hlsProcesses.delete(sessionId);
}

let rtmpPort = 0;
let nms: NodeMediaServer | null = null;
let isStopping = false;

async function stop() {
  if (isStopping) return;
  isStopping = true;
  for (const sessionId of [...hlsProcesses.keys()]) stopHls(sessionId);
  await nms?.stop().catch(() => undefined);
  // Let the recordings' file streams and the last IPC messages flush.
  setTimeout(() => process.exit(0), 300);
}

async function main() {
  rtmpPort = await ensurePort(options.rtmpPort, options.bind);
  const httpPort = await ensurePort(options.httpPort, options.bind);
  const recordPath = path.join(options.recordingsDir, 'recordings');
  mkdirSync(recordPath, { recursive: true });

  nms = new NodeMediaServer({
    bind: options.bind,
    rtmp: { port: rtmpPort },
    http: { port: httpPort },
    record: { path: recordPath },
    store: { path: path.join(options.recordingsDir, 'nms-store') },
    webadmin: { enable: false },
    auth: { publish: true, play: false, secret: signingSecret },
  });
  // The constructor sets debug logging; keep warnings and errors only (they go to the app's log).
  nmsLogger.level = 'warn';

  nms.on('prePublish', handlePrePublish);
  nms.on('postPublish', (session) => {
    const sessionId = acceptedPublishers.get(session.id);
    if (!sessionId) return;
    send({ type: 'publish-started', sessionId });
    startHls(sessionId);
  });
  nms.on('donePublish', (session) => {
    const sessionId = acceptedPublishers.get(session.id);
    if (!sessionId) return;
    acceptedPublishers.delete(session.id);
    stopHls(sessionId);
    send({ type: 'publish-stopped', sessionId });
  });
  nms.on('doneRecord', (session) => {
    if (!SESSION_ID.test(session.streamName)) return;
    send({ type: 'recording-finished', sessionId: session.streamName, filePath: session.filePath, startedAt: session.createTime, endedAt: session.endTime || Date.now(), bytes: session.outBytes });
  });

  process.on('message', (message: ParentToWorker) => {
    if (message.type === 'allow') {
      if (message.replace) allowed.clear();
      for (const entry of message.entries) allowed.set(entry.sessionId, digest(entry.secret));
    } else if (message.type === 'revoke') {
      allowed.delete(message.sessionId);
      if (message.dropPublisher) nmsContext.broadcasts.get(`/live/${message.sessionId}`)?.publisher?.close();
    } else if (message.type === 'stop') {
      void stop();
    }
  });
  // The app went away (crash, kill -9): never outlive it.
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => undefined);

  await nms.run();
  const waitListening = (server: net.Server | undefined) =>
    new Promise<void>((resolve) => (!server || server.listening ? resolve() : server.once('listening', () => resolve())));
  await Promise.all([waitListening(nms.rtmpServer.tcpServer), waitListening(nms.httpServer.httpServer)]);
  send({ type: 'ready', rtmpPort, httpPort });
}

main().catch((error: unknown) => {
  send({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  setTimeout(() => process.exit(1), 50);
});
