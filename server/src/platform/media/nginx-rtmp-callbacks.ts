import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventBus } from '../events.js';
import type { App } from '../http.js';
import type { NginxRtmpControl } from './nginx-rtmp-control.js';
import { storeFinishedRecording, type RecordingStore } from './recordings.js';

export type ExternalPublishGate = RecordingStore & {
  authorizePublish(sessionId: string, key: string | undefined): Promise<boolean>;
  handlePublishStarted(sessionId: string): Promise<void>;
  handlePublishStopped(sessionId: string): Promise<void>;
  authorizePlay(sessionId: string, token: unknown): Promise<'ok' | 'not_live' | 'forbidden'>;
  playTokenViewer(sessionId: string, token: unknown): string | null;
  isStreamKeyOf(sessionId: string, key: string | undefined): Promise<boolean>;
  listLiveSessionIdsOfHost(hostUserId: string): Promise<string[]>;
};

export type ExternalMediaOptions = {
  events: EventBus;
  /** MEDIA_CONTROL_URL: bans drop playback and publishers there. */
  control: NginxRtmpControl | null;
  /** MEDIA_RECORD_DIR (nginx's record_path) and where replays live; null: recordings are not taken in. */
  recordings: { incomingDir: string | null; recordingsDir: string; ffmpegPath: string | null };
  onError(error: unknown, what: string): void;
};

const callbackSchema = z.object({
  call: z.string().optional(),
  app: z.string().optional(),
  name: z.string().default(''),
  key: z.string().optional(),
  /** nginx-rtmp's connection number for the publisher. */
  clientid: z.string().optional(),
  /** on_play: the viewer's playback token (rtmp://…/live/<sessionId>?token=…, or nginx-http-flv-module's ?token=). */
  token: z.string().optional(),
  /** on_record_done: the finished recording's path. */
  path: z.string().max(4000).optional(),
}).passthrough();

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Moves a file, across file systems too (MEDIA_RECORD_DIR may be another mount than the data folder). */
function moveFile(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
    unlinkSync(from);
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * MEDIA_MODE=external: nginx-rtmp's `on_publish` / `on_publish_done` callbacks. nginx posts a form with
 * `name` (the stream name, our session id), `clientid` (its connection number) and the publish URL's query
 * arguments (`key`). 2xx accepts the publisher, 403 refuses it (nginx then sends no `on_publish_done`).
 *
 * nginx itself refuses a second publisher of a stream ("already publishing"), but only after our 2xx, and then
 * posts `on_publish_done` for that refused connection. So the publishes are counted per connection: the
 * session's grace period starts when its last accepted connection is done, not when a refused duplicate (an
 * encoder started twice, a leaked key) goes away while the first encoder is still streaming. `on_publish_done`
 * counts only for a connection this server accepted with the same key, so nobody can end someone else's
 * session by posting to it.
 */
