import { describe, expect, it } from 'vitest';
import type { AnalyticsResponse, PublicAnalyticsFigures } from '../../../../contracts/analytics.js';
import { suppressSmallCounts, type CityFacts } from './suppression.js';

const base: AnalyticsResponse = {
  window: { from: '2022-08-01', to: '2023-01-31' },
  region: null,
  minSent: 30,
  containsSyntheticData: false,
  regionFlows: null,
  totals: { applications: 120, sessions: 12, companies: 9, jobs: 40, hires: 0 },
  industries: [
    { industry: '制造业', applications: 90, share: 0.75 },
    { industry: '建筑业', applications: 25, share: 0.2083 },
    { industry: '住宿和餐饮业', applications: 5, share: 0.0417 },
  ],
  topCategories: [
    { category: '普工', applications: 80 },
    { category: '技工', applications: 30 },
    { category: '司机', applications: 6 },
    { category: '保安', applications: 4 },
  ],
  topCitiesByCategory: [
    { category: '普工', cities: [{ city: '苏州', cityCode: '320500', applications: 70 }, { city: '无锡', cityCode: '320200', applications: 10 }] },
  ],
  topProvinces: [{ province: '江苏', provinceCode: '32', applications: 120 }],
  attractiveness: [
    { city: '苏州', cityCode: '320500', received: 70, sent: 35, index: 2 },
    { city: '合肥', cityCode: '340100', received: 9, sent: 40, index: 0.225 },
  ],
  tierFlows: [
    { from: 'new1', to: 'new1', applications: 100 },
    { from: '3', to: 'new1', applications: 20 },
  ],
};

// Province and tier of the cities in these fixtures (reference/geo/cities.csv).
const CITIES: CityFacts = new Map([
  ['370100', { provinceCode: '37', tier: '2' }],
  ['370200', { provinceCode: '37', tier: 'new1' }],
  ['370600', { provinceCode: '37', tier: '2' }],
  ['371300', { provinceCode: '37', tier: '2' }],
  ['320500', { provinceCode: '32', tier: 'new1' }],
  ['320200', { provinceCode: '32', tier: 'new1' }],
  ['340100', { provinceCode: '34', tier: 'new1' }],
  ['350100', { provinceCode: '35', tier: '2' }],
  ['350200', { provinceCode: '35', tier: '2' }],
  ['350500', { provinceCode: '35', tier: '2' }],
  ['350300', { provinceCode: '35', tier: '3' }],
]);

describe('public suppression', () => {
  const result = suppressSmallCounts(base, 10, CITIES);

  it('hides every count below the threshold, including zero, and says so', () => {
    expect(result.totals).toEqual({ applications: 120, sessions: 12, companies: null, jobs: 40, hires: null, suppressed: ['companies', 'hires'] });
    expect(result.topCitiesByCategory[0].cities.map((city) => city.applications)).toEqual([70, 10]);
    expect(result.attractiveness[1]).toEqual({ city: '合肥', cityCode: '340100', received: null, sent: 40, index: null, suppressed: true });
    expect(result.attractiveness[0].suppressed).toBe(false);
  });

  it('hides a second cell where a lone hidden one could be recovered from the total', () => {
    // 住宿和餐饮业 (5) alone would be 120 − 90 − 25: 建筑业, the smallest published one, goes too.
    // Withheld cells follow the published ones by name, not by size: their order would rank them (25 above 5).
    expect(result.industries).toEqual([
      { industry: '制造业', applications: 90, share: 0.75, suppressed: false },
      { industry: '住宿和餐饮业', applications: null, share: null, suppressed: true },
      { industry: '建筑业', applications: null, share: null, suppressed: true },
    ]);
    // Two small ones already hide each other.
    expect(result.topCategories.map((item) => item.applications)).toEqual([80, 30, null, null]);
    expect(result.tierFlows.map((item) => item.applications)).toEqual([100, 20]);
  });

  it('counts the hidden cells', () => {
    expect(result.suppression).toEqual({ threshold: 10, cells: 2 + 2 + 2 + 1 });
  });

  it('does not add secondary suppression when the total itself is hidden', () => {
    const tiny = suppressSmallCounts({ ...base, totals: { ...base.totals, applications: 7 }, industries: [{ industry: '制造业', applications: 5, share: 0.7143 }, { industry: '建筑业', applications: 2, share: 0.2857 }] }, 10, CITIES);
    expect(tiny.totals.applications).toBeNull();
    expect(tiny.industries.every((item) => item.applications === null)).toBe(true);
  });
});

