/* Jobcast's service worker (web/build/service-worker.js; the build writes it to web/dist/sw.js with its id).
 * - Pages: the network first; offline, the app shell of THIS build (so a deploy never serves an old index.html
 *   to an online phone, and a new build installs a new worker that deletes the old shell).
 * - /assets/*: hashed and immutable, so from the cache once there.
 * - GET /api/jobs (public, the same for everyone) and /api/reference: the network first; the last answer is
 *   kept and given back offline with the header x-jobcast-saved-at, which the app shows as a notice.
 * - Nothing else, in particular no personal API answer, is cached. */
const BUILD_ID = '__BUILD_ID__';
const SHELL = ['__SHELL__'];
const SHELL_CACHE = `jobcast-shell-${BUILD_ID}`;
const DATA_CACHE = 'jobcast-data-v1';
const SAVED_AT = 'x-jobcast-saved-at';
const LAST_JOBS = '/api/jobs?__last';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('jobcast-shell-') && key !== SHELL_CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function saveCopy(request, response, alsoAs) {
  const body = await response.clone().arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  const copy = () => new Response(body, { status: response.status, headers });
  const cache = await caches.open(DATA_CACHE);
  await cache.put(request, copy());
  if (alsoAs) await cache.put(alsoAs, copy());
}

async function networkFirstData(event, url) {
  const isJobList = url.pathname === '/api/jobs';
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(saveCopy(event.request, response, isJobList ? LAST_JOBS : null));
    return response;
  } catch (error) {
    const cache = await caches.open(DATA_CACHE);
    const saved = (await cache.match(event.request)) ?? (isJobList ? await cache.match(LAST_JOBS) : undefined);
    if (saved) return saved;
    throw error;
  }
}

async function page(event) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const shell = await caches.match('/', { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw error;
  }
}

async function asset(event) {
  const cached = await caches.match(event.request, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(event.request, copy)));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(page(event));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(asset(event));
  if (url.pathname === '/api/jobs' || url.pathname === '/api/reference') return event.respondWith(networkFirstData(event, url));
});
