import { createHash } from 'node:crypto';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../http.js';

export type ExternalPublishGate = {
  authorizePublish(sessionId: string, key: string | undefined): Promise<boolean>;
  handlePublishStarted(sessionId: string): Promise<void>;
  handlePublishStopped(sessionId: string): void;
};

const callbackSchema = z.object({
  call: z.string().optional(),
  app: z.string().optional(),
  name: z.string().default(''),
  key: z.string().optional(),
  /** nginx-rtmp's connection number for the publisher. */
  clientid: z.string().optional(),
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
          gate.handlePublishStopped(name);
        }
      } else if (await gate.authorizePublish(name, key)) {
        // After a restart nothing is known: the current key still proves it.
        gate.handlePublishStopped(name);
      }
      return reply.status(204).send();
    });
  });
}
