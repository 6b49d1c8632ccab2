// The live list's and a live room's route loaders: their first answer is requested with the page's code (see
// app/prefetch.ts), and the page's first render draws it at once over the server's markup (live.pages.ts).
import { peekPrefetched, prefetch, takePrefetched } from '../../app/prefetch';
import type { LoaderFunctionArgs } from 'react-router-dom';
import { getSession, listSessions } from './api';

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

const roomKey = (sessionId: string) => `session:${sessionId}`;

export function liveRoomLoader({ params }: LoaderFunctionArgs) {
  if (params.sessionId) prefetch(roomKey(params.sessionId), () => getSession(params.sessionId!));
  return null;
}

export const sessionForRoom = (sessionId: string) => takePrefetched(roomKey(sessionId), () => getSession(sessionId));
export const arrivedSession = (sessionId: string) => peekPrefetched<Awaited<ReturnType<typeof getSession>>>(roomKey(sessionId));
