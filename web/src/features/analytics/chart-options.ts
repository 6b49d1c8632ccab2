// ECharts options for the dashboard: pure functions of the figures, so they are tested without a browser.
import type { EChartsCoreOption } from 'echarts/core';
import { TIERS, type Tier } from '../../../../contracts/analytics';
import { WITHHELD, type Count, type FiguresView } from './view-model';

export const MAP_NAME = 'jobcast-china';
const PALETTE = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#15803d', '#0369a1', '#a16207', '#4d7c0f', '#9333ea'];

/** Index bands: below 1 a city sends more than it receives; above 1 it draws applications in. */
export const ATTRACTIVENESS_PIECES = [
  { min: 5, label: '≥ 5', color: '#b91c1c' },
  { min: 2, max: 5, label: '2 – 5', color: '#f97316' },
  { min: 1, max: 2, label: '1 – 2', color: '#fcd34d' },
  { min: 0.5, max: 1, label: '0.5 – 1', color: '#93c5fd' },
  { max: 0.5, label: '< 0.5', color: '#1d4ed8' },
];

export const TIER_COLORS: Record<Tier, string> = { '1': '#1d4ed8', new1: '#0f766e', '2': '#65a30d', '3': '#ca8a04', '4': '#ea580c', '5': '#be123c' };

const formatNumber = (value: Count) => (value === null ? WITHHELD : value.toLocaleString('en'));
const withheldBar = { value: 0, label: { formatter: WITHHELD } };

/** A horizontal bar chart, largest on top; withheld values show as the WITHHELD mark without a bar. */
function horizontalBars(labels: string[], values: Count[], color: string, format: (value: Count) => string = formatNumber): EChartsCoreOption {
  return {
    color: [color],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: unknown) => format(value === '-' || value === null ? null : Number(value)) },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: [...labels].reverse(), axisTick: { show: false } },
    series: [{
      type: 'bar',
      data: [...values].reverse().map((value) => value ?? withheldBar),
      barMaxWidth: 20,
      itemStyle: { borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', formatter: (params: { value: unknown }) => format(Number(params.value)) },
    }],
  };
}

/** The industry mix as bars of share (names are long: bars read better than a pie); counts in the tooltip. */
export function industryOption(view: FiguresView, limit = 10): EChartsCoreOption {
  const shown = view.industries.slice(0, limit);
  const percent = (value: Count) => (value === null ? WITHHELD : `${(value * 100).toFixed(1)}%`);
  return {
    color: [PALETTE[0]],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const item = shown[shown.length - 1 - params[0].dataIndex];
        return item ? `${item.name}<br/>${formatNumber(item.applications)} · ${percent(item.share)}` : '';
      },
    },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, max: 1 },
    yAxis: { type: 'category', data: shown.map((item) => item.name).reverse(), axisTick: { show: false }, axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      data: shown.map((item) => item.share ?? withheldBar).reverse(),
      barMaxWidth: 20,
      itemStyle: { borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', formatter: (params: { value: unknown }) => percent(Number(params.value)) },
    }],
  };
}

export function categoryOption(view: FiguresView): EChartsCoreOption {
  return horizontalBars(view.categories.map((item) => item.name), view.categories.map((item) => item.applications), PALETTE[1]);
}

