// A page's first data requested by its route's loader, in parallel with the page's code (otherwise the request
// would start only after the lazy chunk has arrived and rendered: one more round trip on a slow 4G link).
// The page takes the answer once; an answer older than a few seconds is not used.
const FRESH_FOR_MS = 10_000;
type Entry = { promise: Promise<unknown>; at: number; answer?: { value: unknown } };
const pending = new Map<string, Entry>();

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  const existing = pending.get(key);
  if (existing && Date.now() - existing.at < FRESH_FOR_MS) return;
  const entry: Entry = { promise: load(), at: Date.now() };
  entry.promise.then((value) => { entry.answer = { value }; }, () => undefined); // an unused failed prefetch is not an unhandled rejection; the page retries
  pending.set(key, entry);
}

/** The prefetched answer for `key`, or a fresh load. */
export function takePrefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const entry = pending.get(key);
  pending.delete(key);
  if (entry && Date.now() - entry.at < FRESH_FOR_MS) return entry.promise as Promise<T>;
  return load();
}

/** The prefetched answer for `key` if it has already arrived (left for takePrefetched): a page's first render
 * can then show it at once instead of a skeleton. */
export function peekPrefetched<T>(key: string): T | undefined {
  const entry = pending.get(key);
  return entry?.answer && Date.now() - entry.at < FRESH_FOR_MS ? (entry.answer.value as T) : undefined;
}

/** Resolves when every request prefetched so far has answered or failed. */
export async function whenPrefetched(): Promise<void> {
  await Promise.allSettled([...pending.values()].map((entry) => entry.promise));
}
