import { describe, expect, it } from 'vitest';
import { attritionSeriesOption, bestSessionsOption, periodLabel } from './chart-options';

describe('bestSessionsOption', () => {
  it('draws the best session at the top, withheld hires without a bar, long titles shortened', () => {
    const option = bestSessionsOption([{ title: '蒙阴县春风行动直播带岗专场第一场次', hires: 380 }, { title: 'S2', hires: null }], '一周录用') as {
      yAxis: { data: string[] };
      series: Array<{ data: Array<number | null>; name: string }>;
    };
    expect(option.yAxis.data).toEqual(['S2', '蒙阴县春风行动直播带岗专场第一…']);
    expect(option.series[0]).toMatchObject({ name: '一周录用', data: [null, 380] });
  });
});

describe('attritionSeriesOption', () => {
  it('draws each period’s rate in per cent and labels a period without one 数据不足 or * — never a 0 % bar', () => {
    const periods = [
      { from: '2022-08-01', to: '2022-08-31', left: 12, stayed: 60, attrition: 0.1667 },
      { from: '2022-09-01', to: '2022-09-30', left: 0, stayed: 0, attrition: null },
      { from: '2022-10-01', to: '2022-10-31', left: null, stayed: 40, attrition: null },
    ];
    const option = attritionSeriesOption(periods, 'month', { seriesName: '7天流失率', noData: '数据不足', withheld: '*' }, (index) => index === 2) as {
      xAxis: { data: string[] };
      series: Array<{ data: Array<number | { value: number; label: { formatter: string } }> }>;
    };
    expect(option.xAxis.data).toEqual(['2022-08', '2022-09', '2022-10']);
    expect(option.series[0].data[0]).toBe(16.7);
    expect(option.series[0].data[1]).toMatchObject({ label: { formatter: '数据不足' } });
    expect(option.series[0].data[2]).toMatchObject({ label: { formatter: '*' } });
    expect(periodLabel({ from: '2026-01-05' }, 'week')).toBe('1/5');
  });
});
