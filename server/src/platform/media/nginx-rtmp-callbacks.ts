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
}).passthrough();

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * MEDIA_MODE=external: nginx-rtmp's `on_publish` / `on_publish_done` callbacks. nginx posts a form with
 * `name` (the stream name, our session id) and the publish URL's query arguments (`key`). 2xx accepts the
 * publisher, 403 refuses it. `on_publish_done` counts only for a publish this server accepted with the same key,
 * so nobody can end someone else's session by posting to it.
 */
export function registerNginxRtmpCallbacks(app: App, gate: ExternalPublishGate) {
  const accepted = new Map<string, string>();
  app.register(async (plainScope) => {
    const scope = plainScope.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.post('/api/media/nginx/on-publish', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx-rtmp on_publish: 204 accepts the publisher, 403 refuses it', body: callbackSchema, hide: true },
    }, async (request, reply) => {
      const { name, key } = request.body;
      if (!(await gate.authorizePublish(name, key))) return reply.status(403).send({ ok: false });
      accepted.set(name, digest(key ?? ''));
      await gate.handlePublishStarted(name);
      return reply.status(204).send();
    });

    scope.post('/api/media/nginx/on-publish-done', {
      config: { access: 'public' },
      schema: { tags: ['media'], summary: 'nginx-rtmp on_publish_done: the session ends after the grace period', body: callbackSchema, hide: true },
    }, async (request, reply) => {
      const { name, key } = request.body;
      // After a restart the map is empty: the current key still proves it.
      if (accepted.get(name) === digest(key ?? '') || (await gate.authorizePublish(name, key))) {
        accepted.delete(name);
        gate.handlePublishStopped(name);
      }
      return reply.status(204).send();
    });
  });
}
