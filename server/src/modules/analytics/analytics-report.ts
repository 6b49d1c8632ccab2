import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { TIER_NAMES, TIERS, type AnalyticsResponse } from '../../../../contracts/analytics.js';
import { METHOD_ITEMS, SYNTHETIC_NOTICE } from '../../../../contracts/analytics-method.js';
import { AppError } from '../../platform/errors.js';
import {
  attractivenessChartOption,
  attractivenessMapOption,
  categoryChartOption,
  industryChartOption,
  provinceChartOption,
  tierSankeyOption,
  type CityPoint,
} from './report-charts.js';

const MAP_NAME = 'jobcast-report-map';

export type ReportMap = { geoJson: string; source: string } | { geoJson: null; source: string; problem: string };

/** Reads the configured China map; a missing or broken file leaves the map out with a note, never the report. */
export async function loadReportMap(path: string): Promise<ReportMap> {
  if (!existsSync(path)) return { geoJson: null, source: path, problem: `map file not found: ${path}` };
  const text = await readFile(path, 'utf8');
  try {
    const parsed = JSON.parse(text) as { type?: string };
    if (parsed.type !== 'FeatureCollection') return { geoJson: null, source: path, problem: `${path} is not a GeoJSON FeatureCollection` };
  } catch {
    return { geoJson: null, source: path, problem: `${path} is not valid JSON` };
  }
  return { geoJson: text, source: path };
}

/** Server-side rendering to an SVG string (ECharts 6 SSR): no browser, no canvas. */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
const thousands = (value: number) => value.toLocaleString('en');

function chartOrEmpty(hasData: boolean, render: () => string) {
  return hasData ? `<div class="chart">${render()}</div>` : '<p class="empty">无数据 No data in this window.</p>';
}

export type ReportInput = {
  figures: AnalyticsResponse;
  cities: Map<string, CityPoint>;
  map: ReportMap;
  generatedAt: Date;
};

