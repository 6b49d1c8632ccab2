import { Button, Select, Tag } from 'antd';
// The search box alone: antd's Input index brings TextArea, OTP and Password to the seeker's first screen.
import Search from 'antd/es/input/Search';
import { useTranslation } from 'react-i18next';
import { CatalogueSelect } from '../../components/catalogue-select';
import { CitySelect } from '../../components/city-select';
import { JOBS_NS } from './i18n';
import { countActiveFilters, MIN_PAY_CHOICES, type JobFilters } from './job-filters';

type Props = { filters: JobFilters; onChange: (filters: JobFilters) => void };

/** City, category, minimum monthly pay and the 包住 / 夫妻房 / 包吃 / 餐补 / 日结 toggles. */
export function JobFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation(JOBS_NS);
  const update = (patch: Partial<JobFilters>) => onChange({ ...filters, ...patch });
  const toggles: Array<{ key: string; label: string; isOn: boolean; patch: Partial<JobFilters> }> = [
    { key: 'dormitory', label: t('filters.dormitory'), isOn: filters.housing === 'dormitory', patch: { housing: filters.housing === 'dormitory' ? undefined : 'dormitory' } },
    { key: 'couple-room', label: t('filters.coupleRoom'), isOn: filters.housing === 'couple_room', patch: { housing: filters.housing === 'couple_room' ? undefined : 'couple_room' } },
    { key: 'free-meals', label: t('filters.freeMeals'), isOn: filters.meals === 'free', patch: { meals: filters.meals === 'free' ? undefined : 'free' } },
    { key: 'meal-allowance', label: t('filters.mealAllowance'), isOn: filters.meals === 'allowance', patch: { meals: filters.meals === 'allowance' ? undefined : 'allowance' } },
    { key: 'daily-pay', label: t('filters.dailyPay'), isOn: filters.isDailyPay === true, patch: { isDailyPay: filters.isDailyPay ? undefined : true } },
  ];
  return (
    <section className="filter-bar" data-testid="job-filters">
      <Search
        allowClear
        placeholder={t('filters.keyword')}
        aria-label={t('filters.keyword')}
        key={filters.q ?? ''}
        defaultValue={filters.q}
        onSearch={(value) => update({ q: value.trim() || undefined })}
        data-testid="filter-keyword"
      />
      <div className="filter-row">
        <CitySelect value={filters.cityCode} onChange={(cityCode) => update({ cityCode })} testId="filter-city" />
        <CatalogueSelect catalogue="categories" value={filters.categoryCode} onChange={(value) => update({ categoryCode: typeof value === 'string' ? value : undefined })} testId="filter-category" />
        <Select<number>
          data-testid="filter-min-pay"
          value={filters.minMonthlyPay ?? 0}
          onChange={(value) => update({ minMonthlyPay: value || undefined })}
          options={[{ value: 0, label: t('filters.minPayAny') }, ...MIN_PAY_CHOICES.map((amount) => ({ value: amount, label: t('filters.minPayAtLeast', { amount }) }))]}
          popupMatchSelectWidth={false}
          aria-label={t('filters.minPay')}
        />
      </div>
      <div className="filter-row" style={{ alignItems: 'center' }}>
        {toggles.map((toggle) => (
          <Tag.CheckableTag key={toggle.key} checked={toggle.isOn} onChange={() => update(toggle.patch)} data-testid={`filter-${toggle.key}`} style={{ border: '1px solid #d9d9d9', padding: '2px 10px', fontSize: 14 }}>
            {toggle.label}
          </Tag.CheckableTag>
        ))}
        {countActiveFilters(filters) > 0 ? (
          <Button type="link" size="small" onClick={() => onChange({ isNearSort: filters.isNearSort, nearCityCode: filters.nearCityCode })} data-testid="filter-clear">{t('list.clearFilters')}</Button>
        ) : null}
      </div>
    </section>
  );
}
