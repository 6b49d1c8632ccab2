import { useCallback, useEffect, useState } from 'react';
import { listJobs, PAGE_SIZE } from './api';
import { parseJobFilters } from './job-filters';
import { firstJobsPage } from './prefetch';
import type { Job } from './types';

/** `loadedFor` is the filter query the shown jobs answer (tests wait on it after changing filters). */
export type JobListState = { jobs: Job[]; total: number; page: number; isLoading: boolean; error: Error | null; loadedFor: string | null };

/** Jobs for a filter query string (as in the URL), first page on change, more pages on demand. */
export function useJobList(filterKey: string) {
  const [state, setState] = useState<JobListState>({ jobs: [], total: 0, page: 1, isLoading: true, error: null, loadedFor: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
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
