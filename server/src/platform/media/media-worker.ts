/**
 * The embedded media server's child process: node-media-server 4.4.3 (RTMP in, HTTP-FLV/WS-FLV out, FLV
 * recording) plus ffmpeg for live HLS. It runs apart from the app because the library exits the process when a
 * port is taken and keeps its state per process. The app sends the allow-list of stream keys over IPC; this
 * process decides each publish synchronously (the library's hooks are synchronous) and reports what happened.
 *
 * Rejection uses the library's own refusal path: it runs with signed-URL publish auth on a random secret known
 * only to this process, and `prePublish` signs the publishes whose key is valid. A refused publisher therefore
 * never becomes the stream's publisher, never triggers `postPublish` and is never recorded.
 *
 * Playback is gated the same way (play auth on the same secret, signed in `prePlay` only for admitted players),
 * and HTTP-FLV / WS-FLV requests are checked before the library sees them: a stream that is not publishing is
 * answered 404 at once (the library would hold such a request open forever, a BroadcastServer per made-up name);
 * a missing, expired or foreign playback token, or a viewer banned from the session, 403. Players that receive
 * nothing for `idlePlayerMs` are closed, and a ban closes the viewer's open playback at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import NodeMediaServer, { type NmsSession } from 'node-media-server';
import nmsContext from 'node-media-server/src/core/context.js';
import nmsLogger from 'node-media-server/src/core/logger.js';
import { ALL_SESSIONS, type MediaWorkerOptions, type ParentToWorker, type WorkerToParent } from './media-protocol.js';
import { createPlayTokens } from './play-tokens.js';

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
const FLV_PATH = /^\/live\/([0-9a-f-]{36})\.flv$/;

const playTokens = createPlayTokens(options.playSecret ?? randomBytes(32).toString('hex'), options.playTokenTtlSeconds ?? 3600);
/** Sessions whose accepted publisher is on air now. */
const liveSessions = new Set<string>();
/** sessionId → viewers banned from its video. */
const denied = new Map<string, Set<string>>();
type Player = { session: NmsSession; sessionId: string; viewer: string; lastBytes: number; lastChangeAt: number };
/** Admitted players by library session id. */
const players = new Map<string, Player>();
/** The viewer an HTTP-FLV / WS-FLV request was admitted as (set by the gate, read in prePlay). */
const admitted = new WeakMap<IncomingMessage, string>();

const isDenied = (sessionId: string, viewer: string) => (denied.get(sessionId)?.has(viewer) ?? false) || (denied.get(ALL_SESSIONS)?.has(viewer) ?? false);

type PlayCheck = { ok: true; viewer: string } | { ok: false; status: 403 | 404; message: string };

function checkPlay(sessionId: string, token: unknown): PlayCheck {
  if (!SESSION_ID.test(sessionId) || !liveSessions.has(sessionId)) return { ok: false, status: 404, message: 'This stream is not live / 直播未开始或已结束' };
  const viewer = playTokens.verify(token, sessionId);
  if (!viewer) return { ok: false, status: 403, message: 'Playback link invalid or expired / 播放链接无效或已过期' };
  if (isDenied(sessionId, viewer)) return { ok: false, status: 403, message: 'You were removed from this session / 你已被移出直播间' };
  return { ok: true, viewer };
}

/** Checks an HTTP-FLV request or WS-FLV upgrade before node-media-server sees it. */
function checkRequest(req: IncomingMessage, isUpgrade: boolean): PlayCheck {
  const url = new URL(req.url ?? '/', 'http://media.invalid');
  const match = FLV_PATH.exec(url.pathname);
  if (!match || req.method !== 'GET') return { ok: false, status: 404, message: 'Not found / 未找到' };
  // WS-FLV publishing (the library's "post"/"publisher" subprotocols) is never allowed: encoders use RTMP.
  if (isUpgrade && /post|publisher/i.test(String(req.headers['sec-websocket-protocol'] ?? ''))) return { ok: false, status: 403, message: 'Forbidden' };
  const check = checkPlay(match[1], url.searchParams.get('token'));
  if (check.ok) admitted.set(req, check.viewer);
  return check;
}

