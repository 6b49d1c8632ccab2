import type { AnalyticsResponse, PublicAnalyticsFigures } from '../../../../contracts/analytics.js';

/**
 * Public figures never show a count below the threshold: the cell becomes null with suppressed: true.
 * Where a list adds up to a published total (industries, tier flows, top lists, a category's cities), a
 * single suppressed cell could be recovered by subtraction, so the next smallest cell is suppressed too
 * (secondary suppression). Top-10 lists are treated the same way even when they are not complete: that
 * only ever hides more.
 */
export function suppressSmallCounts(figures: AnalyticsResponse, threshold: number): PublicAnalyticsFigures {
  let cells = 0;
  const isSmall = (value: number) => value < threshold;
  const hide = <T>(value: T, hidden: boolean): T | null => (hidden ? null : value);

  /** Which items of a list are hidden: the small ones, plus one more when a lone one could be derived. */
  function hiddenItems(values: number[], total: number | null): boolean[] {
    const hidden = values.map(isSmall);
    const hiddenCount = hidden.filter(Boolean).length;
    if (hiddenCount === 1 && total !== null && values.length > 1) {
      let smallest = -1;
      values.forEach((value, index) => {
        if (!hidden[index] && (smallest === -1 || value < values[smallest])) smallest = index;
      });
      if (smallest !== -1) hidden[smallest] = true;
    }
    cells += hidden.filter(Boolean).length;
    return hidden;
  }

  const totalKeys = ['applications', 'sessions', 'companies', 'jobs', 'hires'] as const;
  const suppressedTotals = totalKeys.filter((key) => isSmall(figures.totals[key]));
  cells += suppressedTotals.length;
  const publishedTotal = suppressedTotals.includes('applications') ? null : figures.totals.applications;

  const industryHidden = hiddenItems(figures.industries.map((item) => item.applications), publishedTotal);
  const categoryHidden = hiddenItems(figures.topCategories.map((item) => item.applications), publishedTotal);
  const provinceHidden = hiddenItems(figures.topProvinces.map((item) => item.applications), publishedTotal);
  const flowHidden = hiddenItems(figures.tierFlows.map((item) => item.applications), publishedTotal);

  const categoryTotals = new Map(figures.topCategories.map((item, index) => [item.category, categoryHidden[index] ? null : item.applications]));

  return {
    window: figures.window,
    region: figures.region,
    minSent: figures.minSent,
    containsSyntheticData: figures.containsSyntheticData,
    totals: {
      applications: hide(figures.totals.applications, suppressedTotals.includes('applications')),
      sessions: hide(figures.totals.sessions, suppressedTotals.includes('sessions')),
      companies: hide(figures.totals.companies, suppressedTotals.includes('companies')),
      jobs: hide(figures.totals.jobs, suppressedTotals.includes('jobs')),
      hires: hide(figures.totals.hires, suppressedTotals.includes('hires')),
      suppressed: suppressedTotals,
    },
    industries: figures.industries.map((item, index) => ({
      industry: item.industry,
      applications: hide(item.applications, industryHidden[index]),
      share: hide(item.share, industryHidden[index]),
      suppressed: industryHidden[index],
    })),
    topCategories: figures.topCategories.map((item, index) => ({
      category: item.category,
      applications: hide(item.applications, categoryHidden[index]),
      suppressed: categoryHidden[index],
    })),
    topCitiesByCategory: figures.topCitiesByCategory.map((group) => {
      const hidden = hiddenItems(group.cities.map((city) => city.applications), categoryTotals.get(group.category) ?? null);
      return {
        category: group.category,
        cities: group.cities.map((city, index) => ({
          city: city.city,
          cityCode: city.cityCode,
          applications: hide(city.applications, hidden[index]),
          suppressed: hidden[index],
        })),
      };
    }),
    topProvinces: figures.topProvinces.map((item, index) => ({
      province: item.province,
      provinceCode: item.provinceCode,
      applications: hide(item.applications, provinceHidden[index]),
      suppressed: provinceHidden[index],
    })),
    attractiveness: figures.attractiveness.map((item) => {
      const receivedHidden = isSmall(item.received);
      const sentHidden = isSmall(item.sent);
      cells += Number(receivedHidden) + Number(sentHidden);
      // The index with one published side would give the other away.
      return {
        city: item.city,
        cityCode: item.cityCode,
        received: hide(item.received, receivedHidden),
        sent: hide(item.sent, sentHidden),
        index: hide(item.index, receivedHidden || sentHidden),
        suppressed: receivedHidden || sentHidden,
      };
    }),
    tierFlows: figures.tierFlows.map((item, index) => ({
      from: item.from,
      to: item.to,
      applications: hide(item.applications, flowHidden[index]),
      suppressed: flowHidden[index],
    })),
    suppression: { threshold, cells },
  };
}
