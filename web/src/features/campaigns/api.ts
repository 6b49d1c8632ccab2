// The campaigns API as the web app sees it (server/src/modules/campaigns). Shapes come from contracts/campaigns.ts;
// type imports only, so zod stays out of the bundle.
import { api } from '../../app/api';
import type {
  AttachableSession,
  CampaignDetail,
  CampaignInput,
  CampaignPhase,
  CampaignSession,
  CampaignSummary,
  CampaignTotals,
} from '../../../../contracts/campaigns';
import type { SessionSummary } from '../../../../contracts/live';

export type { AttachableSession, CampaignDetail, CampaignInput, CampaignPhase, CampaignSession, CampaignSummary, CampaignTotals, SessionSummary };

const campaignPath = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}`;

export const campaignsApi = {
  list: (query: { phase?: CampaignPhase; mine?: boolean; limit?: number; province?: string } = {}) =>
    api.get<{ campaigns: CampaignSummary[] }>('/api/campaigns', { phase: query.phase, mine: query.mine ? 'true' : undefined, limit: query.limit, province: query.province }),
  get: (campaignId: string) => api.get<CampaignDetail>(campaignPath(campaignId)),
  create: (input: CampaignInput) => api.post<CampaignDetail>('/api/campaigns', input),
  update: (campaignId: string, input: CampaignInput) => api.put<CampaignDetail>(campaignPath(campaignId), input),
  listAttachable: (campaignId: string, search: string) =>
    api.get<{ sessions: AttachableSession[] }>(`${campaignPath(campaignId)}/attachable-sessions`, { q: search || undefined }),
  attach: (campaignId: string, sessionId: string) => api.put<CampaignDetail>(`${campaignPath(campaignId)}/sessions/${encodeURIComponent(sessionId)}`, {}),
  detach: (campaignId: string, sessionId: string) => api.delete<CampaignDetail>(`${campaignPath(campaignId)}/sessions/${encodeURIComponent(sessionId)}`),
  /** The campaign's sessions as the live list shows them (countdown, booking), for its public page. */
  listSessions: (campaignId: string) =>
    api.get<{ sessions: SessionSummary[] }>('/api/sessions', { campaignId, status: 'live,scheduled,ended', limit: 100 }),
};
