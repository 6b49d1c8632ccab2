import { Cascader, DatePicker, InputNumber, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import type { AnalyticsQuery } from './api';
import { ANALYTICS_NS } from './i18n';
import { regionFromPicker, REPORT_WINDOW } from './use-analytics-query';

type RegionOption = { value: string; label: string; children?: RegionOption[] };
const NATIONAL = 'national';

/** Window (China days), region (all of China, a province or one of its cities) and the ranking threshold. */
export function AnalyticsFilters({ query, onChange, defaultProvince }: {
  query: AnalyticsQuery;
  onChange: (changes: Partial<AnalyticsQuery>) => void;
  /** A bureau's own province: shown when the URL names no region, and the only one offered. */
  defaultProvince: string | null;
}) {
  const { t } = useTranslation(ANALYTICS_NS);
  const { reference } = useReference();
  const language = currentLanguage();
  const options = useMemo<RegionOption[]>(() => {
    if (!reference) return [];
    const name = (item: { shortName: string; nameEn: string }) => (language === 'en' ? item.nameEn : item.shortName);
    // A bureau's figures are its own province and its cities (the server refuses the rest): only those are offered.
    const provinces = defaultProvince ? reference.provinces.filter((province) => province.code === defaultProvince) : reference.provinces;
    return [
      ...(defaultProvince ? [] : [{ value: NATIONAL, label: t('filters.national') }]),
      ...provinces.map((province) => ({
        value: province.code,
        label: name(province),
        children: reference.cities.filter((city) => city.provinceCode === province.code).map((city) => ({ value: city.code, label: name(city) })),
      })),
    ];
  }, [reference, language, t, defaultProvince]);

  const cityProvince = query.city ? reference?.cityByCode.get(query.city)?.provinceCode : undefined;
  const province = query.province ?? (query.national ? undefined : defaultProvince ?? undefined);
  const regionValue = query.city && cityProvince ? [cityProvince, query.city] : province ? [province] : [NATIONAL];
  const today = dayjs();
  const presets: Array<{ label: string; value: [Dayjs, Dayjs] }> = [
    { label: t('filters.presets.report'), value: [dayjs(REPORT_WINDOW.from), dayjs(REPORT_WINDOW.to)] },
    { label: t('filters.presets.last30'), value: [today.subtract(30, 'day'), today.subtract(1, 'day')] },
    { label: t('filters.presets.last6Months'), value: [today.subtract(6, 'month').startOf('month'), today.startOf('month').subtract(1, 'day')] },
    { label: t('filters.presets.thisYear'), value: [today.startOf('year'), today.subtract(1, 'day')] },
  ];

  const handleRegionChange = (value: (string | number)[] | undefined) => onChange(regionFromPicker(value, NATIONAL));

  return (
    <Space wrap size={[16, 8]} data-testid="analytics-filters">
      <Space size={6}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('filters.window')}</Typography.Text>
        <DatePicker.RangePicker
          value={[dayjs(query.from), dayjs(query.to)]}
          allowClear={false}
          presets={presets}
          onChange={(range) => {
            if (range?.[0] && range[1]) onChange({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
          }}
          data-testid="analytics-window"
        />
      </Space>
      <Space size={6}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('filters.region')}</Typography.Text>
        <Cascader
          options={options}
          value={regionValue}
          onChange={handleRegionChange}
          changeOnSelect
          allowClear={false}
          showSearch
          placeholder={t('filters.regionPlaceholder')}
          aria-label={t('filters.region')}
          style={{ minWidth: 200 }}
          data-testid="analytics-region"
        />
      </Space>
      <Tooltip title={t('filters.minSentHint')}>
        <Space size={6}>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('filters.minSent')}</Typography.Text>
          <InputNumber aria-label={t('filters.minSent')} min={1} max={100000} value={query.minSent ?? 30} onChange={(value) => onChange({ minSent: value ?? undefined })} style={{ width: 90 }} data-testid="analytics-min-sent" />
        </Space>
      </Tooltip>
    </Space>
  );
}
