// REST calls of the live rooms. Shapes come from contracts/live.ts (shared with the server); type imports only,
// so zod stays out of the bundle.
import { api } from '../../app/api';
import type {
  ApplicationReceipt,
  ApplyBody,
  HostApplication,
  JobCount,
  ScheduleSessionBody,
  SessionDetail,
  SessionStatus,
  SessionSummary,
  StreamKeyInfo,
  StudioIngestInfo,
} from '../../../../contracts/live';

export type { ApplicationReceipt, HostApplication, JobCount, SessionDetail, SessionStatus, SessionSummary, StreamKeyInfo };

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export const listSessions = (query: { status?: SessionStatus[]; mine?: boolean; booked?: boolean; limit?: number } = {}) =>
  api.get<{ sessions: SessionSummary[] }>('/api/sessions', {
    status: query.status?.join(','),
    mine: query.mine ? 'true' : undefined,
    booked: query.booked ? 'true' : undefined,
    limit: query.limit,
  });

export const getSession = (sessionId: string) => api.get<SessionDetail>(sessionPath(sessionId));

/** The sessions presenting a job (its page): live and upcoming by default, replays with ['ended']. */
export const listJobSessions = (jobId: string, status: SessionStatus[]) =>
  api.get<{ sessions: SessionSummary[] }>(`/api/jobs/${encodeURIComponent(jobId)}/sessions`, { status: status.join(','), limit: 30 });

export const bookSession = (sessionId: string) => api.put<{ ok: true }>(`${sessionPath(sessionId)}/booking`, {});
export const cancelBooking = (sessionId: string) => api.delete<{ ok: true }>(`${sessionPath(sessionId)}/booking`);

/** ScheduleSessionBody with its defaults optional (the server fills them in). */
export type ScheduleSessionInput = Omit<ScheduleSessionBody, 'jobIds' | 'coverText'> & { jobIds?: string[]; coverText?: string };
export const scheduleSession = (input: ScheduleSessionInput) => api.post<SessionDetail>('/api/sessions', input);

export const getStreamKey = (sessionId: string) => api.get<StreamKeyInfo>(`${sessionPath(sessionId)}/stream-key`);
export const rotateStreamKey = (sessionId: string) => api.post<StreamKeyInfo>(`${sessionPath(sessionId)}/stream-key/rotate`);
/** 网页开播: a fresh WebSocket address for the host's studio (asked again on every reconnect). */
export const openStudio = (sessionId: string) => api.post<StudioIngestInfo>(`${sessionPath(sessionId)}/studio`);
export const endSession = (sessionId: string) => api.post<SessionDetail>(`${sessionPath(sessionId)}/end`);

/** ApplyBody as sent (the idempotency key and profile are optional). */
export type ApplyInput = ApplyBody;
export const applyToJob = (input: ApplyInput) => api.post<ApplicationReceipt>('/api/applications', input);

export const listSessionApplications = (sessionId: string, limit = 100) =>
  api.get<{ applications: HostApplication[]; counts: JobCount[] }>(`${sessionPath(sessionId)}/applications`, { limit });

/** The job ids this seeker has applied to (to show 已报名 on the cards). */
export const listMyAppliedJobIds = async (): Promise<string[]> => (await api.get<{ jobIds: string[] }>('/api/applications/mine/job-ids')).jobIds;

/** Open jobs a host can present (the public job search). */
export type PresentableJob = { id: string; title: string; companyName: string; cityName: string; status: 'open' | 'closed' };
export const searchPresentableJobs = (q: string) =>
  api.get<{ jobs: PresentableJob[]; total: number }>('/api/jobs', { q: q || undefined, page: 1, pageSize: 50 });

/** The chat word filter table (admins). */
export type WordFilterAction = 'block' | 'mask';
export type WordFilter = { id: number; word: string; action: WordFilterAction; createdAt: string };
export const listWordFilters = () => api.get<{ words: WordFilter[] }>('/api/live/word-filters');
/** Adds a word, or changes the action of a word already in the table. */
export const saveWordFilter = (word: string, action: WordFilterAction) => api.post<{ id: number }>('/api/live/word-filters', { word, action });
export const removeWordFilter = (id: number) => api.delete<{ ok: true }>(`/api/live/word-filters/${id}`);

/** Host accounts to name as a session's host (employers, bureaus and admins schedule for them). */
export const searchHosts = (q: string) => api.get<{ hosts: Array<{ id: string; displayName: string }> }>('/api/live/hosts', { q: q || undefined, limit: 20 });
