import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, type Config } from '../config.js';
import type { EventBus } from '../events.js';
import type { MediaLinks } from './media-links.js';
import { ALL_SESSIONS, type MediaWorkerOptions, type ParentToWorker, type WorkerToParent } from './media-protocol.js';
import { storeFinishedRecording } from './recordings.js';

const WORKER_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'media-worker.ts');
// Generous: on a busy two-core machine the child (tsx + node-media-server) can take several seconds to start.
const READY_TIMEOUT_MS = 60_000;
const ALLOW_LIST_REFRESH_MS = 30_000;

/** What the media layer needs from the live-session rules (the live service provides it). */
export type PublishGate = {
  listPublishableStreamKeys(sessionId?: string | null): Promise<Array<{ sessionId: string; secret: string }>>;
  handlePublishStarted(sessionId: string): Promise<void>;
  handlePublishStopped(sessionId: string): Promise<void>;
  recordRecording(recording: { sessionId: string; fileName: string; format: 'flv' | 'mp4'; bytes: number; startedAt: Date; endedAt: Date }): Promise<void>;
  scheduleEndOfOrphanedLiveSessions(): Promise<void>;
  /** Viewers banned from sessions that can still be watched (sent to the worker at every start). */
  listPlaybackBans(): Promise<Array<{ sessionId: string; viewer: string }>>;
  /** A banned host's live sessions (their publishers are dropped). */
  listLiveSessionIdsOfHost(hostUserId: string): Promise<string[]>;
};

export type MediaLog = { debug(message: string): void; info(message: string): void; warn(message: string): void; error(message: string): void };

export type EmbeddedMediaServer = { rtmpPort: number; httpPort: number; isHlsEnabled: boolean; stop(): Promise<void> };

/** ffmpeg is optional: HLS and MP4 replays need it, FLV does not. */
export function findFfmpeg(ffmpegPath: string): string | null {
  const result = spawnSync(ffmpegPath, ['-version'], { stdio: 'ignore' });
  return result.status === 0 ? ffmpegPath : null;
}

/**
 * Starts node-media-server in a child process (MEDIA_MODE=embedded) and keeps it in step with the sessions:
 * the allow-list of stream keys goes down over IPC, publish and recording events come back up.
 */