function refuseResponse(res: ServerResponse, check: Extract<PlayCheck, { ok: false }>) {
  res.writeHead(check.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(check.message);
}

/** Puts the gate in front of the library's own 'request' and 'upgrade' listeners. */
function gateHttpServer(server: import('node:http').Server) {
  const onRequest = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'OPTIONS') {
      const check = checkRequest(req, false);
      if (!check.ok) return refuseResponse(res, check);
    }
    for (const listener of onRequest) listener.call(server, req, res);
  });
  const onUpgrade = server.listeners('upgrade') as Array<(req: IncomingMessage, socket: net.Socket, head: Buffer) => void>;
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: IncomingMessage, socket: net.Socket, head: Buffer) => {
    const check = checkRequest(req, true);
    if (!check.ok) {
      socket.end(`HTTP/1.1 ${check.status} ${check.status === 404 ? 'Not Found' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    for (const listener of onUpgrade) listener.call(server, req, socket, head);
  });
}

function handlePrePlay(session: NmsSession) {
  const sessionId = session.streamName;
  let viewer: string | null = null;
  if (session.req) viewer = admitted.get(session.req) ?? null;
  else if (session.streamApp === 'live') {
    // RTMP play: the token travels in the stream name's query string (rtmp://host/live/<id>?token=…).
    const check = checkPlay(sessionId, session.streamQuery?.token);
    viewer = check.ok ? check.viewer : null;
  }
  if (!viewer || session.streamApp !== 'live' || !liveSessions.has(sessionId)) {
    if (session.streamQuery) delete session.streamQuery.sign;
    return;
  }
  signSession(session);
  players.set(session.id, { session, sessionId, viewer, lastBytes: session.outBytes, lastChangeAt: Date.now() });
}

function closePlayers(predicate: (player: Player) => boolean) {
  for (const [id, player] of players) {
    if (!predicate(player)) continue;
    players.delete(id);
    // Hang up for real: ending the response alone would wait for the queued bytes to drain to a reader that
    // may never read them.
    player.session.close();
    player.session.req?.socket.destroy();
    player.session.socket?.destroy?.();
  }
}

/** A player this far behind (bytes queued for it, unread) is not reading: the library would queue without end. */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
const queuedBytes = (session: NmsSession) => session.res?.writableLength ?? session.res?.bufferedAmount ?? session.socket?.writableLength ?? 0;

/** Closes players that received nothing for idlePlayerMs (a stream that stopped) and players that stopped reading. */
function sweepIdlePlayers() {
  const now = Date.now();
  const idleMs = options.idlePlayerMs ?? 30_000;
  closePlayers((player) => {
    if (queuedBytes(player.session) > MAX_QUEUED_BYTES) return true;
    if (player.session.outBytes !== player.lastBytes) {
      player.lastBytes = player.session.outBytes;
      player.lastChangeAt = now;
      return false;
    }
    return now - player.lastChangeAt >= idleMs;
  });
}

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

function signSession(session: NmsSession) {
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
  signSession(session);
  acceptedPublishers.set(session.id, sessionId);
}

function startHls(sessionId: string) {
  if (!options.ffmpegPath) return;
  const directory = path.join(options.recordingsDir, 'hls', sessionId);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const ffmpeg = spawn(options.ffmpegPath, [
    '-loglevel', 'error', '-rw_timeout', '10000000',
    '-i', `rtmp://127.0.0.1:${rtmpPort}/live/${sessionId}?token=${playTokens.issue(sessionId, 'internal')}`,
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
    auth: { publish: true, play: true, secret: signingSecret },
  });
  if (nms.httpServer.httpServer) gateHttpServer(nms.httpServer.httpServer);
  const idleSweeper = setInterval(sweepIdlePlayers, Math.min(5000, Math.max(250, Math.floor((options.idlePlayerMs ?? 30_000) / 4))));
  idleSweeper.unref();
  // The constructor sets debug logging; keep warnings and errors only (they go to the app's log).
  nmsLogger.level = 'warn';

  nms.on('prePublish', handlePrePublish);
  nms.on('prePlay', handlePrePlay);
  nms.on('donePlay', (session) => players.delete(session.id));
  nms.on('postPublish', (session) => {
    const sessionId = acceptedPublishers.get(session.id);
    if (!sessionId) return;
    liveSessions.add(sessionId);
    send({ type: 'publish-started', sessionId });
    startHls(sessionId);
  });
  nms.on('donePublish', (session) => {
    const sessionId = acceptedPublishers.get(session.id);
    if (!sessionId) return;
    acceptedPublishers.delete(session.id);
    if (![...acceptedPublishers.values()].includes(sessionId)) liveSessions.delete(sessionId);
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
    } else if (message.type === 'deny') {
      if (message.replace) denied.clear();
      for (const { sessionId, viewer } of message.entries) {
        const viewers = denied.get(sessionId) ?? new Set<string>();
        viewers.add(viewer);
        denied.set(sessionId, viewers);
      }
      closePlayers((player) => isDenied(player.sessionId, player.viewer));
    } else if (message.type === 'undeny') {
      denied.get(message.sessionId)?.delete(message.viewer);
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