export function provinceOption(view: FiguresView): EChartsCoreOption {
  return {
    color: [PALETTE[2]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: view.provinces.map((item) => item.name), axisTick: { show: false }, axisLabel: { interval: 0, rotate: view.provinces.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [{
      type: 'bar',
      data: view.provinces.map((item) => item.applications ?? withheldBar),
      barMaxWidth: 36,
      itemStyle: { borderRadius: [3, 3, 0, 0] },
      label: { show: true, position: 'top', formatter: (params: { value: unknown }) => formatNumber(Number(params.value)) },
    }],
  };
}

export function attractivenessBarOption(view: FiguresView, limit = 20): EChartsCoreOption {
  const shown = view.attractiveness.slice(0, limit);
  return horizontalBars(shown.map((item) => item.name), shown.map((item) => item.index), PALETTE[3], (value) => (value === null ? WITHHELD : value.toFixed(2)));
}

export type CityPoint = { longitude: number; latitude: number };

/** Ranked cities on the China map, coloured by index band; a region's cities are framed. */
export function attractivenessMapOption(view: FiguresView, points: Map<string, CityPoint>, options: { zoomToCities: boolean; seriesName: string }): EChartsCoreOption {
  const data = view.attractiveness
    .filter((item) => item.index !== null && points.has(item.code))
    .map((item) => ({ name: item.name, value: [points.get(item.code)!.longitude, points.get(item.code)!.latitude, item.index], received: item.received, sent: item.sent }));
  const longitudes = data.map((item) => item.value[0] as number);
  const latitudes = data.map((item) => item.value[1] as number);
  const frame = options.zoomToCities && data.length > 0
    ? { boundingCoords: [[Math.min(...longitudes) - 2, Math.max(...latitudes) + 1.5], [Math.max(...longitudes) + 2, Math.min(...latitudes) - 1.5]] }
    : {};
  const labelled = new Set(data.slice(0, 8).map((item) => item.name));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string; value: unknown; data?: { received: Count; sent: Count } }) => {
        const value = Array.isArray(params.value) ? Number(params.value[2]) : NaN;
        return `${params.name}<br/>${value.toFixed(2)} (${formatNumber(params.data?.received ?? null)} / ${formatNumber(params.data?.sent ?? null)})`;
      },
    },
    geo: { map: MAP_NAME, roam: true, ...frame, itemStyle: { areaColor: '#f3f4f6', borderColor: '#9ca3af' }, emphasis: { itemStyle: { areaColor: '#e5e7eb' }, label: { show: false } } },
    visualMap: { type: 'piecewise', dimension: 2, left: 8, bottom: 8, pieces: ATTRACTIVENESS_PIECES, itemWidth: 14, itemHeight: 10 },
    series: [{
      name: options.seriesName,
      type: 'scatter',
      coordinateSystem: 'geo',
      data,
      symbolSize: 9,
      itemStyle: { borderColor: '#fff', borderWidth: 0.8 },
      label: { show: true, position: 'right', fontSize: 10, formatter: (params: { name: string }) => (labelled.has(params.name) ? params.name : '') },
    }],
  };
}

/** Seekers' city tier (left) to jobs' city tier (right); withheld flows are left out. */
export function tierSankeyOption(view: FiguresView, tierName: (tier: Tier) => string, sides: { sent: string; received: string }): EChartsCoreOption {
  const flows = view.tierFlows.filter((flow) => flow.applications !== null && flow.applications > 0);
  const left = (tier: Tier) => `${tierName(tier)} ${sides.sent}`;
  const right = (tier: Tier) => `${tierName(tier)} ${sides.received}`;
  const usedFrom = TIERS.filter((tier) => flows.some((flow) => flow.from === tier));
  const usedTo = TIERS.filter((tier) => flows.some((flow) => flow.to === tier));
  return {
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey',
      left: 120,
      right: 140,
      top: 8,
      bottom: 8,
      nodeGap: 10,
      layoutIterations: 0,
      emphasis: { focus: 'adjacency' },
      data: [
        ...usedFrom.map((tier) => ({ name: left(tier), itemStyle: { color: TIER_COLORS[tier] }, label: { position: 'left' } })),
        ...usedTo.map((tier) => ({ name: right(tier), itemStyle: { color: TIER_COLORS[tier] } })),
      ],
      links: flows.map((flow) => ({ source: left(flow.from), target: right(flow.to), value: flow.applications })),
      lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
    }],
  };
}

type RegionFlowsView = NonNullable<FiguresView['regionFlows']>;

