import type { CampaignSummary } from '../../../../contracts/campaigns';

export type CampaignScope = { from: string; to: string; provinceCode: string | null; cityCode: string | null };

/**
 * The campaigns a report can be narrowed to: those whose period overlaps the window and whose area holds the
 * region (national campaigns everywhere; a province's in it and its cities; a city's only there). The chosen
 * one stays listed even when out of scope, so the picker never shows a bare id.
 */
export function campaignsInScope(campaigns: readonly CampaignSummary[], scope: CampaignScope, chosenId: string | undefined): CampaignSummary[] {
  const isInArea = (campaign: CampaignSummary) => {
    if (campaign.provinceCode === null && campaign.cityCode === null) return true;
    if (scope.provinceCode === null && scope.cityCode === null) return true;
    const province = campaign.provinceCode ?? campaign.cityCode?.slice(0, 2) ?? null;
    if (scope.cityCode) return campaign.cityCode ? campaign.cityCode === scope.cityCode : province === scope.cityCode.slice(0, 2);
    return province === scope.provinceCode;
  };
  const overlaps = (campaign: CampaignSummary) => campaign.startsOn <= scope.to && campaign.endsOn >= scope.from;
  return campaigns.filter((campaign) => campaign.id === chosenId || (overlaps(campaign) && isInArea(campaign)));
}
