import { describe, expect, it } from 'vitest';
import type { AnalyticsResponse, PublicAnalyticsFigures } from '../../../../contracts/analytics';
import { attractivenessMapOption, categoryOption, industryOption, provinceFlowsOption, provinceMapOption, regionCitiesOption, tierSankeyOption } from './chart-options';
import { formatCount, namesFor, toView, WITHHELD } from './view-model';

const figures: AnalyticsResponse = {
  window: { from: '2022-08-01', to: '2022-08-31' },
  region: null,
  minSent: 2,
  containsSyntheticData: true,
  regionFlows: null,
  totals: { applications: 19, sessions: 3, companies: 2, jobs: 3, hires: 2 },
  industries: [
    { industry: '制造业', applications: 13, share: 0.6842 },
    { industry: '交通运输、仓储和邮政业', applications: 3, share: 0.1579 },
    { industry: '租赁和商务服务业', applications: 3, share: 0.1579 },
  ],
  topCategories: [{ category: '普工', applications: 11 }, { category: '司机', applications: 3 }],
  topCitiesByCategory: [{ category: '普工', cities: [{ city: '苏州', cityCode: '320500', applications: 6 }] }],
  topProvinces: [{ province: '江苏', provinceCode: '32', applications: 11 }],
  attractiveness: [
    { city: '苏州', cityCode: '320500', received: 6, sent: 3, index: 2 },
    { city: '合肥', cityCode: '340100', received: 0, sent: 8, index: 0 },
  ],
  tierFlows: [{ from: 'new1', to: 'new1', applications: 6 }, { from: '3', to: 'new1', applications: 2 }, { from: '1', to: '1', applications: 0 }],
};
const names = namesFor(null, 'zh');

describe('analytics dashboard charts', () => {
  const view = toView(figures, names);

  it('draws the industry mix as bars of share, the largest on top', () => {
    const option = industryOption(view) as { yAxis: { data: string[] }; series: Array<{ type: string; data: unknown[] }> };
    expect(option.series[0].type).toBe('bar');
    expect(option.yAxis.data).toEqual(['租赁和商务服务业', '交通运输、仓储和邮政业', '制造业']);
    expect(option.series[0].data).toEqual([0.1579, 0.1579, 0.6842]);
  });

  it('puts the largest category on top of the bar chart', () => {
    const option = categoryOption(view) as { yAxis: { data: string[] }; series: Array<{ data: unknown[] }> };
    expect(option.yAxis.data).toEqual(['司机', '普工']);
    expect(option.series[0].data).toEqual([3, 11]);
  });

  it('places ranked cities on the map with their index, framing a region', () => {
    const points = new Map([['320500', { longitude: 120.6, latitude: 31.3 }], ['340100', { longitude: 117.3, latitude: 31.9 }]]);
    const option = attractivenessMapOption(view, points, { zoomToCities: true, seriesName: 'index' }) as {
      series: Array<{ data: Array<{ name: string; value: number[] }> }>; geo: { boundingCoords?: number[][] };
    };
    expect(option.series[0].data.map((item) => [item.name, item.value[2]])).toEqual([['苏州', 2], ['合肥', 0]]);
    expect(option.geo.boundingCoords).toEqual([[117.3 - 2, 31.9 + 1.5], [120.6 + 2, 31.3 - 1.5]]);
  });

  it('links seekers’ tiers to jobs’ tiers, leaving out empty flows, with distinct node names per side', () => {
    const option = tierSankeyOption(view, (tier) => `T${tier}`, { sent: '投递', received: '接收' }) as {
      series: Array<{ data: Array<{ name: string }>; links: Array<{ source: string; target: string; value: number }> }>;
    };
    expect(option.series[0].data.map((node) => node.name)).toEqual(['Tnew1 投递', 'T3 投递', 'Tnew1 接收']);
    expect(option.series[0].links).toEqual([
      { source: 'Tnew1 投递', target: 'Tnew1 接收', value: 6 },
      { source: 'T3 投递', target: 'Tnew1 接收', value: 2 },
    ]);
  });

  it('marks withheld public counts with one neutral mark (some are 10 or more) and keeps them out of the charts', () => {
    const publicFigures: PublicAnalyticsFigures = {
      ...figures,
      suppression: { threshold: 10, cells: 3 },
      regionFlows: null,
      totals: { applications: 19, sessions: null, companies: null, jobs: null, hires: null, suppressed: ['sessions', 'companies', 'jobs', 'hires'] },
      industries: [
        { industry: '制造业', applications: 13, share: 0.6842, suppressed: false },
        { industry: '交通运输、仓储和邮政业', applications: null, share: null, suppressed: true },
      ],
      topCategories: [{ category: '普工', applications: 11, suppressed: false }, { category: '司机', applications: null, suppressed: true }],
      topCitiesByCategory: [],
      topProvinces: [],
      attractiveness: [{ city: '苏州', cityCode: '320500', received: null, sent: null, index: null, suppressed: true }],
      tierFlows: [{ from: 'new1', to: 'new1', applications: null, suppressed: true }],
    };
    const view = toView(publicFigures, names);
    expect(view.threshold).toBe(10);
    expect(formatCount(view.totals.sessions, 'zh')).toBe('*');
    expect(formatCount(12_345, 'en')).toBe('12,345');
    expect((industryOption(view) as { series: Array<{ data: unknown[] }> }).series[0].data).toEqual([{ value: 0, label: { formatter: '*' } }, 0.6842]);
    expect((tierSankeyOption(view, (tier) => tier, { sent: 's', received: 'r' }) as { series: Array<{ links: unknown[] }> }).series[0].links).toEqual([]);
    expect((attractivenessMapOption(view, new Map(), { zoomToCities: false, seriesName: 'i' }) as { series: Array<{ data: unknown[] }> }).series[0].data).toEqual([]);
  });
});

