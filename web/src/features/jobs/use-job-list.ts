import { useCallback, useEffect, useRef, useState } from 'react';
import { listJobs, PAGE_SIZE } from './api';
import { parseJobFilters } from './job-filters';
import { arrivedJobsPage, firstJobsPage } from './prefetch';
import type { Job } from './types';

/** `loadedFor` is the filter query the shown jobs answer (tests wait on it after changing filters). */
export type JobListState = { jobs: Job[]; total: number; page: number; isLoading: boolean; error: Error | null; loadedFor: string | null };

/** Jobs for a filter query string (as in the URL), first page on change, more pages on demand. */
export function useJobList(filterKey: string) {
  // When the first page has already arrived (the app's first screen waits for it, see main.tsx), it is drawn at once,
  // with no skeleton between the server's cards and the app's.
  const [state, setState] = useState<JobListState>(() => {
    const arrived = arrivedJobsPage(filterKey);
    return arrived
      ? { jobs: arrived.jobs, total: arrived.total, page: 1, isLoading: false, error: null, loadedFor: filterKey }
      : { jobs: [], total: 0, page: 1, isLoading: true, error: null, loadedFor: null };
  });
  const [attempt, setAttempt] = useState(0);
  const shownAtFirst = useRef(state.loadedFor);

  useEffect(() => {
    if (attempt === 0 && shownAtFirst.current === filterKey) {
      void firstJobsPage(filterKey); // takes the prefetched answer already shown
      return;
    }
    shownAtFirst.current = null;
    let isCurrent = true;
    setState((previous) => ({ ...previous, jobs: [], page: 1, isLoading: true, error: null, loadedFor: null }));
    firstJobsPage(filterKey)
      .then(({ jobs, total }) => isCurrent && setState({ jobs, total, page: 1, isLoading: false, error: null, loadedFor: filterKey }))
      .catch((error: Error) => isCurrent && setState((previous) => ({ ...previous, isLoading: false, error })));
    return () => {
      isCurrent = false;
    };
  }, [filterKey, attempt]);

  const loadMore = useCallback(async () => {
    const nextPage = state.page + 1;
    setState((previous) => ({ ...previous, isLoading: true }));
    try {
      const { jobs, total } = await listJobs(parseJobFilters(new URLSearchParams(filterKey)), nextPage);
      setState((previous) => ({ ...previous, jobs: [...previous.jobs, ...jobs], total, page: nextPage, isLoading: false, error: null }));
    } catch (error) {
      setState((previous) => ({ ...previous, isLoading: false, error: error as Error }));
    }
  }, [filterKey, state.page]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  const hasMore = state.jobs.length < state.total && state.page * PAGE_SIZE < state.total;
  return { state, hasMore, loadMore, retry };
}
