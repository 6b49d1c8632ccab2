import type { AnalyticsResponse, PublicAnalyticsFigures } from '../../../../contracts/analytics.js';

/** What the suppression needs to know about a city to link the figures: its province and tier. */
export type CityFacts = ReadonlyMap<string, { provinceCode: string; tier: string }>;

/** A published count and whether it is withheld (other modules' public figures reuse protectLinks: impact). */
export type Cell = { value: number; hidden: boolean };

/**
 * One additive link between published cells that a reader could use to subtract: the cells of `whole`
 * add up to at least the cells of `parts` (exactly, when the list of parts is complete). Examples: the
 * total and the industries, a category and its top cities, a province and its cities' received counts.
 */
export type Link = { whole: Cell[]; parts: Cell[] };

const sum = (cells: Cell[]) => cells.reduce((total, cell) => total + cell.value, 0);

/**
 * Complementary (secondary) suppression over every link until no link gives a withheld cell away:
 * a link with exactly one withheld non-zero cell lets a reader compute it (when the link is exact: the parts
 * add up to the whole) or bound it by whole − visible parts (when that is below the threshold). Such a
 * link gets its smallest published part withheld too (the whole only when no part is left). Cells are
 * only ever withheld, so this ends.
 */
export function protectLinks(links: Link[], threshold: number) {
  const leaks = (link: Link) => {
    // A withheld zero protects nothing: a reader can often tell that nothing is there (a city in no
    // category's complete list of cities), so only withheld non-zero counts count as cover.
    const hidden = [...link.whole, ...link.parts].filter((cell) => cell.hidden && cell.value > 0);
    if (hidden.length !== 1) return false;
    if (sum(link.whole) === sum(link.parts)) return true;
    // An incomplete list: a lone withheld part is bounded by the whole minus the published parts.
    const visibleParts = link.parts.filter((cell) => !cell.hidden);
    return link.parts.includes(hidden[0]) && sum(link.whole) - sum(visibleParts) < threshold;
  };
  // Withholding a published zero would protect nothing (see leaks): the next cover is the smallest non-zero one.
  const smallestVisible = (cells: Cell[]) => cells.filter((cell) => !cell.hidden && cell.value > 0).sort((a, b) => a.value - b.value)[0];
  for (let changed = true; changed;) {
    changed = false;
    for (const link of links) {
      if (!leaks(link)) continue;
      const next = smallestVisible(link.parts) ?? smallestVisible(link.whole);
      if (!next) continue;
      next.hidden = true;
      changed = true;
    }
  }
}

/**
 * Public figures never show a count below the threshold: the cell becomes null with suppressed: true.
 * The same counts appear in several figures (a category and its cities, a province and its cities, a
 * city's received count and its cells in the top-3 table, the tier flows and the cities of each tier,
 * the total and every complete list), so withheld cells are protected across all of them at once: no
 * single response lets a reader recover a withheld count by subtraction (see protectLinks). Top lists
 * are linked as if complete, which only ever withholds more. Differencing *between* responses (two
 * windows, or a region and its cities) is not prevented; docs/ANALYTICS.md says so.
 */
