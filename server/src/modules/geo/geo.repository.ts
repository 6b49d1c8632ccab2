import type { Queryable } from '../../platform/db.js';

export type City = { code: string; name: string; shortName: string; nameEn: string; provinceCode: string; tier: string; longitude: number; latitude: number };
export type Province = { code: string; name: string; shortName: string; nameEn: string; region: string };
export type Catalogue = { code: string; name: string; nameEn: string };

export function listCities(db: Queryable) {
  return db.query<City>(
    `select code, name, short_name as "shortName", name_en as "nameEn", province_code as "provinceCode", tier, longitude, latitude
     from cities order by code`,
  );
}

export function listProvinces(db: Queryable) {
  return db.query<Province>('select code, name, short_name as "shortName", name_en as "nameEn", region from provinces order by code');
}

export function listIndustries(db: Queryable) {
  return db.query<Catalogue>('select code, name, name_en as "nameEn" from industries order by code');
}

export function listJobCategories(db: Queryable) {
  return db.query<Catalogue>('select code, name, name_en as "nameEn" from job_categories order by sort_order');
}
