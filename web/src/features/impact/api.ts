// Calls of the impact report (server/src/modules/impact). Shapes come from contracts/impact.ts; type imports only.
import type { ImpactMethodView, ImpactReport, PublicImpactReport } from '../../../../contracts/impact';
import { api, type QueryValue } from '../../app/api';

export type { ImpactMethodView, ImpactReport, PublicImpactReport };

export type ImpactQuery = { from: string; to: string; province?: string; city?: string; national?: boolean; campaignId?: string };

/** The body of a new method version (POST /api/admin/impact/methods): the whole method, nothing inherited. */
export type ImpactMethodInput = {
  name: string;
  note: string;
  multiPlatformAdjustment: { value: number; source: string; isAssumption: boolean };
  components: Array<{ name: string; label: string; inputs: string[]; coefficient: number; source: string; isAssumption: boolean; multiPlatform: boolean }>;
};

function toParams(query: ImpactQuery): Record<string, QueryValue> {
  return { from: query.from, to: query.to, provinceCode: query.province, cityCode: query.city, campaignId: query.campaignId };
}

export const impactApi = {
  getReport: (query: ImpactQuery) => api.get<ImpactReport>('/api/impact', toParams(query)),
  getPublicReport: (query: ImpactQuery) => api.get<PublicImpactReport>('/api/public/impact', toParams(query)),
  listMethods: () => api.get<{ methods: ImpactMethodView[] }>('/api/impact/methods'),
  createMethod: (input: ImpactMethodInput) => api.post<ImpactMethodView>('/api/admin/impact/methods', input),
};
