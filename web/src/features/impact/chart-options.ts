import type { EChartsCoreOption } from 'echarts/core';

/** The best sessions by hires within a week of going live (the 蒙阴 figure), as horizontal bars; withheld hires draw no bar. */
export function bestSessionsOption(rows: Array<{ title: string; hires: number | null }>, seriesName: string): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((row) => (row.title.length > 16 ? `${row.title.slice(0, 15)}…` : row.title)), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', name: seriesName, data: ordered.map((row) => row.hires), label: { show: true, position: 'right', formatter: (item: { value: number | null }) => (item.value === null ? '*' : String(item.value)) }, itemStyle: { color: '#1d4ed8' } }],
    animation: false,
  };
}
