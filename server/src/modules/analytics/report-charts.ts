import type { EChartsOption } from 'echarts';
import { TIER_NAMES, TIERS, type AnalyticsFigures } from '../../../../contracts/analytics.js';

// ECharts options for the printable report: static (no animation, no tooltips), labelled values, print colours.
const PALETTE = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#15803d', '#0369a1', '#a16207'];
const TEXT = { color: '#1f2937', fontFamily: 'WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif' };
const base: EChartsOption = { animation: false, color: PALETTE, textStyle: TEXT };

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const thousands = (value: number) => value.toLocaleString('en');

/** A horizontal bar chart, largest at the top. */
function horizontalBars(labels: string[], values: number[], format: (value: number) => string, color: string): EChartsOption {
  return {
    ...base,
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: [...labels].reverse(), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { fontSize: 12, color: TEXT.color } },
    series: [{
      type: 'bar',
      data: [...values].reverse(),
      itemStyle: { color, borderRadius: [0, 3, 3, 0] },
      barMaxWidth: 22,
      label: { show: true, position: 'right', fontSize: 11, formatter: (params) => format(Number(params.value)) },
    }],
  };
}

export function industryChartOption(figures: AnalyticsFigures): EChartsOption {
  const shown = figures.industries.slice(0, 10);
  return horizontalBars(
    shown.map((item) => item.industry),
    shown.map((item) => item.share),
    percent,
    PALETTE[0],
  );
}

export function categoryChartOption(figures: AnalyticsFigures): EChartsOption {
  return horizontalBars(figures.topCategories.map((item) => item.category), figures.topCategories.map((item) => item.applications), thousands, PALETTE[1]);
}

export function provinceChartOption(figures: AnalyticsFigures): EChartsOption {
  return {
    ...base,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: figures.topProvinces.map((item) => item.province), axisTick: { show: false }, axisLabel: { fontSize: 12, interval: 0 } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e7eb' } }, axisLabel: { fontSize: 10 } },
    series: [{
      type: 'bar',
      data: figures.topProvinces.map((item) => item.applications),
      itemStyle: { color: PALETTE[2], borderRadius: [3, 3, 0, 0] },
      barMaxWidth: 36,
      label: { show: true, position: 'top', fontSize: 10, formatter: (params) => thousands(Number(params.value)) },
    }],
  };
}

export function attractivenessChartOption(figures: AnalyticsFigures, limit = 15): EChartsOption {
  const shown = figures.attractiveness.slice(0, limit);
  return horizontalBars(shown.map((item) => item.city), shown.map((item) => item.index), (value) => value.toFixed(2), PALETTE[3]);
}

/** Index bands for the map, shared with the dashboard's legend. */
export const ATTRACTIVENESS_PIECES = [
  { min: 5, label: '≥ 5 强吸引', color: '#b91c1c' },
  { min: 2, max: 5, label: '2 – 5', color: '#f97316' },
  { min: 1, max: 2, label: '1 – 2', color: '#fcd34d' },
  { min: 0.5, max: 1, label: '0.5 – 1', color: '#93c5fd' },
  { max: 0.5, label: '< 0.5 净流出', color: '#1d4ed8' },
];

export type CityPoint = { code: string; longitude: number; latitude: number };

/** Ranked cities on the China map, coloured by attractiveness index (received ÷ sent). */
export function attractivenessMapOption(figures: AnalyticsFigures, cities: Map<string, CityPoint>, mapName: string, options: { zoomToCities?: boolean } = {}): EChartsOption {
  const points = figures.attractiveness
    .map((item) => ({ item, point: cities.get(item.cityCode) }))
    .filter((entry): entry is { item: (typeof figures.attractiveness)[number]; point: CityPoint } => Boolean(entry.point))
    .map(({ item, point }) => ({ name: item.city, value: [point.longitude, point.latitude, item.index] }));
  const labelled = new Set(figures.attractiveness.slice(0, 8).map((item) => item.city));
  // A province or city: frame its cities (with a margin) instead of the whole country.
  const longitudes = points.map((point) => point.value[0]);
  const latitudes = points.map((point) => point.value[1]);
  const frame = options.zoomToCities && points.length > 0
    ? { boundingCoords: [[Math.min(...longitudes) - 2, Math.max(...latitudes) + 1.5], [Math.max(...longitudes) + 2, Math.min(...latitudes) - 1.5]] }
    : {};
  return {
    ...base,
    geo: {
      map: mapName,
      roam: false,
      ...frame,
      left: 8,
      right: 8,
      top: 8,
      bottom: 8,
      itemStyle: { areaColor: '#f3f4f6', borderColor: '#9ca3af', borderWidth: 0.6 },
      emphasis: { disabled: true },
      silent: true,
    },
    // Diverging around 1: below, a city sends more applications than it receives; above, it draws them in.
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      left: 16,
      bottom: 16,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 10 },
      pieces: ATTRACTIVENESS_PIECES,
    },
    series: [{
      type: 'scatter',
      coordinateSystem: 'geo',
      data: points,
      symbolSize: 9,
      itemStyle: { borderColor: '#ffffff', borderWidth: 0.8 },
      label: {
        show: true,
        position: 'right',
        fontSize: 10,
        formatter: (params) => (labelled.has(params.name) ? params.name : ''),
      },
    }],
  };
}

export const TIER_COLORS: Record<(typeof TIERS)[number], string> = {
  '1': '#1d4ed8', new1: '#0f766e', '2': '#65a30d', '3': '#ca8a04', '4': '#ea580c', '5': '#be123c',
};

/** Seekers' city tier (left) to jobs' city tier (right); a tier has the same colour on both sides. */
export function tierSankeyOption(figures: AnalyticsFigures): EChartsOption {
  const sentName = (tier: (typeof TIERS)[number]) => `投递 ${TIER_NAMES[tier].zh}`;
  const receivedName = (tier: (typeof TIERS)[number]) => `接收 ${TIER_NAMES[tier].zh}`;
  const usedFrom = TIERS.filter((tier) => figures.tierFlows.some((flow) => flow.from === tier));
  const usedTo = TIERS.filter((tier) => figures.tierFlows.some((flow) => flow.to === tier));
  return {
    ...base,
    series: [{
      type: 'sankey',
      left: 80,
      right: 80,
      top: 8,
      bottom: 8,
      nodeGap: 10,
      layoutIterations: 0,
      emphasis: { disabled: true },
      data: [
        ...usedFrom.map((tier) => ({ name: sentName(tier), itemStyle: { color: TIER_COLORS[tier] }, label: { position: 'left' as const } })),
        ...usedTo.map((tier) => ({ name: receivedName(tier), itemStyle: { color: TIER_COLORS[tier] } })),
      ],
      links: figures.tierFlows.map((flow) => ({ source: sentName(flow.from), target: receivedName(flow.to), value: flow.applications })),
      lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
      label: { fontSize: 11, color: TEXT.color },
    }],
  };
}
