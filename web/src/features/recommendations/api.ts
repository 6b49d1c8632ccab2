// GET /api/recommendations and PUT /api/seeker/preferences (contracts/recommendations.ts; type imports only, so
// zod stays out of the bundle).
import type { SessionSummary } from '../../../../contracts/live';
import type { PreferencesBody, RecommendationBasis, RecommendationReason } from '../../../../contracts/recommendations';
import { api } from '../../app/api';
import type { Job } from '../jobs/types';

export type { RecommendationReason };
export type Recommendations = {
  basis: RecommendationBasis;
  jobs: Array<{ job: Job; score: number; reasons: RecommendationReason[] }>;
  sessions: Array<{ session: SessionSummary; score: number; reasons: RecommendationReason[] }>;
};

export const getRecommendations = (query: { cityCode?: string; categories?: string[] }) =>
  api.get<Recommendations>('/api/recommendations', { cityCode: query.cityCode, categories: query.categories?.length ? query.categories.join(',') : undefined });

export const savePreferences = (body: PreferencesBody) => api.put<unknown>('/api/seeker/preferences', body);
