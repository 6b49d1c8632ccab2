import type { AnalyticsResponse, PublicAnalyticsFigures, Tier } from '../../../../contracts/analytics';
import type { Language } from '../../app/i18n';
import type { ReferenceData } from '../../app/reference';

/** A count, or null when the public page withholds it (below the threshold, or one that would give such a count away). */
export type Count = number | null;

/**
 * How a withheld value is shown: one neutral mark for every withheld cell, since some are withheld only
 * because they would give a small count away (those are 10 or more: “<10” would misinform).
 */
export const WITHHELD = '*';

/** One shape for both dashboards: the public one has nulls where counts are withheld. */
export type FiguresView = {
  window: { from: string; to: string };
  minSent: number;
  containsSyntheticData: boolean;
  /** The public threshold, or null for the full figures. */
  threshold: number | null;
  totals: { applications: Count; sessions: Count; companies: Count; jobs: Count; hires: Count };
  industries: Array<{ name: string; applications: Count; share: Count }>;
  categories: Array<{ name: string; applications: Count }>;
  topCities: Array<{ category: string; cities: Array<{ name: string; code: string; applications: Count }> }>;
  provinces: Array<{ name: string; code: string; applications: Count }>;
  attractiveness: Array<{ name: string; code: string; received: Count; sent: Count; index: Count }>;
  tierFlows: Array<{ from: Tier; to: Tier; applications: Count }>;
  /** A province's own picture (null for the whole country or a city). */
  regionFlows: {
    provinceCode: string;
    within: Count;
    cities: Array<{ name: string; code: string; received: Count; sent: Count }>;
    inflows: Array<{ name: string; code: string; applications: Count }>;
    outflows: Array<{ name: string; code: string; applications: Count }>;
  } | null;
};

/** Names come from the server in Chinese; English readers get the reference data's English names. */
export type Names = {
  industry(name: string): string;
  category(name: string): string;
  city(code: string, name: string): string;
  province(code: string, name: string): string;
};

export function namesFor(reference: ReferenceData | null, language: Language): Names {
  if (language === 'zh' || !reference) {
    return { industry: (name) => name, category: (name) => name, city: (_code, name) => name, province: (_code, name) => name };
  }
  const industries = new Map(reference.industries.map((item) => [item.name, item.nameEn]));
  const categories = new Map(reference.categories.map((item) => [item.name, item.nameEn]));
  return {
    industry: (name) => industries.get(name) ?? name,
    category: (name) => categories.get(name) ?? name,
    city: (code, name) => reference.cityByCode.get(code)?.nameEn ?? name,
    province: (code, name) => reference.provinceByCode.get(code)?.nameEn ?? name,
  };
}

export function toView(figures: AnalyticsResponse | PublicAnalyticsFigures, names: Names): FiguresView {
  const threshold = 'suppression' in figures ? figures.suppression.threshold : null;
  return {
    window: figures.window,
    minSent: figures.minSent,
    containsSyntheticData: figures.containsSyntheticData,
    threshold,
    totals: {
      applications: figures.totals.applications,
      sessions: figures.totals.sessions,
      companies: figures.totals.companies,
      jobs: figures.totals.jobs,
      hires: figures.totals.hires,
    },
    industries: figures.industries.map((item) => ({ name: names.industry(item.industry), applications: item.applications, share: item.share })),
    categories: figures.topCategories.map((item) => ({ name: names.category(item.category), applications: item.applications })),
    topCities: figures.topCitiesByCategory.map((group) => ({
      category: names.category(group.category),
      cities: group.cities.map((city) => ({ name: names.city(city.cityCode, city.city), code: city.cityCode, applications: city.applications })),
    })),
    provinces: figures.topProvinces.map((item) => ({ name: names.province(item.provinceCode, item.province), code: item.provinceCode, applications: item.applications })),
    attractiveness: figures.attractiveness.map((item) => ({ name: names.city(item.cityCode, item.city), code: item.cityCode, received: item.received, sent: item.sent, index: item.index })),
    tierFlows: figures.tierFlows.map((flow) => ({ from: flow.from, to: flow.to, applications: flow.applications })),
    regionFlows: figures.regionFlows && figures.region?.kind === 'province' ? {
      provinceCode: figures.region.code,
      within: figures.regionFlows.within,
      cities: figures.regionFlows.cities.map((item) => ({ name: names.city(item.cityCode, item.city), code: item.cityCode, received: item.received, sent: item.sent })),
      inflows: figures.regionFlows.inflows.map((item) => ({ name: names.province(item.provinceCode, item.province), code: item.provinceCode, applications: item.applications })),
      outflows: figures.regionFlows.outflows.map((item) => ({ name: names.province(item.provinceCode, item.province), code: item.provinceCode, applications: item.applications })),
    } : null,
  };
}

export function formatCount(value: Count, language: Language): string {
  if (value === null) return WITHHELD;
  return value.toLocaleString(language === 'en' ? 'en' : 'zh-CN');
}
