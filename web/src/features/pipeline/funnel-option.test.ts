import { describe, expect, it } from 'vitest';
import type { Funnel } from './api';
import { chinaToday, formatHours, formatPercent } from './format';
import { funnelComparisonOption, sessionFunnelOption } from './funnel-option';

const funnel = (title: string, values: number[]): Funnel => ({
  sessionId: title, title, startsAt: '2026-03-01T02:00:00Z', status: 'ended', hostName: '主播', viewers: values[0], jobCardOpens: values[1],
  applications: values[2], interviews: values[3], hires: values[4], stayed7Days: values[5], leftWithin7Days: 0, onboarded: values[4],
  steps: ['viewers', 'job_card_opens', 'applications', 'interviews', 'hires', 'stayed_7_days'].map((key, index) => ({ key, zh: `步骤${index}`, en: `Step ${index}`, value: values[index] })),
  rates: { applicationsPerViewer: null, hiresPerApplication: null, stayedPerHire: null, sevenDayAttrition: null },
});

describe('funnel comparison chart option', () => {
  it('has one bar series per session over the six steps, labelled in the reader’s language', () => {
    const option = funnelComparisonOption([funnel('S1', [1200, 300, 80, 20, 9, 8]), funnel('S2', [500, 90, 30, 10, 4, 2])], 'en') as {
      xAxis: { data: string[] }; series: Array<{ name: string; type: string; data: number[] }>;
    };
    expect(option.xAxis.data).toEqual(['Step 0', 'Step 1', 'Step 2', 'Step 3', 'Step 4', 'Step 5']);
    expect(option.series.map((series) => [series.name, series.type])).toEqual([['S1', 'bar'], ['S2', 'bar']]);
    expect(option.series[1].data).toEqual([500, 90, 30, 10, 4, 2]);
    const zh = funnelComparisonOption([funnel('S1', [1, 1, 1, 0, 0, 0])], 'zh') as { xAxis: { data: string[] } };
    expect(zh.xAxis.data[0]).toBe('步骤0');
  });
});

describe('session funnel chart option', () => {
  it('keeps the steps in order, with counts and the share of the step before', () => {
    const option = sessionFunnelOption(funnel('S1', [1200, 300, 75, 20, 0, 0]), 'zh') as {
      series: Array<{ type: string; sort: string; data: Array<{ name: string; value: number; label: { formatter: string } }> }>;
    };
    const [series] = option.series;
    expect(series.type).toBe('funnel');
    expect(series.sort).toBe('none');
    expect(series.data.map((item) => item.value)).toEqual([1200, 300, 75, 20, 0, 0]);
    expect(series.data.map((item) => item.label.formatter)).toEqual([
      '步骤0 1200', '步骤1 300（上一步的 25%）', '步骤2 75（上一步的 25%）', '步骤3 20（上一步的 26.7%）', '步骤4 0（上一步的 0%）', '步骤5 0',
    ]);
    const en = sessionFunnelOption(funnel('S1', [10, 5, 1, 0, 0, 0]), 'en') as { series: Array<{ data: Array<{ label: { formatter: string } }> }> };
    expect(en.series[0].data[1].label.formatter).toBe('Step 1 5 (50% of previous)');
  });
});

describe('formatting', () => {
  it('formats rates and hours', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.045)).toBe('4.5%');
    expect(formatHours(null)).toBeNull();
    expect(formatHours(3.25)).toBe('3.3');
    expect(formatHours(47.6)).toBe('48');
    expect(chinaToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
