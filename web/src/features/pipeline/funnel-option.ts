import type { EChartsCoreOption } from 'echarts/core';
import type { Language } from '../../app/i18n';
import type { Funnel } from './api';

/** Option for the sessions' funnels side by side: one bar group per step, one colour per session. */
export function funnelComparisonOption(sessions: Funnel[], language: Language): EChartsCoreOption {
  const steps = sessions[0]?.steps ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: steps.map((step) => (language === 'en' ? step.en : step.zh)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: sessions.map((session) => ({
      name: session.title,
      type: 'bar',
      data: session.steps.map((step) => step.value),
      // Later steps are small next to the viewers: their numbers are printed on the bars.
      label: { show: sessions.length <= 4, position: 'top' },
    })),
  };
}
