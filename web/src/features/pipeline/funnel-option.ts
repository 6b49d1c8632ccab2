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

/**
 * Option for one session's funnel: the six steps top to bottom in their own order (never sorted by size),
 * each labelled with its count and, after the first, the share of the step before it. Widths follow the
 * counts with a floor, so the last steps stay visible next to thousands of viewers.
 */
export function sessionFunnelOption(funnel: Funnel, language: Language): EChartsCoreOption {
  const steps = funnel.steps;
  const ofPrevious = (index: number) => {
    const previous = steps[index - 1]?.value ?? 0;
    if (index === 0 || previous === 0) return '';
    const share = `${Math.round((steps[index].value / previous) * 1000) / 10}%`;
    return language === 'en' ? ` (${share} of previous)` : `（上一步的 ${share}）`;
  };
  return {
    tooltip: { trigger: 'item' },
    series: [{
      type: 'funnel',
      sort: 'none',
      // The funnel on the left, its labels to the right of each step (inside, they overflow the narrow steps).
      left: '4%',
      width: '52%',
      minSize: '10%',
      gap: 2,
      label: { show: true, position: 'right', color: '#1f1f1f' },
      labelLine: { show: true, length: 16 },
      data: steps.map((step, index) => ({
        name: language === 'en' ? step.en : step.zh,
        value: step.value,
        label: { formatter: `${language === 'en' ? step.en : step.zh} ${step.value}${ofPrevious(index)}` },
      })),
    }],
  };
}
