// Small pure formatters of the campaign pages (tested in format.test.ts).
import type { Language } from '../../app/i18n';
import type { ReferenceData } from '../../app/reference';

/** A China date YYYY-MM-DD as people read it: 2023年1月1日; English 1 Jan 2023. */
export function formatDay(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  if (language === 'en') return `${day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year}`;
  return `${year}年${month}月${day}日`;
}

/** The campaign's region: 苏州 (江苏), 江苏, or null for a nationwide one. English names when the reference has them. */
export function formatRegion(
  campaign: { provinceCode: string | null; provinceName: string | null; cityCode: string | null; cityName: string | null },
  language: Language,
  reference: Pick<ReferenceData, 'cityByCode' | 'provinceByCode'> | null,
): string | null {
  const province = campaign.provinceCode ? reference?.provinceByCode.get(campaign.provinceCode) : undefined;
  const city = campaign.cityCode ? reference?.cityByCode.get(campaign.cityCode) : undefined;
  const provinceName = language === 'en' && province ? province.nameEn : campaign.provinceName;
  const cityName = language === 'en' && city ? city.nameEn : campaign.cityName;
  if (cityName) return provinceName ? `${cityName} (${provinceName})` : cityName;
  return provinceName ?? null;
}
