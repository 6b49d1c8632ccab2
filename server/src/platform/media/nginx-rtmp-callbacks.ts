import { createHash } from 'node:crypto';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../http.js';

export type ExternalPublishGate = {
  authorizePublish(sessionId: string, key: string | undefined): Promise<boolean>;
  handlePublishStarted(sessionId: string): Promise<void>;
  handlePublishStopped(sessionId: string): Promise<void>;
  authorizePlay(sessionId: string, token: unknown): Promise<'ok' | 'not_live' | 'forbidden'>;
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
}).passthrough();

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
export function registerNginxRtmpCallbacks(app: App, gate: ExternalPublishGate) {
  /** Session id → its accepted publishing connections (clientid → key digest). */
  const publishers = new Map<string, Map<string, string>>();
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
      const verdict = await gate.authorizePlay(request.body.name, request.body.token);
      return reply.status(verdict === 'ok' ? 204 : verdict === 'not_live' ? 404 : 403).send();
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
