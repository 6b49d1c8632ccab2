// Route loaders for the job list and a job page: they start the page's API request at once (see app/prefetch.ts).
import type { LoaderFunctionArgs } from 'react-router-dom';
import { peekPrefetched, prefetch, takePrefetched } from '../../app/prefetch';
import { getJob, listJobs } from './api';
import type { Job } from './types';
import { parseJobFilters, toSearchParams } from './job-filters';

const listKey = (filterKey: string) => `jobs?${filterKey}`;
const jobKey = (jobId: string) => `job:${jobId}`;

export function jobListLoader({ request }: LoaderFunctionArgs) {
  const filterKey = toSearchParams(parseJobFilters(new URL(request.url).searchParams)).toString();
  prefetch(listKey(filterKey), () => listJobs(parseJobFilters(new URLSearchParams(filterKey)), 1));
  return null;
}

export function jobLoader({ params }: LoaderFunctionArgs) {
  if (params.jobId) prefetch(jobKey(params.jobId), () => getJob(params.jobId!));
  return null;
}

export const firstJobsPage = (filterKey: string) => takePrefetched(listKey(filterKey), () => listJobs(parseJobFilters(new URLSearchParams(filterKey)), 1));
export const jobForPage = (jobId: string) => takePrefetched(jobKey(jobId), () => getJob(jobId));

/** The first page of jobs if its prefetched answer is already here (see peekPrefetched). */
export const arrivedJobsPage = (filterKey: string) => peekPrefetched<Awaited<ReturnType<typeof listJobs>>>(listKey(filterKey));
export const arrivedJob = (jobId: string) => peekPrefetched<Job>(jobKey(jobId));
