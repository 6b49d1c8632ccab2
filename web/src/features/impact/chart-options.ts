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

export type AttritionPeriod = { from: string; to: string; left: number | null; stayed: number | null; attrition: number | null };

/** A period's label on the axis: the month (2022-08) or the week's first day (1/5), as the series is grained. */
export function periodLabel(period: { from: string }, grain: 'week' | 'month'): string {
  if (grain === 'month') return period.from.slice(0, 7);
  const [, month, day] = period.from.split('-');
  return `${Number(month)}/${Number(day)}`;
}

/**
 * The 7-day attrition over time as bars of per cent; a period without a rate (数据不足, or withheld on the public
 * page) draws no bar and says why in its label, so it never reads as 0 %.
 */
export function attritionSeriesOption(periods: AttritionPeriod[], grain: 'week' | 'month', labels: { seriesName: string; noData: string; withheld: string }, isWithheld: (index: number) => boolean): EChartsCoreOption {
  const values = periods.map((period) => (period.attrition === null ? null : Math.round(period.attrition * 1000) / 10));
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: periods.map((period) => periodLabel(period, grain)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      type: 'bar',
      name: labels.seriesName,
      // A period without a rate gets an empty bar of 0 so its label can say 数据不足 / * where the bar would be.
      data: values.map((value, index) => (value === null ? { value: 0, label: { show: true, formatter: isWithheld(index) ? labels.withheld : labels.noData, color: '#8c8c8c', fontSize: 10, rotate: 90, align: 'left', verticalAlign: 'middle', position: 'insideBottom' } } : value)),
      barMaxWidth: 28,
      itemStyle: { color: '#c2410c' },
      label: { show: true, position: 'top', formatter: (item: { value: number }) => `${item.value}%`, fontSize: 11 },
    }],
    animation: false,
  };
}