/** A self-contained printable HTML page: inline CSS and SVG charts, no scripts, no external files. */
export function renderReportHtml(input: ReportInput): string {
  const { figures, map } = input;
  if (map.geoJson) echarts.registerMap(MAP_NAME, map.geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
  const region = figures.region ? `${figures.region.name}（${figures.region.code}）` : '全国 All of China';
  const totals = figures.totals;
  const kpis: Array<[string, string, number]> = [
    ['投递简历', 'Applications', totals.applications],
    ['直播场次', 'Live sessions', totals.sessions],
    ['提供岗位企业', 'Companies offering jobs', totals.companies],
    ['岗位', 'Jobs', totals.jobs],
    ['录用', 'Hires', totals.hires],
  ];
  const topCityRows = figures.topCitiesByCategory
    .map((group) => `<tr><th>${escapeHtml(group.category)}</th>${[0, 1, 2].map((index) => {
      const city = group.cities[index];
      return `<td>${city ? `${escapeHtml(city.city)}<span class="n">${thousands(city.applications)}</span>` : '—'}</td>`;
    }).join('')}</tr>`)
    .join('');
  const attractivenessRows = figures.attractiveness.slice(0, 20)
    .map((item, index) => `<tr><td>${index + 1}</td><td>${escapeHtml(item.city)}</td><td class="num">${thousands(item.received)}</td><td class="num">${thousands(item.sent)}</td><td class="num">${item.index.toFixed(4)}</td></tr>`)
    .join('');
  // Tier flows as a matrix: rows the seekers' tier, columns the jobs' tier.
  const flowCount = new Map(figures.tierFlows.map((flow) => [`${flow.from}>${flow.to}`, flow.applications]));
  const flowRows = TIERS.filter((from) => figures.tierFlows.some((flow) => flow.from === from))
    .map((from) => `<tr><th>${TIER_NAMES[from].zh}</th>${TIERS.map((to) => `<td class="num">${thousands(flowCount.get(`${from}>${to}`) ?? 0)}</td>`).join('')}</tr>`)
    .join('');
  const hasApplications = totals.applications > 0;
  const mapBlock = map.geoJson !== null
    ? chartOrEmpty(figures.attractiveness.length > 0, () => renderChartSvg(attractivenessMapOption(figures, input.cities, MAP_NAME, { zoomToCities: figures.region !== null }), 720, 540))
    : `<p class="empty">地图未显示 Map left out: ${escapeHtml(map.problem)} (ANALYTICS_MAP_GEOJSON).</p>`;

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>简历流动分析报告 ${escapeHtml(figures.window.from)} – ${escapeHtml(figures.window.to)} · Jobcast</title>
<style>
  @page { size: A4; margin: 14mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1f2937; margin: 0 auto; max-width: 780px; padding: 24px; line-height: 1.5; }
  h1 { font-size: 24px; margin: 0 0 4px; }
  h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1d4ed8; break-after: avoid; }
  h2 small, h1 small { font-weight: normal; color: #6b7280; font-size: 0.75em; margin-left: 6px; }
  .meta { color: #4b5563; font-size: 13px; margin: 0 0 16px; }
  .notice { border: 1px solid #f59e0b; background: #fffbeb; padding: 8px 12px; border-radius: 6px; font-size: 13px; margin: 12px 0; }
  .kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; }
  .kpi { border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px; }
  .kpi b { display: block; font-size: 20px; color: #1d4ed8; }
  .kpi span { font-size: 12px; color: #4b5563; }
  section { break-inside: avoid; }
  .chart svg { width: 100%; height: auto; display: block; }
  table { width: 100%; border-collapse: collapse; font-size: 13px; }
  th, td { border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; }
  thead th { background: #f3f4f6; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .n { color: #6b7280; font-size: 11px; margin-left: 4px; }
  .empty { color: #6b7280; font-style: italic; }
  dl.method { font-size: 12.5px; }
  dl.method dt { font-weight: bold; margin-top: 8px; }
  dl.method dd { margin: 2px 0 0 0; }
  dl.method dd.en { color: #4b5563; }
  footer { margin-top: 28px; font-size: 11px; color: #6b7280; }
  .two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
</style>
</head>
<body>
<h1>简历流动分析报告 <small>Resume-flow analytics</small></h1>
<p class="meta">时间窗口 Window：${escapeHtml(figures.window.from)} 至 ${escapeHtml(figures.window.to)}（中国标准时间，含首尾 China time, both days included）· 地域 Region：${escapeHtml(region)} · 吸引力排名门槛 minSent = ${figures.minSent}</p>
${figures.containsSyntheticData ? `<p class="notice"><b>合成数据 Synthetic data.</b> ${escapeHtml(SYNTHETIC_NOTICE.zh)} ${escapeHtml(SYNTHETIC_NOTICE.en)}</p>` : ''}

<section>
<h2>直播带岗规模 <small>Scale</small></h2>
<div class="kpis">${kpis.map(([zh, en, value]) => `<div class="kpi"><b>${thousands(value)}</b><span>${zh}<br>${en}</span></div>`).join('')}</div>
</section>

<section>
<h2>投递简历的行业分布 <small>Applications by industry</small></h2>
${chartOrEmpty(hasApplications, () => renderChartSvg(industryChartOption(figures), 720, Math.max(120, 30 * Math.min(10, figures.industries.length) + 20)))}
</section>

<section>
<h2>投递简历次数最多的岗位 Top 10 <small>Top job categories</small></h2>
${chartOrEmpty(hasApplications, () => renderChartSvg(categoryChartOption(figures), 720, Math.max(120, 30 * figures.topCategories.length + 20)))}
</section>

<section>
<h2>分岗位接收简历次数最多的城市 Top 3 <small>Top 3 receiving cities per category</small></h2>
${hasApplications ? `<table><thead><tr><th>岗位 Category</th><th>①</th><th>②</th><th>③</th></tr></thead><tbody>${topCityRows}</tbody></table>` : '<p class="empty">无数据 No data.</p>'}
</section>

<section>
<h2>接收简历次数最多的省份 Top 10 <small>Top receiving provinces</small></h2>
${chartOrEmpty(hasApplications, () => renderChartSvg(provinceChartOption(figures), 720, 280))}
</section>

<section>
<h2>城市就业吸引力指数 <small>City attractiveness (received ÷ sent, sent ≥ ${figures.minSent})</small></h2>
${mapBlock}
<div class="two">
${chartOrEmpty(figures.attractiveness.length > 0, () => renderChartSvg(attractivenessChartOption(figures), 360, Math.max(120, 24 * Math.min(15, figures.attractiveness.length) + 20)))}
${figures.attractiveness.length > 0 ? `<table><thead><tr><th>#</th><th>城市 City</th><th class="num">接收 Received</th><th class="num">投递 Sent</th><th class="num">指数 Index</th></tr></thead><tbody>${attractivenessRows}</tbody></table>` : ''}
</div>
</section>

<section>
<h2>简历的线级城市流动 <small>Flows between city tiers (seeker → job)</small></h2>
${chartOrEmpty(figures.tierFlows.length > 0, () => renderChartSvg(tierSankeyOption(figures), 720, 360))}
${figures.tierFlows.length > 0 ? `<table><thead><tr><th>投递 ↓ / 接收 →<br>seeker ↓ / job →</th>${TIERS.map((tier) => `<th class="num">${TIER_NAMES[tier].zh}</th>`).join('')}</tr></thead><tbody>${flowRows}</tbody></table>` : ''}
</section>

<section>
<h2>口径说明 <small>Method</small></h2>
<dl class="method">${METHOD_ITEMS.map((item) => `<dt>${escapeHtml(item.term.zh)} · ${escapeHtml(item.term.en)}</dt><dd>${escapeHtml(item.zh)}</dd><dd class="en">${escapeHtml(item.en)}</dd>`).join('')}</dl>
</section>

<footer>由 Jobcast 生成 Generated by Jobcast on ${escapeHtml(input.generatedAt.toISOString())}. 地图底图 Base map: ${escapeHtml(map.source.split('/').slice(-3).join('/'))} — 示意用，公开展示须使用标注审图号的标准地图 (illustrative; a public map in China needs an approved base map).</footer>
</body>
</html>
`;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Prints the HTML to an A4 PDF with headless Chromium; a clear error when Chromium is not there. */
export async function printReportPdf(html: string, outPath: string, chromiumPath: string): Promise<void> {
  if (!existsSync(chromiumPath)) {
    throw new AppError('unavailable', `PDF needs Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH). The HTML report was written; open it in a browser and print it instead.`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: outPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

export async function writeReportHtml(html: string, outPath: string) {
  await writeFile(outPath, html, 'utf8');
}
