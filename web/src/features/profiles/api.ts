// The public company and host pages' calls. Shapes: companies' public shape, contracts/live.ts and
// contracts/profiles.ts (type imports only, so zod stays out of the bundle).
import { api } from '../../app/api';
import type { SessionStatus, SessionSummary } from '../../../../contracts/live';
import type { PublicHost } from '../../../../contracts/profiles';
import type { Company } from '../companies/api';
import type { Job } from '../jobs/types';

export type { PublicHost, SessionSummary };

/** GET /api/companies/:id — verified companies only for the public (404 otherwise). */
export type PublicCompany = Omit<Company, 'creditCode' | 'reviewReason'>;

const path = (value: string) => encodeURIComponent(value);
const statusQuery = (status: SessionStatus[]) => ({ status: status.join(','), limit: 30 });

export const getPublicCompany = (companyId: string) => api.get<PublicCompany>(`/api/companies/${path(companyId)}`);
export const listCompanyJobs = (companyId: string) => api.get<{ jobs: Job[]; total: number }>('/api/jobs', { companyId, pageSize: 50 });
export const listCompanySessions = (companyId: string, status: SessionStatus[]) =>
  api.get<{ sessions: SessionSummary[] }>(`/api/companies/${path(companyId)}/sessions`, statusQuery(status));

/** The open jobs a host presents in its sessions. */
export const listHostJobs = (hostUserId: string) => api.get<{ jobs: Job[]; total: number }>('/api/jobs', { hostUserId, pageSize: 50 });

export const getPublicHost = (hostUserId: string) => api.get<PublicHost>(`/api/hosts/${path(hostUserId)}`);
export const listHostSessions = (hostUserId: string, status: SessionStatus[]) =>
  api.get<{ sessions: SessionSummary[] }>(`/api/hosts/${path(hostUserId)}/sessions`, statusQuery(status));