/**
 * The demo's 福建 for 2022-08-01 … 2023-01-31 (minSent 1): two categories, each in one city. Withholding
 * 家政保洁员 (9) and then 普工 (43, so 9 is not 52 − 43) is not enough when the top-3 table still shows
 * 普工's only city with 43, or 泉州's received count (43) shows it.
 */
const fujian: AnalyticsResponse = {
  window: { from: '2022-08-01', to: '2023-01-31' },
  region: { kind: 'province', code: '35', name: '福建' },
  regionFlows: null,
  minSent: 1,
  containsSyntheticData: true,
  totals: { applications: 52, sessions: 2, companies: 2, jobs: 2, hires: 11 },
  industries: [{ industry: '制造业', applications: 43, share: 0.8269 }, { industry: '居民服务、修理和其他服务业', applications: 9, share: 0.1731 }],
  topCategories: [{ category: '普工', applications: 43 }, { category: '家政保洁员', applications: 9 }],
  topCitiesByCategory: [
    { category: '普工', cities: [{ city: '泉州', cityCode: '350500', applications: 43 }] },
    { category: '家政保洁员', cities: [{ city: '厦门', cityCode: '350200', applications: 9 }] },
  ],
  topProvinces: [{ province: '福建', provinceCode: '35', applications: 52 }],
  attractiveness: [
    { city: '泉州', cityCode: '350500', received: 43, sent: 10, index: 4.3 },
    { city: '厦门', cityCode: '350200', received: 9, sent: 6, index: 1.5 },
    { city: '福州', cityCode: '350100', received: 0, sent: 5, index: 0 },
    { city: '莆田', cityCode: '350300', received: 0, sent: 8, index: 0 },
  ],
  tierFlows: [
    { from: 'new1', to: '2', applications: 4 },
    { from: '2', to: '2', applications: 5 },
    { from: '3', to: '2', applications: 12 },
    { from: '4', to: '2', applications: 18 },
    { from: '5', to: '2', applications: 13 },
  ],
};

/**
 * Shaped like the demo's 山东: the flows into tier 2 add up to the received counts of its tier-2 cities,
 * one of which (烟台) received nothing — a withheld zero a reader can still infer, so it covers nothing.
 */
const shandong: AnalyticsResponse = {
  ...fujian,
  region: { kind: 'province', code: '37', name: '山东' },
  totals: { applications: 60, sessions: 12, companies: 11, jobs: 20, hires: 10 },
  industries: [{ industry: '制造业', applications: 60, share: 1 }],
  topCategories: [{ category: '客服', applications: 34 }, { category: '普工', applications: 26 }],
  topCitiesByCategory: [
    { category: '客服', cities: [{ city: '临沂', cityCode: '371300', applications: 24 }, { city: '济南', cityCode: '370100', applications: 10 }] },
    { category: '普工', cities: [{ city: '青岛', cityCode: '370200', applications: 26 }] },
  ],
  topProvinces: [{ province: '山东', provinceCode: '37', applications: 60 }],
  attractiveness: [
    { city: '青岛', cityCode: '370200', received: 26, sent: 18, index: 1.4444 },
    { city: '临沂', cityCode: '371300', received: 24, sent: 20, index: 1.2 },
    { city: '济南', cityCode: '370100', received: 10, sent: 15, index: 0.6667 },
    { city: '烟台', cityCode: '370600', received: 0, sent: 11, index: 0 },
  ],
  tierFlows: [
    { from: '1', to: 'new1', applications: 2 },
    { from: 'new1', to: 'new1', applications: 7 },
    { from: '5', to: 'new1', applications: 17 },
    { from: '1', to: '2', applications: 4 },
    { from: '4', to: '2', applications: 30 },
  ],
};

type Unknown = { truth: number; shown: number | null };

/**
 * A reader who subtracts: every relation that holds exactly in the true figures (a total and its
 * complete list, a category and its cities, a city's received count and its top-3 cells, a province
 * and its cities, the flows into a tier and that tier's cities) is solved whenever one value in it is
 * unknown, again and again. Returns the withheld non-zero counts below 10 it recovered.
 */
