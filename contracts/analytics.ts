// The resume-flow analytics (issue 5): the figures' shape, shared by the server, the CLI and the web.

export const TIERS = ['1', 'new1', '2', '3', '4', '5'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Record<Tier, { zh: string; en: string }> = {
  '1': { zh: '一线', en: 'Tier 1' },
  new1: { zh: '新一线', en: 'New tier 1' },
  '2': { zh: '二线', en: 'Tier 2' },
  '3': { zh: '三线', en: 'Tier 3' },
  '4': { zh: '四线', en: 'Tier 4' },
  '5': { zh: '五线', en: 'Tier 5' },
};

export type AnalyticsTotals = { applications: number; sessions: number; companies: number; jobs: number; hires: number };

/**
 * A province's own picture (issue 12, Widespread): its cities with what each received (job city) and sent (seeker
 * city), the applications that stayed in the province, came in from each other province and went out to each.
 * Only when the region is a province (null for the whole country or a city).
 */
export type RegionFlows = {
  within: number;
  cities: Array<{ city: string; cityCode: string; received: number; sent: number }>;
  inflows: Array<{ province: string; provinceCode: string; applications: number }>;
  outflows: Array<{ province: string; provinceCode: string; applications: number }>;
};

/** Exactly the keys the issue lists for `jobcast analytics --json` (regionFlows is the dashboard's and the impact report's, not the CLI's). */
export type AnalyticsFigures = {
  window: { from: string; to: string };
  totals: AnalyticsTotals;
  industries: Array<{ industry: string; applications: number; share: number }>;
  topCategories: Array<{ category: string; applications: number }>;
  topCitiesByCategory: Array<{ category: string; cities: Array<{ city: string; cityCode: string; applications: number }> }>;
  topProvinces: Array<{ province: string; provinceCode: string; applications: number }>;
  attractiveness: Array<{ city: string; cityCode: string; received: number; sent: number; index: number }>;
  tierFlows: Array<{ from: Tier; to: Tier; applications: number }>;
  regionFlows: RegionFlows | null;
};

export const FIGURE_NAMES = ['totals', 'industries', 'topCategories', 'topCitiesByCategory', 'topProvinces', 'attractiveness', 'tierFlows'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** The region the figures were computed for (null: the whole country). */
export type AnalyticsRegion = { kind: 'province'; code: string; name: string } | { kind: 'city'; code: string; name: string; provinceCode: string } | null;

/** containsSyntheticData: some applications in the window are generated demo data (labelled wherever shown). */
export type AnalyticsResponse = AnalyticsFigures & { region: AnalyticsRegion; minSent: number; containsSyntheticData: boolean };

/** Cells below this count are never published on the public page (null + suppressed: true). */
export const PUBLIC_MIN_COUNT = 10;

type Suppressible<T, Keys extends keyof T> = Omit<T, Keys> & { [K in Keys]: number | null } & { suppressed: boolean };

export type PublicAnalyticsFigures = {
  window: { from: string; to: string };
  totals: { [K in keyof AnalyticsTotals]: number | null } & { suppressed: Array<keyof AnalyticsTotals> };
  industries: Array<Suppressible<AnalyticsFigures['industries'][number], 'applications' | 'share'>>;
  topCategories: Array<Suppressible<AnalyticsFigures['topCategories'][number], 'applications'>>;
  topCitiesByCategory: Array<{
    category: string;
    cities: Array<Suppressible<AnalyticsFigures['topCitiesByCategory'][number]['cities'][number], 'applications'>>;
  }>;
  topProvinces: Array<Suppressible<AnalyticsFigures['topProvinces'][number], 'applications'>>;
  attractiveness: Array<Suppressible<AnalyticsFigures['attractiveness'][number], 'received' | 'sent' | 'index'>>;
  tierFlows: Array<Suppressible<AnalyticsFigures['tierFlows'][number], 'applications'>>;
  regionFlows: {
    within: number | null;
    cities: Array<Suppressible<RegionFlows['cities'][number], 'received' | 'sent'>>;
    inflows: Array<Suppressible<RegionFlows['inflows'][number], 'applications'>>;
    outflows: Array<Suppressible<RegionFlows['outflows'][number], 'applications'>>;
  } | null;
  region: AnalyticsRegion;
  minSent: number;
  containsSyntheticData: boolean;
  suppression: { threshold: number; cells: number };
};