export function registerNginxRtmpCallbacks(app: App, gate: ExternalPublishGate, options: ExternalMediaOptions) {
  /** Session id → its accepted publishing connections (clientid → key digest). */
  const publishers = new Map<string, Map<string, string>>();
  /**
   * The RTMP/HTTP-FLV plays this node let in (on_play), by nginx connection, until on_play_done: a ban drops them
   * through the control module. Every node hears every ban (events.ts CLUSTER_EVENTS), so whichever node answered
   * the on_play drops the play.
   */
  const players = new Map<string, { sessionId: string; clientId: string; viewer: string; tokenDigest: string }>();
  const playerKey = (sessionId: string, clientId: string) => `${sessionId} ${clientId}`;
  const dropPlays = (matches: (player: { sessionId: string; viewer: string }) => boolean) => {
    for (const player of players.values()) {
      if (matches(player)) void options.control?.dropSubscriber(player.sessionId, player.clientId);
    }
  };
  const handleViewerBan = ({ sessionId, userId, isBanned }: { sessionId: string; userId: string; isBanned: boolean }) => {
    if (isBanned) dropPlays((player) => player.sessionId === sessionId && player.viewer === userId);
  };
  // A banned account: its plays everywhere, and as a host its publishers (on_publish then refuses its key).
  const handleAccountBan = ({ userId, isBanned }: { userId: string; isBanned: boolean }) => {
    if (!isBanned) return;
    dropPlays((player) => player.viewer === userId);
    const control = options.control;
    if (control) {
      gate.listLiveSessionIdsOfHost(userId)
        .then((sessionIds) => Promise.all(sessionIds.map((sessionId) => control.dropPublisher(sessionId))))
        .catch((error: unknown) => options.onError(error, 'dropping a banned host’s publisher'));
    }
  };
  const forgetEndedSession = ({ sessionId, status }: { sessionId: string; status: string }) => {
    if (status !== 'ended' && status !== 'missed') return;
    for (const [key, player] of players) if (player.sessionId === sessionId) players.delete(key);
  };
  options.events.on('LiveViewerBanChanged', handleViewerBan);
  options.events.on('AccountBanChanged', handleAccountBan);
  options.events.on('LiveSessionStatusChanged', forgetEndedSession);
  const pendingRecordings = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    options.events.off('LiveViewerBanChanged', handleViewerBan);
    options.events.off('AccountBanChanged', handleAccountBan);
    options.events.off('LiveSessionStatusChanged', forgetEndedSession);
    await Promise.all(pendingRecordings);
  });

  /**
   * The recording nginx says it finished, if it is one: in MEDIA_RECORD_DIR, named after the session
   * (`record_unique on`: <sessionId>-<unix seconds>.flv) and posted with the session's key. Anyone can post to
   * the callback, so nothing else is touched.
   */
  const acceptRecording = async (sessionId: string, key: string | undefined, filePath: string | undefined) => {
    const { incomingDir } = options.recordings;
    if (!incomingDir || !filePath || !SESSION_ID.test(sessionId)) return null;
    const resolved = path.resolve(filePath);
    const match = new RegExp(`^${sessionId}(?:-(\\d{1,12}))?\\.flv$`, 'i').exec(path.basename(resolved));
    if (path.dirname(resolved) !== incomingDir || !match || !existsSync(resolved)) return null;
    if (!(await gate.isStreamKeyOf(sessionId, key))) return null;
    return { filePath: resolved, startedAt: match[1] ? new Date(Number(match[1]) * 1000) : statSync(resolved).birthtime };
  };

  app.register(async (plainScope) => {
    const scope = plainScope.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.post('/api/media/nginx/on-publish', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx-rtmp on_publish: 204 accepts the publisher, 403 refuses it', body: callbackSchema, hide: true },
    }, async (request, reply) => {
      const { name, key, clientid = '' } = request.body;
      if (!(await gate.authorizePublish(name, key))) return reply.status(403).send({ ok: false });
      const connections = publishers.get(name) ?? new Map<string, string>();
      connections.set(clientid, digest(key ?? ''));
      publishers.set(name, connections);
      await gate.handlePublishStarted(name);
      return reply.status(204).send();
    });

    // Playback (the ban covers video too): nginx-rtmp's on_play (RTMP play; nginx-http-flv-module calls it for
    // HTTP-FLV as well) posts name + the play URL's arguments. 204 plays, 404 not live, 403 bad token or banned.
    scope.post('/api/media/nginx/on-play', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx-rtmp on_play: 204 lets the viewer play, 403/404 refuses', body: callbackSchema, hide: true },
    }, async (request, reply) => {
      const { name, token, clientid } = request.body;
      const verdict = await gate.authorizePlay(name, token);
      const viewer = verdict === 'ok' ? gate.playTokenViewer(name, token) : null;
      if (viewer && viewer !== 'guest' && viewer !== 'internal' && clientid) {
        players.set(playerKey(name, clientid), { sessionId: name, clientId: clientid, viewer, tokenDigest: digest(token ?? '') });
      }
      return reply.status(verdict === 'ok' ? 204 : verdict === 'not_live' ? 404 : 403).send();
    });

    scope.post('/api/media/nginx/on-play-done', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx-rtmp on_play_done: a play this node let in is over', body: callbackSchema, hide: true },
    }, async (request, reply) => {
      // Only with the play's own token (nginx posts the play's arguments again): nobody keeps a play from a ban by posting here.
      const { name, clientid, token } = request.body;
      const key = playerKey(name, clientid ?? '');
      if (players.get(key)?.tokenDigest === digest(token ?? '')) players.delete(key);
      return reply.status(204).send();
    });

    // Replays (record all + on_record_done): the FLV moves into the session's recordings folder and is stored as
    // the embedded server's recordings are (MP4 remux where ffmpeg is, then LiveReplayReady: its thumbnail).
    scope.post('/api/media/nginx/on-record-done', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx-rtmp on_record_done: the recording becomes the session’s replay', body: callbackSchema, hide: true },
    }, async (request, reply) => {
      const { name, key } = request.body;
      const recording = await acceptRecording(name, key, request.body.path);
      if (recording) {
        const folder = path.join(options.recordings.recordingsDir, 'recordings', 'live', name);
        mkdirSync(folder, { recursive: true });
        // Named as the embedded server names its recordings (<milliseconds>.flv), which the replay route serves.
        const filePath = path.join(folder, `${recording.startedAt.getTime()}.flv`);
        moveFile(recording.filePath, filePath);
        const stored = storeFinishedRecording(gate, options.recordings.ffmpegPath, { sessionId: name, filePath, startedAt: recording.startedAt, endedAt: new Date() })
          .catch((error: unknown) => options.onError(error, 'storing an nginx-rtmp recording'));
        pendingRecordings.add(stored);
        void stored.finally(() => pendingRecordings.delete(stored));
      }
      return reply.status(204).send();
    });

    // HLS playlists through nginx's auth_request: nginx sends the original URI (/hls/<sessionId>.m3u8?token=…).
    scope.get('/api/media/nginx/play-check', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx auth_request for HLS playlists: 204 plays, 403 refuses', headers: z.object({ 'x-original-uri': z.string().max(2000).optional() }).passthrough(), hide: true },
    }, async (request, reply) => {
      const original = new URL(request.headers['x-original-uri'] ?? '/', 'http://media.invalid');
      const sessionId = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(original.pathname)?.[1] ?? '';
      const verdict = await gate.authorizePlay(sessionId, original.searchParams.get('token') ?? undefined);
      // auth_request understands 2xx, 401 and 403 only.
      return reply.status(verdict === 'ok' ? 204 : 403).send();
    });

    scope.post('/api/media/nginx/on-publish-done', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx-rtmp on_publish_done: the session ends after the grace period', body: callbackSchema, hide: true },
    }, async (request, reply) => {
      const { name, key, clientid = '' } = request.body;
      const connections = publishers.get(name);
      if (connections) {
        if (connections.get(clientid) === digest(key ?? '')) {
          connections.delete(clientid);
          if (connections.size > 0) return reply.status(204).send();
          publishers.delete(name);
          await gate.handlePublishStopped(name);
        }
      } else if (await gate.authorizePublish(name, key)) {
        // After a restart nothing is known: the current key still proves it.
        await gate.handlePublishStopped(name);
      }
      return reply.status(204).send();
    });
  });
}
