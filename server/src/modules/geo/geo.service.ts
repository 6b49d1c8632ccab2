import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as repository from './geo.repository.js';
import type { Catalogue, City, Province } from './geo.repository.js';

export type Reference = { provinces: Province[]; cities: City[]; industries: Catalogue[]; categories: Catalogue[] };

/** Reference facts (cities, tiers, industries, categories) loaded once: they only change by migration. */
export async function createGeoService(db: Db) {
  const reference: Reference = {
    provinces: await repository.listProvinces(db),
    cities: await repository.listCities(db),
    industries: await repository.listIndustries(db),
    categories: await repository.listJobCategories(db),
  };
  const cityByKey = new Map<string, City>();
  for (const city of reference.cities) {
    cityByKey.set(city.code, city);
    cityByKey.set(city.name, city);
    cityByKey.set(city.shortName, city);
  }
  const provinceByKey = new Map<string, Province>();
  for (const province of reference.provinces) {
    provinceByKey.set(province.code, province);
    provinceByKey.set(province.name, province);
    provinceByKey.set(province.shortName, province);
  }
  const categoryByKey = new Map<string, Catalogue>();
  for (const category of reference.categories) {
    categoryByKey.set(category.code, category);
    categoryByKey.set(category.name, category);
  }
  const industryByKey = new Map<string, Catalogue>();
  for (const industry of reference.industries) {
    industryByKey.set(industry.code, industry);
    industryByKey.set(industry.name, industry);
  }

  return {
    reference,
    /** A city by 6-digit code, full name (苏州市) or short name (苏州); null when unknown. */
    findCity: (key: string) => cityByKey.get(key.trim()) ?? null,
    findProvince: (key: string) => provinceByKey.get(key.trim()) ?? null,
    findCategory: (key: string) => categoryByKey.get(key.trim()) ?? null,
    findIndustry: (key: string) => industryByKey.get(key.trim()) ?? null,
    getCity(key: string, path = 'city') {
      const city = cityByKey.get(key.trim());
      if (!city) throw new AppError('validation_failed', `${path}: unknown city "${key}"`, { fields: [{ path, message: `unknown city "${key}"` }] });
      return city;
    },
    getCategory(key: string, path = 'category') {
      const category = categoryByKey.get(key.trim());
      if (!category) throw new AppError('validation_failed', `${path}: unknown job category "${key}"`, { fields: [{ path, message: `unknown job category "${key}"` }] });
      return category;
    },
    getIndustry(key: string, path = 'industry') {
      const industry = industryByKey.get(key.trim());
      if (!industry) throw new AppError('validation_failed', `${path}: unknown industry "${key}"`, { fields: [{ path, message: `unknown industry "${key}"` }] });
      return industry;
    },
  };
}

export type GeoService = Awaited<ReturnType<typeof createGeoService>>;
