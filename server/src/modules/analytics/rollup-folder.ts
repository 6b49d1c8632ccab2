import type { AnalyticsService } from './analytics.service.js';

export type RollupFolderOptions = {
  /** How often pending deltas are folded into the rollups. */
  intervalMs?: number;
  /** Every this many folds, vacuum the delta table (PGlite has no autovacuum; cheap on PostgreSQL). */
  vacuumEvery?: number;
};

/**
 * The listening server folds the applications' deltas into the rollups every second (migration 0060).
 * Figures never wait for it (they add the pending deltas); it only keeps the pending set small. Several nodes
 * may each run one: the database's advisory lock lets one fold at a time and the others skip that tick.
 * A tick never overlaps the previous one, and stop() waits for the one in flight before the database closes.
 */
export function startRollupFolder(analytics: Pick<AnalyticsService, 'foldRollupDeltas' | 'vacuumRollupDeltas'>, onError: (error: unknown) => void, options: RollupFolderOptions = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  const vacuumEvery = options.vacuumEvery ?? 300;
  let folds = 0;
  let isStopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const tick = async () => {
    const folded = await analytics.foldRollupDeltas();
    if (folded === null) return;
    folds += 1;
    if (folds % vacuumEvery === 0) await analytics.vacuumRollupDeltas();
  };
  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      inFlight = tick().catch(onError).finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return async function stop() {
    isStopped = true;
    if (timer) clearTimeout(timer);
    await inFlight;
  };
}