/** A province's cities, most received first: what each received (jobs there) and sent (its seekers), side by side. */
export function regionCitiesOption(region: RegionFlowsView, labels: { received: string; sent: string }): EChartsCoreOption {
  const cities = region.cities.filter((city) => city.received !== 0 || city.sent !== 0);
  const names = cities.map((city) => city.name).reverse();
  const bars = (values: Count[]) => values.map((value) => value ?? withheldBar).reverse();
  return {
    color: [PALETTE[0], PALETTE[2]],
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: names, axisTick: { show: false } },
    series: [
      { type: 'bar', name: labels.received, data: bars(cities.map((city) => city.received)), barMaxWidth: 12, label: { show: true, position: 'right', fontSize: 10, formatter: (params: { value: unknown }) => formatNumber(Number(params.value)) } },
      { type: 'bar', name: labels.sent, data: bars(cities.map((city) => city.sent)), barMaxWidth: 12, label: { show: true, position: 'right', fontSize: 10, formatter: (params: { value: unknown }) => formatNumber(Number(params.value)) } },
    ],
  };
}

/**
 * The province on the China map, framed to its cities and shaded, each city a circle sized by the applications
 * its jobs received (square root: area ∝ count); a withheld count is a small grey dot marked *, a city with none
 * a hollow ring.
 */
export function provinceMapOption(region: RegionFlowsView, provinceName: string, points: Map<string, CityPoint>, seriesName: string): EChartsCoreOption {
  const located = region.cities.filter((city) => points.has(city.code));
  const longitudes = located.map((city) => points.get(city.code)!.longitude);
  const latitudes = located.map((city) => points.get(city.code)!.latitude);
  const largest = Math.max(1, ...located.map((city) => city.received ?? 0));
  const size = (value: Count) => (value === null ? 7 : value === 0 ? 6 : 8 + 30 * Math.sqrt(value / largest));
  const frame = located.length > 0
    ? { boundingCoords: [[Math.min(...longitudes) - 1.2, Math.max(...latitudes) + 0.9], [Math.max(...longitudes) + 1.2, Math.min(...latitudes) - 0.9]] }
    : {};
  return {
    tooltip: { trigger: 'item', formatter: (params: { name: string; data?: { received: Count } }) => `${params.name}<br/>${seriesName}: ${formatNumber(params.data?.received ?? null)}` },
    geo: {
      map: MAP_NAME,
      roam: true,
      ...frame,
      itemStyle: { areaColor: '#f3f4f6', borderColor: '#d1d5db' },
      regions: [{ name: provinceName, itemStyle: { areaColor: '#dbeafe', borderColor: '#1d4ed8', borderWidth: 1.5 } }],
      emphasis: { disabled: true },
    },
    series: [{
      name: seriesName,
      type: 'scatter',
      coordinateSystem: 'geo',
      data: located.map((city) => ({
        name: city.name,
        value: [points.get(city.code)!.longitude, points.get(city.code)!.latitude, city.received ?? 0],
        received: city.received,
        symbolSize: size(city.received),
        itemStyle: city.received === null ? { color: '#9ca3af' } : city.received === 0 ? { color: '#ffffff', borderColor: '#1d4ed8', borderWidth: 1 } : { color: 'rgba(29, 78, 216, 0.75)', borderColor: '#fff', borderWidth: 1 },
      })),
      label: { show: true, position: 'right', fontSize: 10, formatter: (params: { name: string; data: { received: Count } }) => `${params.name} ${formatNumber(params.data.received)}` },
    }],
  };
}

/** Flows into or out of a province by the other province, largest on top (top 10). */
export function provinceFlowsOption(rows: RegionFlowsView['inflows'], color: string): EChartsCoreOption {
  const shown = rows.slice(0, 10);
  return horizontalBars(shown.map((row) => row.name), shown.map((row) => row.applications), color);
}
