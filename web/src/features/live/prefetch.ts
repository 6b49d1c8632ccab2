// The live list's route loader: the sessions on now and upcoming are requested with the page's code (see
// app/prefetch.ts), and the page's first render draws them at once over the server's markup (live.pages.ts).
import { peekPrefetched, prefetch, takePrefetched } from '../../app/prefetch';
import { listSessions } from './api';

const CURRENT_KEY = 'sessions:current';
/** As many as server/src/modules/live/live.pages.ts draws. */
export const CURRENT_LIMIT = 60;
const loadCurrent = () => listSessions({ status: ['live', 'scheduled'], limit: CURRENT_LIMIT });

export function liveListLoader() {
  prefetch(CURRENT_KEY, loadCurrent);
  return null;
}

export const currentSessions = () => takePrefetched(CURRENT_KEY, loadCurrent);
export const arrivedCurrentSessions = () => peekPrefetched<Awaited<ReturnType<typeof loadCurrent>>>(CURRENT_KEY);