export async function startEmbeddedMediaServer(deps: { config: Config; links: MediaLinks; gate: PublishGate; events: EventBus; log: MediaLog }): Promise<EmbeddedMediaServer> {
  const { config, links, gate, events, log } = deps;
  const ffmpegPath = config.media.hls === 'off' ? null : findFfmpeg(config.media.ffmpegPath);
  const remuxFfmpeg = findFfmpeg(config.media.ffmpegPath);
  if (!remuxFfmpeg) log.warn(`ffmpeg not found (${config.media.ffmpegPath}): no HLS for iOS Safari and replays stay FLV`);
  let child: ChildProcess | null = null;
  let isStopping = false;
  let ports = { rtmpPort: config.media.rtmpPort, httpPort: config.media.httpPort };

  const post = (message: ParentToWorker) => {
    if (child?.connected) child.send(message);
  };

  async function pushAllowList() {
    const entries = await gate.listPublishableStreamKeys(null);
    post({ type: 'allow', entries, replace: true });
  }

  async function pushDenyList() {
    post({ type: 'deny', entries: await gate.listPlaybackBans(), replace: true });
  }

  const pushLists = () => Promise.all([pushAllowList(), pushDenyList()]);

  async function refreshSession(sessionId: string, dropPublisherWhenRevoked: boolean) {
    const [entry] = await gate.listPublishableStreamKeys(sessionId);
    if (entry) post({ type: 'allow', entries: [entry], replace: false });
    else post({ type: 'revoke', sessionId, dropPublisher: dropPublisherWhenRevoked });
  }

  function handleRecording(message: Extract<WorkerToParent, { type: 'recording-finished' }>) {
    return storeFinishedRecording(gate, remuxFfmpeg, { sessionId: message.sessionId, filePath: message.filePath, startedAt: new Date(message.startedAt), endedAt: new Date(message.endedAt) });
  }

  const pending = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
    return promise;
  };

  function handleMessage(message: WorkerToParent) {
    const fail = (what: string) => (error: unknown) => log.error(`media: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    switch (message.type) {
      case 'publish-started':
        gate.handlePublishStarted(message.sessionId).catch(fail('going live'));
        break;
      case 'publish-stopped':
        gate.handlePublishStopped(message.sessionId).catch(fail('starting the end grace'));
        break;
      case 'publish-rejected':
        log.warn(`media: publish to session ${message.sessionId} refused (${message.reason})`);
        break;
      case 'lookup':
        refreshSession(message.sessionId, false).catch(fail('key lookup'));
        break;
      case 'recording-finished':
        track(handleRecording(message).catch(fail('storing the recording')));
        break;
      case 'log':
        log[message.level](`media: ${message.message}`);
        break;
      default:
        break;
    }
  }

  function launch(): Promise<void> {
    const options: MediaWorkerOptions = {
      bind: config.media.bind,
      rtmpPort: ports.rtmpPort,
      httpPort: ports.httpPort,
      recordingsDir: config.media.recordingsDir,
      ffmpegPath,
      playSecret: config.media.playSecret,
      playTokenTtlSeconds: config.media.playTokenTtlSeconds,
      idlePlayerMs: config.media.idlePlayerMs,
    };
    const worker = fork(WORKER_PATH, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, JOBCAST_MEDIA_WORKER: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child = worker;
    // node-media-server logs to stdout; its start-up banner is info, the rest is warnings and errors at our
    // level. Stream paths never carry the key (the query string is not part of them).
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (/\[(WARN|ERROR)\]/.test(line)) log.warn(`media: ${line.trim()}`);
        else if (line.trim()) log.debug(`media: ${line.trim()}`);
      }
    };
    worker.stdout?.on('data', forward);
    worker.stderr?.on('data', forward);
    return new Promise((resolve, reject) => {
      let isReady = false;
      const timer = setTimeout(() => {
        worker.kill('SIGKILL');
        reject(new Error(`The embedded media server did not start within ${READY_TIMEOUT_MS / 1000} s`));
      }, READY_TIMEOUT_MS);
      worker.on('message', (message: WorkerToParent) => {
        if (message.type === 'ready') {
          isReady = true;
          clearTimeout(timer);
          ports = { rtmpPort: message.rtmpPort, httpPort: message.httpPort };
          resolve();
        } else if (message.type === 'fatal') {
          clearTimeout(timer);
          // A taken port is a configuration problem: the server prints the message alone and exits.
          reject(new ConfigError(`The embedded media server could not start: ${message.message} (set RTMP_PORT / MEDIA_HTTP_PORT, or MEDIA_MODE=external)`));
        } else {
          handleMessage(message);
        }
      });
      worker.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (child === worker) child = null;
        if (!isReady) {
          reject(new Error(`The embedded media server exited during start (code ${code ?? signal})`));
          return;
        }
        if (isStopping) return;
        log.error(`media: the media server exited unexpectedly (code ${code ?? signal}); restarting`);
        setTimeout(() => {
          if (isStopping) return;
          launch().then(pushLists).catch((error: unknown) => log.error(`media: restart failed: ${error instanceof Error ? error.message : String(error)}`));
        }, 1000).unref();
      });
    });
  }

  await launch();
  links.setEmbedded({ rtmpPort: ports.rtmpPort, httpPort: ports.httpPort, isHlsEnabled: ffmpegPath !== null });
  await pushLists();
  await gate.scheduleEndOfOrphanedLiveSessions();
  // A ban covers the video: the worker refuses the viewer's token from now on and closes their open playback.
  events.on('LiveViewerBanChanged', ({ sessionId, userId, isBanned }) => {
    if (isStopping) return;
    if (isBanned) post({ type: 'deny', entries: [{ sessionId, viewer: userId }], replace: false });
    else post({ type: 'undeny', sessionId, viewer: userId });
  });
  // A banned account is refused on every session ('*'): its signed tokens stay valid until they expire otherwise.
  // As a host, its live sessions' keys are no longer publishable: refreshing them revokes them and drops the publisher.
  events.on('AccountBanChanged', ({ userId, isBanned }) => {
    if (isStopping) return;
    if (isBanned) post({ type: 'deny', entries: [{ sessionId: ALL_SESSIONS, viewer: userId }], replace: false });
    else post({ type: 'undeny', sessionId: ALL_SESSIONS, viewer: userId });
    gate.listLiveSessionIdsOfHost(userId)
      .then((sessionIds) => Promise.all(sessionIds.map((sessionId) => refreshSession(sessionId, true))))
      .catch((error: unknown) => log.error(`media: refreshing a banned host's sessions failed: ${String(error)}`));
  });
  events.on('LiveStreamKeyChanged', ({ sessionId }) => {
    if (!isStopping) refreshSession(sessionId, true).catch((error: unknown) => log.error(`media: key refresh failed: ${String(error)}`));
  });
  // Sessions created by another process (a CLI on PostgreSQL) reach the allow-list within this interval,
  // or at once on their first publish attempt via 'lookup' (encoders retry).
  const refresher = setInterval(() => {
    pushAllowList().catch(() => undefined);
  }, ALLOW_LIST_REFRESH_MS);
  refresher.unref();
  log.info(`media: RTMP on ${config.media.bind}:${ports.rtmpPort}, HTTP-FLV on :${ports.httpPort}${ffmpegPath ? ', HLS with ffmpeg' : ''}`);

  return {
    get rtmpPort() { return ports.rtmpPort; },
    get httpPort() { return ports.httpPort; },
    isHlsEnabled: ffmpegPath !== null,
    async stop() {
      isStopping = true;
      clearInterval(refresher);
      const worker = child;
      if (!worker) return;
      await new Promise<void>((resolve) => {
        const killTimer = setTimeout(() => worker.kill('SIGKILL'), 3000);
        worker.once('exit', () => {
          clearTimeout(killTimer);
          resolve();
        });
        if (worker.connected) worker.send({ type: 'stop' } satisfies ParentToWorker);
        else worker.kill('SIGTERM');
      });
      await Promise.allSettled([...pending]);
    },
  };
}
