// A page's first data requested by its route's loader, in parallel with the page's code (otherwise the request
// would start only after the lazy chunk has arrived and rendered: one more round trip on a slow 4G link).
// The page takes the answer once; an answer older than a few seconds is not used.
const FRESH_FOR_MS = 10_000;
const pending = new Map<string, { promise: Promise<unknown>; at: number }>();

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  const existing = pending.get(key);
  if (existing && Date.now() - existing.at < FRESH_FOR_MS) return;
  const promise = load();
  promise.catch(() => undefined); // an unused failed prefetch is not an unhandled rejection; the page retries
  pending.set(key, { promise, at: Date.now() });
}

/** The prefetched answer for `key`, or a fresh load. */
export function takePrefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const entry = pending.get(key);
  pending.delete(key);
  if (entry && Date.now() - entry.at < FRESH_FOR_MS) return entry.promise as Promise<T>;
  return load();
}
