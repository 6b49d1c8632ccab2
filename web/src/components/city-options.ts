import type { Language } from '../app/server-errors';
import type { Reference } from '../app/types';

export type CityOption = { value: string; label: string; search: string };

/** Options for the city picker: "苏州 · 江苏" (or "Suzhou · Jiangsu"), searchable in both languages. */
export function cityOptions(reference: Pick<Reference, 'cities' | 'provinces'>, language: Language): CityOption[] {
  const provinces = new Map(reference.provinces.map((province) => [province.code, province]));
  return reference.cities.map((city) => {
    const province = provinces.get(city.provinceCode);
    const cityName = language === 'en' ? city.nameEn : city.shortName;
    const provinceName = province ? (language === 'en' ? province.nameEn : province.shortName) : '';
    const isMunicipality = province !== undefined && province.shortName === city.shortName;
    return {
      value: city.code,
      label: provinceName && !isMunicipality ? `${cityName} · ${provinceName}` : cityName,
      search: [city.name, city.shortName, city.nameEn, province?.name, province?.shortName, province?.nameEn].filter(Boolean).join(' ').toLowerCase(),
    };
  });
}
