// The occupations catalogue (新职业, issue 12 Renovate): read by everyone, stated by hosts, recruiters and bureau
// staff, maintained by admins. Shapes from contracts/impact.ts (type imports only, so zod stays out of the bundle).
import type { Occupation, OccupationGroupKey } from '../../../../contracts/impact';
import { api } from '../../app/api';

export type { Occupation, OccupationGroupKey };

export const OCCUPATION_GROUP_KEYS: readonly OccupationGroupKey[] = ['tech_explorer', 'content_creator', 'business_trainer'];

/** The body of POST /api/admin/occupations and PUT /api/admin/occupations/:id. */
export type OccupationInput = {
  name: string;
  groupKey: OccupationGroupKey;
  classificationCode: string | null;
  announcementBatch: string | null;
  source: string;
};

type StatedOccupation = { occupation: Occupation | null };

export const occupationsApi = {
  list: () => api.get<{ occupations: Occupation[] }>('/api/occupations'),
  getMine: () => api.get<StatedOccupation>('/api/me/occupation'),
  stateMine: (occupationId: number | null) => api.put<StatedOccupation>('/api/me/occupation', { occupationId }),
  create: (input: OccupationInput) => api.post<Occupation>('/api/admin/occupations', input),
  update: (id: number, input: OccupationInput) => api.put<Occupation>(`/api/admin/occupations/${id}`, input),
};
