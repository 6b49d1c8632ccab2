import { api } from '../../app/api';
import { toApiQuery, type JobFilters } from './job-filters';
import type { Job, JobInput } from './types';

export const PAGE_SIZE = 20;

export const listJobs = (filters: JobFilters, page: number) =>
  api.get<{ jobs: Job[]; total: number }>('/api/jobs', { ...toApiQuery(filters), page, pageSize: PAGE_SIZE });

export const getJob = (jobId: string) => api.get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`);

export const listOwnJobs = () => api.get<{ jobs: Job[] }>('/api/employer/jobs');

export const createJob = (input: JobInput) => api.post<Job>('/api/employer/jobs', input);

export const updateJob = (jobId: string, input: JobInput) => api.put<Job>(`/api/employer/jobs/${encodeURIComponent(jobId)}`, input);

export const setJobStatus = (jobId: string, status: 'open' | 'closed') =>
  api.post<Job>(`/api/employer/jobs/${encodeURIComponent(jobId)}/status`, { status });
