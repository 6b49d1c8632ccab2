import { describe, expect, it } from 'vitest';
import type { CampaignSession } from './api';
import { campaignComparisonOption } from './comparison-option';

const session = (title: string, figures: CampaignSession['figures']): CampaignSession => ({
  id: title, title, status: 'ended', startsAt: '2023-01-05T11:00:00.000Z', wentLiveAt: null, endedAt: null, hostUserId: 'h', hostName: '主播',
  provinceCode: '32', cityName: '苏州', jobCount: 3, isSynthetic: true, figures,
});

describe('campaign comparison chart option', () => {
  it('puts sessions on the axis, three bars and the attrition line in percent', () => {
    const option = campaignComparisonOption([
      session('S1', { viewers: 20, applications: 12, interviews: 4, hires: 3, onboarded: 3, stayed7Days: 2, leftWithin7Days: 1, sevenDayAttrition: 1 / 3 }),
      session('S2', { viewers: 5, applications: 2, interviews: 0, hires: 0, onboarded: 0, stayed7Days: 0, leftWithin7Days: 0, sevenDayAttrition: null }),
      session('hidden', null),
    ], 'zh') as { xAxis: { data: string[] }; series: Array<{ name: string; type: string; data: Array<number | null> }> };
    expect(option.xAxis.data).toEqual(['S1', 'S2']);
    expect(option.series.map((series) => [series.name, series.type, series.data])).toEqual([
      ['报名', 'bar', [12, 2]],
      ['录用', 'bar', [3, 0]],
      ['满7天在岗', 'bar', [2, 0]],
      ['7天流失率', 'line', [33.3, null]],
    ]);
  });
});