export function suppressSmallCounts(figures: AnalyticsResponse, threshold: number, cities: CityFacts): PublicAnalyticsFigures {
  const cell = (value: number): Cell => ({ value, hidden: value < threshold });
  const totalKeys = ['applications', 'sessions', 'companies', 'jobs', 'hires'] as const;
  const totals = Object.fromEntries(totalKeys.map((key) => [key, cell(figures.totals[key])])) as Record<(typeof totalKeys)[number], Cell>;
  const total = totals.applications;

  const industries = figures.industries.map((item) => cell(item.applications));
  const categories = figures.topCategories.map((item) => cell(item.applications));
  const categoryCities = figures.topCitiesByCategory.map((group) => group.cities.map((city) => cell(city.applications)));
  const provinces = figures.topProvinces.map((item) => cell(item.applications));
  const received = figures.attractiveness.map((item) => cell(item.received));
  const sent = figures.attractiveness.map((item) => cell(item.sent));
  const flows = figures.tierFlows.map((item) => cell(item.applications));

  const links: Link[] = [
    { whole: [total], parts: industries },
    { whole: [total], parts: categories },
    { whole: [total], parts: provinces },
    { whole: [total], parts: flows },
    { whole: [total], parts: received },
  ];
  // Sent counts are every application of the city's seekers, wherever they went: they add up to the
  // total (and tie to the tier flows' sending side) only for the whole country.
  if (figures.region === null) links.push({ whole: [total], parts: sent });

  const categoryCount = new Map(figures.topCategories.map((item, index) => [item.category, categories[index]]));
  figures.topCitiesByCategory.forEach((group, index) => {
    const whole = categoryCount.get(group.category);
    if (whole) links.push({ whole: [whole], parts: categoryCities[index] });
  });

  const receivedByCity = new Map(figures.attractiveness.map((item, index) => [item.cityCode, received[index]]));
  const cellsOfCity = new Map<string, Cell[]>();
  figures.topCitiesByCategory.forEach((group, index) => group.cities.forEach((city, position) => {
    cellsOfCity.set(city.cityCode, [...(cellsOfCity.get(city.cityCode) ?? []), categoryCities[index][position]]);
  }));
  for (const [cityCode, cells] of cellsOfCity) {
    const whole = receivedByCity.get(cityCode);
    if (whole) links.push({ whole: [whole], parts: cells });
  }

  figures.topProvinces.forEach((province, index) => {
    const parts = figures.attractiveness.flatMap((item, position) => (cities.get(item.cityCode)?.provinceCode === province.provinceCode ? [received[position]] : []));
    links.push({ whole: [provinces[index]], parts });
  });

  const tiers = new Set(figures.tierFlows.flatMap((flow) => [flow.from, flow.to]));
  for (const tier of tiers) {
    const ofTier = (cells: Cell[]) => figures.attractiveness.flatMap((item, position) => (cities.get(item.cityCode)?.tier === tier ? [cells[position]] : []));
    links.push({ whole: figures.tierFlows.flatMap((flow, index) => (flow.to === tier ? [flows[index]] : [])), parts: ofTier(received) });
    if (figures.region === null) {
      links.push({ whole: figures.tierFlows.flatMap((flow, index) => (flow.from === tier ? [flows[index]] : [])), parts: ofTier(sent) });
    }
  }

  // A province's own picture: its cities' received and sent counts are the attractiveness cells where a city is
  // ranked (one cell, one decision), the applications that stayed and came in add up to the total, those that
  // stayed and went out to what its cities sent; each city's received count belongs to its tier's inflow.
  const regionFlows = figures.regionFlows;
  const sentByCity = new Map(figures.attractiveness.map((item, index) => [item.cityCode, sent[index]]));
  const regionCells = regionFlows && {
    within: cell(regionFlows.within),
    received: regionFlows.cities.map((item) => receivedByCity.get(item.cityCode) ?? cell(item.received)),
    sent: regionFlows.cities.map((item) => sentByCity.get(item.cityCode) ?? cell(item.sent)),
    inflows: regionFlows.inflows.map((item) => cell(item.applications)),
    outflows: regionFlows.outflows.map((item) => cell(item.applications)),
  };
  if (regionFlows && regionCells) {
    links.push(
      { whole: [total], parts: regionCells.received },
      { whole: [total], parts: [regionCells.within, ...regionCells.inflows] },
      { whole: regionCells.sent, parts: [regionCells.within, ...regionCells.outflows] },
    );
    for (const tier of tiers) {
      const parts = regionFlows.cities.flatMap((item, index) => (cities.get(item.cityCode)?.tier === tier ? [regionCells.received[index]] : []));
      links.push({ whole: figures.tierFlows.flatMap((flow, index) => (flow.to === tier ? [flows[index]] : [])), parts });
    }
  }

  protectLinks(links, threshold);

  const show = (value: Cell) => (value.hidden ? null : value.value);
  const suppressedTotals = totalKeys.filter((key) => totals[key].hidden);
  const attractivenessHidden = figures.attractiveness.map((_item, index) => received[index].hidden || sent[index].hidden);
  const cells = [
    suppressedTotals.length,
    ...[industries, categories, provinces, flows, received, sent, ...categoryCities].map((list) => list.filter((item) => item.hidden).length),
  ].reduce((a, b) => a + b, 0) + (regionCells
    ? [[regionCells.within], regionCells.inflows, regionCells.outflows,
      regionCells.received.filter((item) => !received.includes(item)), regionCells.sent.filter((item) => !sent.includes(item))]
      .map((list) => list.filter((item) => item.hidden).length).reduce((a, b) => a + b, 0)
    : 0);

  // A list in rank order would still rank the withheld counts against each other (which of two suppressed
  // cities had more applications): the published entries keep their rank, the withheld ones follow by code.
  const publishedFirst = <Item extends { suppressed: boolean }>(items: Item[], code: (item: Item) => string) => [
    ...items.filter((item) => !item.suppressed),
    ...items.filter((item) => item.suppressed).sort((a, b) => code(a).localeCompare(code(b))),
  ];

  return {
    window: figures.window,
    region: figures.region,
    minSent: figures.minSent,
    containsSyntheticData: figures.containsSyntheticData,
    totals: {
      applications: show(totals.applications),
      sessions: show(totals.sessions),
      companies: show(totals.companies),
      jobs: show(totals.jobs),
      hires: show(totals.hires),
      suppressed: suppressedTotals,
    },
    // A share with the published total would give the count back: it goes with its count.
    industries: publishedFirst(figures.industries.map((item, index) => ({
      industry: item.industry,
      applications: show(industries[index]),
      share: industries[index].hidden ? null : item.share,
      suppressed: industries[index].hidden,
    })), (item) => item.industry),
    topCategories: publishedFirst(figures.topCategories.map((item, index) => ({
      category: item.category,
      applications: show(categories[index]),
      suppressed: categories[index].hidden,
    })), (item) => item.category),
    topCitiesByCategory: publishedFirst(figures.topCitiesByCategory.map((group, index) => ({
      category: group.category,
      cities: publishedFirst(group.cities.map((city, position) => ({
        city: city.city,
        cityCode: city.cityCode,
        applications: show(categoryCities[index][position]),
        suppressed: categoryCities[index][position].hidden,
      })), (city) => city.cityCode),
      suppressed: categoryCount.get(group.category)?.hidden ?? true,
    })), (group) => group.category).map(({ suppressed: _suppressed, ...group }) => group),
    topProvinces: publishedFirst(figures.topProvinces.map((item, index) => ({
      province: item.province,
      provinceCode: item.provinceCode,
      applications: show(provinces[index]),
      suppressed: provinces[index].hidden,
    })), (item) => item.provinceCode),
    // The index with one published side would give the other away: it goes when either side does.
    attractiveness: publishedFirst(figures.attractiveness.map((item, index) => ({
      city: item.city,
      cityCode: item.cityCode,
      received: show(received[index]),
      sent: show(sent[index]),
      index: attractivenessHidden[index] ? null : item.index,
      suppressed: attractivenessHidden[index],
    })), (item) => item.cityCode),
    tierFlows: figures.tierFlows.map((item, index) => ({
      from: item.from,
      to: item.to,
      applications: show(flows[index]),
      suppressed: flows[index].hidden,
    })),
    regionFlows: regionFlows && regionCells ? {
      within: show(regionCells.within),
      cities: publishedFirst(regionFlows.cities.map((item, index) => ({
        city: item.city,
        cityCode: item.cityCode,
        received: show(regionCells.received[index]),
        sent: show(regionCells.sent[index]),
        suppressed: regionCells.received[index].hidden || regionCells.sent[index].hidden,
      })), (item) => item.cityCode),
      inflows: publishedFirst(regionFlows.inflows.map((item, index) => ({ ...item, applications: show(regionCells.inflows[index]), suppressed: regionCells.inflows[index].hidden })), (item) => item.provinceCode),
      outflows: publishedFirst(regionFlows.outflows.map((item, index) => ({ ...item, applications: show(regionCells.outflows[index]), suppressed: regionCells.outflows[index].hidden })), (item) => item.provinceCode),
    } : null,
    suppression: { threshold, cells },
  };
}
