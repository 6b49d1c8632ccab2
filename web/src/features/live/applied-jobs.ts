// The jobs the signed-in seeker has applied to, shared by every page that shows 已报名 (job list, job page,
// company and host pages, live rooms): loaded once per seeker, updated when an application is sent.
import { useEffect, useSyncExternalStore } from 'react';
import { useAuth } from '../../app/auth';
import { listMyAppliedJobIds } from './api';

type State = { userId: string | null; jobIds: ReadonlySet<string> };

let state: State = { userId: null, jobIds: new Set() };
let loading: { userId: string; promise: Promise<void> } | null = null;
const listeners = new Set<() => void>();

function setState(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Loads (or reloads) the seeker's applied job ids; a new user starts from an empty set. */
export function loadAppliedJobIds(userId: string): Promise<void> {
  if (state.userId !== userId) setState({ userId, jobIds: new Set() });
  if (loading?.userId === userId) return loading.promise;
  const promise = listMyAppliedJobIds()
    .then((jobIds) => {
      if (state.userId === userId) setState({ userId, jobIds: new Set([...state.jobIds, ...jobIds]) });
    })
    .catch(() => undefined)
    .finally(() => {
      if (loading?.promise === promise) loading = null;
    });
  loading = { userId, promise };
  return promise;
}

export function markJobApplied(userId: string, jobId: string) {
  if (state.userId === userId && state.jobIds.has(jobId)) return;
  setState({ userId, jobIds: new Set([...(state.userId === userId ? state.jobIds : []), jobId]) });
}

/** The applied job ids of the signed-in seeker (empty for anyone else). */
export function useAppliedJobIds(): ReadonlySet<string> {
  const { user } = useAuth();
  const seekerId = user?.role === 'seeker' ? user.id : null;
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (seekerId && current.userId !== seekerId) void loadAppliedJobIds(seekerId);
  }, [seekerId, current.userId]);
  return seekerId && current.userId === seekerId ? current.jobIds : EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
