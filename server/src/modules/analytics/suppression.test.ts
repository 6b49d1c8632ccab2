import { describe, expect, it } from 'vitest';
import type { AnalyticsResponse } from '../../../../contracts/analytics.js';
import { suppressSmallCounts } from './suppression.js';

const base: AnalyticsResponse = {
  window: { from: '2022-08-01', to: '2023-01-31' },
  region: null,
  minSent: 30,
  containsSyntheticData: false,
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

describe('public suppression', () => {
  const result = suppressSmallCounts(base, 10);

  it('hides every count below the threshold, including zero, and says so', () => {
    expect(result.totals).toEqual({ applications: 120, sessions: 12, companies: null, jobs: 40, hires: null, suppressed: ['companies', 'hires'] });
    expect(result.topCitiesByCategory[0].cities.map((city) => city.applications)).toEqual([70, 10]);
    expect(result.attractiveness[1]).toEqual({ city: '合肥', cityCode: '340100', received: null, sent: 40, index: null, suppressed: true });
    expect(result.attractiveness[0].suppressed).toBe(false);
  });

  it('hides a second cell where a lone hidden one could be recovered from the total', () => {
    // 住宿和餐饮业 (5) alone would be 120 − 90 − 25: 建筑业, the smallest published one, goes too.
    expect(result.industries).toEqual([
      { industry: '制造业', applications: 90, share: 0.75, suppressed: false },
      { industry: '建筑业', applications: null, share: null, suppressed: true },
      { industry: '住宿和餐饮业', applications: null, share: null, suppressed: true },
    ]);
    // Two small ones already hide each other.
    expect(result.topCategories.map((item) => item.applications)).toEqual([80, 30, null, null]);
    expect(result.tierFlows.map((item) => item.applications)).toEqual([100, 20]);
  });

  it('counts the hidden cells', () => {
    expect(result.suppression).toEqual({ threshold: 10, cells: 2 + 2 + 2 + 1 });
  });

  it('does not add secondary suppression when the total itself is hidden', () => {
    const tiny = suppressSmallCounts({ ...base, totals: { ...base.totals, applications: 7 }, industries: [{ industry: '制造业', applications: 5, share: 0.7143 }, { industry: '建筑业', applications: 2, share: 0.2857 }] }, 10);
    expect(tiny.totals.applications).toBeNull();
    expect(tiny.industries.every((item) => item.applications === null)).toBe(true);
  });
});
