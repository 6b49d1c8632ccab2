// Calls of the analytics dashboard. Shapes come from contracts/analytics.ts (shared with the server).
import type { AnalyticsResponse, FigureName, PublicAnalyticsFigures } from '../../../../contracts/analytics';
import { api, withQuery, type QueryValue } from '../../app/api';

export type AnalyticsQuery = { from: string; to: string; province?: string; city?: string; national?: boolean; minSent?: number; campaign?: string };

const FIGURE_SLUGS: Record<FigureName, string> = {
  totals: 'totals',
  industries: 'industries',
  topCategories: 'top-categories',
  topCitiesByCategory: 'top-cities-by-category',
  topProvinces: 'top-provinces',
  attractiveness: 'attractiveness',
  tierFlows: 'tier-flows',
};

function toParams(query: AnalyticsQuery): Record<string, QueryValue> {
  return { from: query.from, to: query.to, province: query.province, city: query.city, national: query.national ? 'true' : undefined, minSent: query.minSent, campaign: query.campaign };
}

export const analyticsApi = {
  getFigures: (query: AnalyticsQuery) => api.get<AnalyticsResponse>('/api/analytics', toParams(query)),
  getPublicFigures: (query: AnalyticsQuery) => api.get<PublicAnalyticsFigures>('/api/public/analytics', toParams(query)),
  /** The configured China map (GeoJSON text), fetched once per page load. */
  async getMap(): Promise<object> {
    const response = await fetch('/api/public/analytics/map.geojson');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as object;
  },
  csvUrl(figure: FigureName, query: AnalyticsQuery, isPublic: boolean) {
    return withQuery(`${isPublic ? '/api/public/analytics' : '/api/analytics'}/${FIGURE_SLUGS[figure]}.csv`, toParams(query));
  },
};
