import { describe, expect, it } from 'vitest';
import { bestSessionsOption } from './chart-options';

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
