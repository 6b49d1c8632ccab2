// What a phone on mobile data downloads, and how long it may keep it:
// - the built web app (web/dist) is served pre-compressed: `npm run build` writes .br and .gz beside every
//   compressible file, so serving a script costs no CPU; hashed files under /assets/ are immutable for a year,
//   index.html, the service worker and the manifest are revalidated on every visit (a deploy shows at once);
// - other answers (API JSON, GeoJSON, /docs) are compressed on the fly above 1 KiB (Brotli quality 4, gzip);
// - API answers are `private, no-store` unless the route says otherwise, so that a shared cache (a proxy, a CDN)
//   never keeps one user's data for another; a public route may set its own cache-control (e.g. the map).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Types worth compressing; others (video segments, images) are already compressed, x-ndjson streams stay live. */
export const COMPRESSIBLE_TYPES = /^(?:text\/(?:html|css|javascript|plain|xml|csv)|application\/(?:json|javascript|geo\+json|manifest\+json|xml|yaml)|image\/svg\+xml)(?:\s*;|$)/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const PERSONAL = 'private, no-store';

export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], customTypes: COMPRESSIBLE_TYPES });
}

/** API answers default to private, no-store (set before the route runs, so a route may still override it). */
export function registerApiCachePolicy(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', PERSONAL);
  });
}

const isInside = (root: string, filePath: string) => {
  const relative = path.relative(root, filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

function cacheControlFor(filePath: string, root: string): string {
  const relative = path.relative(root, filePath).split(path.sep).join('/');
  if (relative.startsWith('assets/')) return IMMUTABLE;
  if (relative.startsWith('icons/')) return 'public, max-age=86400';
  return REVALIDATE;
}

/** A page's content as static HTML for index.html's #root (public content only: the same for every visitor). */
export type PageRenderer = (pathname: string, query: Record<string, unknown>) => Promise<{ title: string; html: string } | null>;

/** The first renderer's page that is not null. */
export function composePages(...renderers: PageRenderer[]): PageRenderer {
  return async (pathname, query) => {
    for (const render of renderers) {
      const page = await render(pathname, query);
      if (page) return page;
    }
    return null;
  };
}

const escapeTitle = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** index.html, re-read when a new build replaces it. */
function createIndexReader(file: string) {
  let cached: { mtimeMs: number; html: string } | null = null;
  return () => {
    const { mtimeMs } = statSync(file);
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

/** Serves the built web app from `root` (when it exists) with the SPA fallback to index.html for page URLs;
 * with `renderPage`, a page it knows (the job list, a job) arrives with its content already in the HTML. */
export async function registerWebApp(app: FastifyInstance, root: string, renderPage?: PageRenderer) {
  const readIndex = createIndexReader(path.join(root, 'index.html'));
  const hasApp = existsSync(path.join(root, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      // `/` goes through sendIndex too (its content may be pre-rendered), not straight to the file.
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // Other routes also send files through this plugin (thumbnails, recordings) and set their own policy.
        if (isInside(root, filePath)) reply.header('cache-control', cacheControlFor(filePath, root));
      },
    });
  }
  return {
    /** Answers a page URL with index.html (revalidated), or returns false when this is no page request. */
    async sendIndex(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
      const isPageRequest = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/socket.io') && !request.url.startsWith('/assets/');
      if (!isPageRequest || !hasApp) return false;
      reply.header('cache-control', REVALIDATE);
      reply.type('text/html; charset=utf-8');
      const page = renderPage ? await renderPage(request.url.split('?')[0], request.query as Record<string, unknown>).catch((error: unknown) => {
        // Without it the page still works: the app fetches the same content itself.
        request.log.warn({ err: error }, 'page pre-render failed');
        return null;
      }) : null;
      if (!page) {
        await reply.sendFile('index.html');
        return true;
      }
      const html = readIndex()
        .replace('<div id="root"></div>', () => `<div id="root">${page.html}</div>`)
        .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeTitle(page.title)}</title>`);
      await reply.send(html);
      return true;
    },
  };
}
