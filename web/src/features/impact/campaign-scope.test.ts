import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../../contracts/campaigns';
import { campaignsInScope } from './campaign-scope';

const campaign = (id: string, provinceCode: string | null, cityCode: string | null, startsOn: string, endsOn: string) =>
  ({ id, name: id, provinceCode, cityCode, startsOn, endsOn }) as CampaignSummary;

const list = [
  campaign('jiangsu-autumn', '32', null, '2022-09-01', '2022-10-31'),
  campaign('jiangsu-spring', '32', null, '2023-01-01', '2023-03-31'),
  campaign('suzhou-week', '32', '320500', '2022-09-10', '2022-09-16'),
  campaign('guangdong-autumn', '44', null, '2022-09-01', '2022-10-31'),
  campaign('national', null, null, '2022-01-01', '2022-12-31'),
];
const ids = (items: CampaignSummary[]) => items.map((item) => item.id);

describe('campaignsInScope', () => {
  it('keeps a bureau’s province and national campaigns that overlap the window', () => {
    expect(ids(campaignsInScope(list, { from: '2022-08-01', to: '2022-12-31', provinceCode: '32', cityCode: null }, undefined))).toEqual(['jiangsu-autumn', 'suzhou-week', 'national']);
    expect(ids(campaignsInScope(list, { from: '2023-01-01', to: '2023-01-31', provinceCode: '32', cityCode: null }, undefined))).toEqual(['jiangsu-spring']);
  });

  it('a city: its own campaigns and its province’s, not another city’s; the whole country: every area', () => {
    expect(ids(campaignsInScope(list, { from: '2022-09-01', to: '2022-09-30', provinceCode: null, cityCode: '320100' }, undefined))).toEqual(['jiangsu-autumn', 'national']);
    expect(ids(campaignsInScope(list, { from: '2022-09-01', to: '2022-09-30', provinceCode: null, cityCode: null }, undefined))).toEqual(['jiangsu-autumn', 'suzhou-week', 'guangdong-autumn', 'national']);
  });

  it('keeps the chosen campaign listed even out of scope', () => {
    expect(ids(campaignsInScope(list, { from: '2023-02-01', to: '2023-02-28', provinceCode: '44', cityCode: null }, 'jiangsu-autumn'))).toEqual(['jiangsu-autumn']);
  });
});