function subtract(truth: AnalyticsResponse, shown: PublicAnalyticsFigures, cities: CityFacts) {
  const pair = (a: number, b: number | null): Unknown => ({ truth: a, shown: b });
  const total = pair(truth.totals.applications, shown.totals.applications);
  const industries = truth.industries.map((item, i) => pair(item.applications, shown.industries[i].applications));
  const categories = truth.topCategories.map((item, i) => pair(item.applications, shown.topCategories[i].applications));
  const cells = truth.topCitiesByCategory.map((group, i) => group.cities.map((city, j) => ({ category: group.category, code: city.cityCode, value: pair(city.applications, shown.topCitiesByCategory[i].cities[j].applications) })));
  const provinces = truth.topProvinces.map((item, i) => ({ code: item.provinceCode, value: pair(item.applications, shown.topProvinces[i].applications) }));
  const received = truth.attractiveness.map((item, i) => ({ code: item.cityCode, value: pair(item.received, shown.attractiveness[i].received) }));
  const flows = truth.tierFlows.map((item, i) => ({ to: item.to, value: pair(item.applications, shown.tierFlows[i].applications) }));

  const relations: Array<{ whole: Unknown[]; parts: Unknown[] }> = [
    { whole: [total], parts: industries },
    { whole: [total], parts: categories },
    { whole: [total], parts: provinces.map((item) => item.value) },
    { whole: [total], parts: flows.map((item) => item.value) },
    { whole: [total], parts: received.map((item) => item.value) },
    ...categories.map((category, i) => ({ whole: [category], parts: cells.flat().filter((cell) => cell.category === truth.topCategories[i].category).map((cell) => cell.value) })),
    ...received.map((city) => ({ whole: [city.value], parts: cells.flat().filter((cell) => cell.code === city.code).map((cell) => cell.value) })),
    ...provinces.map((province) => ({ whole: [province.value], parts: received.filter((city) => cities.get(city.code)?.provinceCode === province.code).map((city) => city.value) })),
    ...['1', 'new1', '2', '3', '4', '5'].map((tier) => ({
      whole: flows.filter((flow) => flow.to === tier).map((flow) => flow.value),
      parts: received.filter((city) => cities.get(city.code)?.tier === tier).map((city) => city.value),
    })),
  ];
  const exact = relations.filter(({ whole, parts }) => whole.reduce((s, v) => s + v.truth, 0) === parts.reduce((s, v) => s + v.truth, 0));
  const known = new Map<Unknown, number>();
  const value = (item: Unknown) => item.shown ?? known.get(item);
  const recovered: number[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (const { whole, parts } of exact) {
      const unknown = [...whole, ...parts].filter((item) => value(item) === undefined);
      if (unknown.length !== 1) continue;
      const [target] = unknown;
      const sumOf = (items: Unknown[]) => items.filter((item) => item !== target).reduce((s, item) => s + value(item)!, 0);
      const solved = whole.includes(target) ? sumOf(parts) - sumOf(whole) : sumOf(whole) - sumOf(parts);
      known.set(target, solved);
      // A zero can be inferred (no city of a complete list received anything): it singles no one out.
      if (target.truth > 0 && target.truth < 10) recovered.push(solved);
      progress = true;
    }
  }
  return recovered;
}

describe('public suppression across linked figures', () => {
  const result = suppressSmallCounts(fujian, 10, CITIES);

  it("withholds a category's cities and a city's received count when they would give a withheld category back", () => {
    expect(result.topCategories.map((item) => item.applications)).toEqual([null, null]);
    expect(result.topCitiesByCategory.map((group) => group.cities.map((city) => city.applications))).toEqual([[null], [null]]);
    expect(result.attractiveness.find((item) => item.city === '泉州')).toMatchObject({ received: null, sent: 10, index: null, suppressed: true });
    expect(result.totals.applications).toBe(52);
  });

  it('leaves nothing a reader can recover by subtraction', () => {
    expect(subtract(fujian, result, CITIES)).toEqual([]);
    expect(subtract(base, suppressSmallCounts(base, 10, CITIES), CITIES)).toEqual([]);
    const shown = suppressSmallCounts(shandong, 10, CITIES);
    expect(subtract(shandong, shown, CITIES)).toEqual([]);
    // 4 = (24 + 10 + 0) − 30 unless another cell of that link is withheld: 济南's 10, the smallest.
    expect(shown.tierFlows.map((flow) => flow.applications)).toEqual([null, null, 17, null, 30]);
    expect(shown.totals.applications).toBe(60);
  });
});
