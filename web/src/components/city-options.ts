import type { Language } from '../app/server-errors';
import type { Reference } from '../app/types';

export type CityOption = {
  value: string;
  label: string;
  /** Lower-case names used for matching: the city's (Chinese, short, English) and its province's. */
  cityNames: string[];
  provinceNames: string[];
};

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
      cityNames: [city.name, city.shortName, city.nameEn].map((name) => name.toLowerCase()),
      provinceNames: province ? [province.name, province.shortName, province.nameEn].map((name) => name.toLowerCase()) : [],
    };
  });
}

/**
 * How well a typed search matches a city: 3 a city name starts with it, 2 a city name contains it,
 * 1 its province starts with it (江苏 lists Jiangsu's cities), 0 no match.
 */
export function cityMatchScore(option: Pick<CityOption, 'cityNames' | 'provinceNames'>, search: string): number {
  const query = search.trim().toLowerCase();
  if (!query) return 1;
  if (option.cityNames.some((name) => name.startsWith(query))) return 3;
  if (option.cityNames.some((name) => name.includes(query))) return 2;
  if (option.provinceNames.some((name) => name.startsWith(query))) return 1;
  return 0;
}