describe('a province’s own figures', () => {
  const region = {
    provinceCode: '32',
    within: 30,
    cities: [
      { name: '苏州', code: '320500', received: 400, sent: 20 },
      { name: '南京', code: '320100', received: null, sent: 12 },
      { name: '无锡', code: '320200', received: 0, sent: 0 },
    ],
    inflows: [{ name: '安徽', code: '34', applications: 300 }, { name: '河南', code: '41', applications: null }],
    outflows: [],
  };
  const points = new Map([['320500', { longitude: 120.6, latitude: 31.3 }], ['320100', { longitude: 118.8, latitude: 32.1 }], ['320200', { longitude: 120.3, latitude: 31.6 }]]);

  it('frames the map to the province’s cities, shades the province, sizes each city by what it received; withheld and none look different', () => {
    const option = provinceMapOption(region, '江苏', points, '接收') as {
      geo: { regions: Array<{ name: string }>; boundingCoords: number[][] };
      series: Array<{ data: Array<{ name: string; symbolSize: number; received: number | null; itemStyle: { color: string } }> }>;
    };
    expect(option.geo.regions[0].name).toBe('江苏');
    expect(option.geo.boundingCoords.flat().map((value) => Math.round(value * 10) / 10)).toEqual([117.6, 33, 121.8, 30.4]);
    const [suzhou, nanjing, wuxi] = option.series[0].data;
    expect(suzhou.symbolSize).toBe(38);
    expect(nanjing).toMatchObject({ received: null, symbolSize: 7, itemStyle: { color: '#9ca3af' } });
    expect(wuxi).toMatchObject({ received: 0, symbolSize: 6, itemStyle: { color: '#ffffff' } });
  });

  it('lists only cities with applications in the bars, and flows with a withheld count as * without a bar', () => {
    const cities = regionCitiesOption(region, { received: '接收', sent: '发出' }) as { yAxis: { data: string[] }; series: Array<{ data: unknown[] }> };
    expect(cities.yAxis.data).toEqual(['南京', '苏州']);
    expect(cities.series[0].data[0]).toMatchObject({ value: 0, label: { formatter: WITHHELD } });
    const inflows = provinceFlowsOption(region.inflows, '#0f766e') as { yAxis: { data: string[] }; series: Array<{ data: unknown[] }> };
    expect(inflows.yAxis.data).toEqual(['河南', '安徽']);
    expect(inflows.series[0].data).toEqual([{ value: 0, label: { formatter: WITHHELD } }, 300]);
  });
});
