// The campaign console's session comparison: a pure ECharts option (tested without a browser).
import type { EChartsCoreOption } from 'echarts/core';
import type { Language } from '../../app/i18n';
import type { CampaignSession } from './api';

const MEASURES = [
  { key: 'applications', zh: '报名', en: 'Applications', color: '#1677ff' },
  { key: 'hires', zh: '录用', en: 'Hires', color: '#fa8c16' },
  { key: 'stayed7Days', zh: '满7天在岗', en: 'Stayed 7 days', color: '#52c41a' },
] as const;

/** Sessions (by start) along the axis; applications, hires and 7-day stays as bars; 7-day attrition as a line (%). */
export function campaignComparisonOption(sessions: CampaignSession[], language: Language): EChartsCoreOption {
  const withFigures = sessions.filter((session) => session.figures !== null);
  const attritionName = language === 'en' ? '7-day attrition' : '7天流失率';
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: withFigures.map((session) => session.title),
      axisLabel: { interval: 0, rotate: withFigures.length > 4 ? 30 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      ...MEASURES.map((measure) => ({
        name: language === 'en' ? measure.en : measure.zh,
        type: 'bar',
        color: measure.color,
        data: withFigures.map((session) => session.figures![measure.key]),
        label: { show: withFigures.length <= 6, position: 'top' },
      })),
      {
        name: attritionName,
        type: 'line',
        yAxisIndex: 1,
        color: '#f5222d',
        connectNulls: false,
        data: withFigures.map((session) => (session.figures!.sevenDayAttrition === null ? null : Math.round(session.figures!.sevenDayAttrition * 1000) / 10)),
        tooltip: { valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : `${String(value)}%`) },
      },
    ],
  };
}
