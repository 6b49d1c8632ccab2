import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Cross-site request refusal. A browser names the page that sent a request in `Origin` (every POST, PUT,
 * PATCH and DELETE, and every WebSocket handshake); SameSite=Lax cookies do not stop a same-site page (the
 * media port, a sibling subdomain) from changing state. Allowed: PUBLIC_URL's origin, ALLOWED_ORIGINS, and a
 * page served by this very host (Origin's host:port equal to the request's Host — a browser cannot forge
 * Host, and this is what a deployment on a second address or the tests on a random port look like).
 *
 * A request WITHOUT an Origin header is let through: browsers always send one on the requests checked
 * here, so its absence means a non-browser client (the CLI, curl, integration tests, nginx's callbacks),
 * which carries no victim's cookie by accident. `Origin: null` (sandboxed frames, file: pages) is refused.
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  return typeof headers.host === 'string' && originHost !== '' && originHost === headers.host.toLowerCase();
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for methods that may change state (the ones checked). */
export function isStateChangingMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export const FOREIGN_ORIGIN_MESSAGE = 'Requests from other sites are not accepted / 不接受来自其他网站的请求';

/** Refuses state-changing HTTP requests from a foreign origin with 403, before access checks and parsing. */
export function registerOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]) {
  app.addHook('onRequest', async (request) => {
    if (isStateChangingMethod(request.method) && !isAllowedOrigin(request.headers, allowedOrigins)) {
      throw new AppError('forbidden', FOREIGN_ORIGIN_MESSAGE, { reason: 'foreign_origin' });
    }
  });
}
