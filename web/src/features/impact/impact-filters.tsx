import { Cascader, DatePicker, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { useApi } from '../../app/use-api';
import { campaignsApi } from '../campaigns/api';
import { regionFromPicker, REPORT_WINDOW } from '../analytics/use-analytics-query';
import type { ImpactQuery } from './api';
import { campaignsInScope } from './campaign-scope';
import { IMPACT_NS } from './i18n';

type RegionOption = { value: string; label: string; children?: RegionOption[] };
const NATIONAL = 'national';

/**
 * Window, region and campaign. `ownProvince` (a bureau with a province) keeps the region choice to that
 * province and its cities, as the server does (another region is 403).
 */
export function ImpactFilters({ query, onChange, ownProvince }: { query: ImpactQuery; onChange: (changes: Partial<ImpactQuery>) => void; ownProvince: string | null }) {
  const { t } = useTranslation(IMPACT_NS);
  const { reference } = useReference();
  const language = currentLanguage();
  const cityProvince = query.city ? reference?.cityByCode.get(query.city)?.provinceCode : undefined;
  const province = query.province ?? (query.national ? undefined : ownProvince ?? undefined);
  // Only the campaigns that can narrow this report: the region's (and national ones) overlapping the window.
  const scopeProvince = cityProvince ?? province;
  const campaigns = useApi(() => campaignsApi.list({ limit: 200, province: scopeProvince }), `impact-campaigns-${scopeProvince ?? 'all'}`);
  const campaignOptions = useMemo(
    () => campaignsInScope(campaigns.data?.campaigns ?? [], { from: query.from, to: query.to, provinceCode: province ?? null, cityCode: query.city ?? null }, query.campaignId),
    [campaigns.data, query.from, query.to, province, query.city, query.campaignId],
  );
  const regionOptions = useMemo<RegionOption[]>(() => {
    if (!reference) return [];
    const name = (item: { shortName: string; nameEn: string }) => (language === 'en' ? item.nameEn : item.shortName);
    const provinces = reference.provinces
      .filter((province) => !ownProvince || province.code === ownProvince)
      .map((province) => ({
        value: province.code,
        label: name(province),
        children: reference.cities.filter((city) => city.provinceCode === province.code).map((city) => ({ value: city.code, label: name(city) })),
      }));
    return ownProvince ? provinces : [{ value: NATIONAL, label: t('filters.national') }, ...provinces];
  }, [reference, language, t, ownProvince]);

  const regionValue = query.city && cityProvince ? [cityProvince, query.city] : province ? [province] : [NATIONAL];
  const presets: Array<{ label: string; value: [Dayjs, Dayjs] }> = [
    { label: '2022-08 … 2023-01', value: [dayjs(REPORT_WINDOW.from), dayjs(REPORT_WINDOW.to)] },
    { label: '2022', value: [dayjs('2022-01-01'), dayjs('2022-12-31')] },
    { label: String(dayjs().year()), value: [dayjs().startOf('year'), dayjs().subtract(1, 'day')] },
  ];

  const handleRegionChange = (value: (string | number)[] | undefined) => onChange(regionFromPicker(value, NATIONAL));

  return (
    <Space wrap size={[16, 8]} data-testid="impact-filters">
      <Space size={6}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('filters.window')}</Typography.Text>
        <DatePicker.RangePicker
          value={[dayjs(query.from), dayjs(query.to)]}
          allowClear={false}
          presets={presets}
          onChange={(range) => {
            if (range?.[0] && range[1]) onChange({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
          }}
          data-testid="impact-window"
        />
      </Space>
      <Space size={6}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('filters.region')}</Typography.Text>
        <Cascader
          options={regionOptions}
          value={regionValue}
          onChange={handleRegionChange}
          changeOnSelect
          allowClear={false}
          showSearch
          aria-label={t('filters.region')}
          style={{ minWidth: 180 }}
          data-testid="impact-region"
        />
      </Space>
      <Space size={6}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('filters.campaign')}</Typography.Text>
        <Select
          value={query.campaignId ?? ''}
          onChange={(value: string) => onChange({ campaignId: value || undefined })}
          options={[{ value: '', label: t('filters.allCampaigns') }, ...campaignOptions.map((campaign) => ({ value: campaign.id, label: `${campaign.name} · ${campaign.cityName ?? campaign.provinceName ?? t('filters.national')} ${campaign.startsOn.slice(0, 7)}` }))]}
          aria-label={t('filters.campaign')}
          style={{ minWidth: 180, maxWidth: 280 }}
          popupMatchSelectWidth={false}
          data-testid="impact-campaign"
        />
      </Space>
    </Space>
  );
}
