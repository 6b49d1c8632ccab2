import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export type SecurityHeaderOptions = {
  /** COOKIE_SECURE=true: served over HTTPS, so HSTS and upgrade-insecure-requests are sent. */
  isHttps: boolean;
  /** Origins the players read video from (the media port's HTTP-FLV, an external CDN); read per response. */
  mediaOrigins: () => string[];
};

/** http://media:8000 → ws://media:8000 (mpegts.js can read WebSocket-FLV from the same server). */
function withWebSocketOrigins(origins: string[]): string[] {
  return origins.flatMap((origin) => [origin, origin.replace(/^http/, 'ws')]);
}

/**
 * Response headers through @fastify/helmet. The Content-Security-Policy is what the web app, the players
 * (mpegts.js: MediaSource blob: URLs and a blob: worker; HTTP-FLV/WS-FLV from the media port), ECharts
 * (canvas) and /docs (swagger-ui: its own scripts, inline styles, data: images) need and no more; antd
 * writes its styles at run time, hence style-src 'unsafe-inline' (scripts stay 'self' only). The browser
 * tests fail on any CSP violation (e2e/support.ts). No framing at all; no Referer leaves the app.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions) {
  const media = () => options.mediaOrigins().join(' ');
  const mediaAndSockets = () => withWebSocketOrigins(options.mediaOrigins()).join(' ');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', media],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:', media],
        connectSrc: ["'self'", mediaAndSockets],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: options.isHttps ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    // The app embeds no cross-origin documents; video comes through fetch/MSE, which COEP would complicate.
    crossOriginEmbedderPolicy: false,
  });
}
