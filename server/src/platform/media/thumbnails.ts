import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';

/**
 * Thumbnails of live streams (and replays): one JPEG per session under `<dir>/<sessionId>.jpg`, replaced
 * atomically. The URL carries the file's time as `?v=`, so a card shows the newest frame while every version
 * can be cached for long.
 */
export type ThumbnailStore = {
  readonly dir: string;
  /** `/media/thumbnails/<id>.jpg?v=<ms>` when a frame exists, null otherwise (show the cover). */
  urlFor(sessionId: string): string | null;
  pathFor(sessionId: string): string;
};

const SESSION_ID = /^[0-9a-f-]{36}$/i;

export function createThumbnailStore(dir: string): ThumbnailStore {
  const pathFor = (sessionId: string) => path.join(dir, `${sessionId}.jpg`);
  return {
    dir,
    pathFor,
    urlFor(sessionId) {
      if (!SESSION_ID.test(sessionId)) return null;
      try {
        return `/media/thumbnails/${sessionId}.jpg?v=${Math.round(statSync(pathFor(sessionId)).mtimeMs)}`;
      } catch {
        return null;
      }
    },
  };
}

export type FrameSource = { sessionId: string; input: string; isLive: boolean };

export type CaptureResult = { ok: boolean; ms: number };

/**
 * One frame of `input` into `outputPath` with ffmpeg: only keyframes are decoded (`-skip_frame nokey`), the
 * frame is scaled to `width`, and the process runs at the lowest CPU priority. Written to a temporary file and
 * renamed, so a reader never sees half a JPEG.
 */
export function captureFrame(ffmpegPath: string, source: FrameSource, outputPath: string, options: { width: number; timeoutMs: number; nice: number }): Promise<CaptureResult> {
  const startedAt = Date.now();
  const temporary = `${outputPath}.${process.pid}.tmp.jpg`;
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
    // A live stream: the media server sends its cached GOP at once, so a short probe finds the keyframe.
    ...(source.isLive ? ['-rw_timeout', String(options.timeoutMs * 1000), '-probesize', '1000000', '-analyzeduration', '1000000'] : ['-ss', '2']),
    '-skip_frame', 'nokey', '-i', source.input,
    '-an', '-frames:v', '1', '-vf', `scale=${options.width}:-2`, '-q:v', '5', '-f', 'image2', temporary,
  ];
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath, args, { stdio: 'ignore' });
    try {
      if (child.pid && options.nice !== 0) setPriority(child.pid, options.nice);
    } catch {
      // Not allowed to change priority here: still capture.
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      if (ok) {
        try {
          renameSync(temporary, outputPath);
        } catch {
          ok = false;
        }
      }
      if (!ok) rmSync(temporary, { force: true });
      resolve({ ok, ms: Date.now() - startedAt });
    };
    child.on('error', () => finish(false));
    child.on('exit', (code) => finish(code === 0));
  });
}

export type ThumbnailWorker = {
  /** Captures one frame of a source soon (e.g. a finished recording), unless that room is already being captured. */
  enqueue(source: FrameSource): void;
  /** Runs one pass over the live sessions now (tests and the benchmark). */
  runOnce(): Promise<void>;
  stats(): { captures: number; failures: number; busyMs: number };
  stop(): Promise<void>;
};

/**
 * A small bounded worker: every `intervalMs` it asks for the live sessions and captures a frame of each whose
 * last capture is older than the interval, at most `concurrency` ffmpeg processes at once and never two for
 * the same room. A pass that takes longer than the interval simply delays the next one (with many rooms the
 * frames get older rather than the machine busier).
 */
export function startThumbnailWorker(deps: {
  ffmpegPath: string;
  store: ThumbnailStore;
  listLiveSources: () => Promise<FrameSource[]>;
  intervalMs: number;
  concurrency: number;
  width: number;
  /** The ffmpeg processes' niceness (0–19): higher yields the CPU to the app and the media server. */
  nice: number;
  onError?: (error: unknown) => void;
}): ThumbnailWorker {
  const { ffmpegPath, store, intervalMs, concurrency, width, nice } = deps;
  mkdirSync(store.dir, { recursive: true });
  const lastCapture = new Map<string, number>();
  const busy = new Set<string>();
  const queue: FrameSource[] = [];
  const running = new Set<Promise<void>>();
  const stats = { captures: 0, failures: 0, busyMs: 0 };
  let isStopped = false;
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<void> | null = null;

  function pump() {
    while (!isStopped && running.size < concurrency && queue.length > 0) {
      const source = queue.shift()!;
      if (busy.has(source.sessionId)) continue;
      busy.add(source.sessionId);
      // Generous: on a busy machine a niced ffmpeg waits its turn; one per room never piles up.
      const job = captureFrame(ffmpegPath, source, store.pathFor(source.sessionId), { width, nice, timeoutMs: Math.max(20_000, intervalMs * 3) })
        .then((result) => {
          stats.busyMs += result.ms;
          if (result.ok) stats.captures += 1;
          else stats.failures += 1;
          lastCapture.set(source.sessionId, Date.now());
        })
        .finally(() => {
          busy.delete(source.sessionId);
          running.delete(job);
          pump();
        });
      running.add(job);
    }
  }

  function enqueue(source: FrameSource) {
    if (isStopped || busy.has(source.sessionId) || queue.some((item) => item.sessionId === source.sessionId)) return;
    queue.push(source);
    pump();
  }

  async function waitForIdle() {
    for (;;) {
      if (running.size === 0) pump();
      if (running.size === 0) return;
      await Promise.race(running);
    }
  }

  async function runOnce() {
    const sources = await deps.listLiveSources();
    const live = new Set(sources.map((source) => source.sessionId));
    for (const sessionId of lastCapture.keys()) if (!live.has(sessionId)) lastCapture.delete(sessionId);
    const now = Date.now();
    for (const source of sources) {
      if (now - (lastCapture.get(source.sessionId) ?? 0) >= intervalMs * 0.9) enqueue(source);
    }
    await waitForIdle();
  }

  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      pass = runOnce().catch((error: unknown) => deps.onError?.(error)).finally(() => {
        pass = null;
        schedule();
      });
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    enqueue,
    runOnce,
    stats: () => ({ ...stats }),
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      queue.length = 0;
      await Promise.allSettled([...running]);
      await pass;
    },
  };
}
