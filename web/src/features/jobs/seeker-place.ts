// Where 附近 measures from, kept on this phone: a city code only (never the position the browser gave).
export type NearCitySource = 'device' | 'home' | 'chosen';
export type NearCity = { code: string; source: NearCitySource };

const STORAGE_KEY = 'jobcast.nearCity';

export function readNearCity(): NearCity | null {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<NearCity> | null;
    if (value && typeof value.code === 'string' && /^\d{6}$/.test(value.code) && ['device', 'home', 'chosen'].includes(value.source ?? '')) {
      return { code: value.code, source: value.source as NearCitySource };
    }
  } catch {
    // A broken value is as good as none.
  }
  return null;
}

export function saveNearCity(city: NearCity) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(city));
  } catch {
    // Private mode: 附近 still works for this visit through the URL.
  }
}

/** The first-use sheet's answers (city, desired job categories), asked once per phone. */
export type SeekerPrefs = { cityCode: string | null; categories: string[] };

const PREFS_KEY = 'jobcast.seekerPrefs';

export function readSeekerPrefs(): SeekerPrefs | null {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(PREFS_KEY) ?? 'null') as Partial<SeekerPrefs> | null;
    if (!value || !Array.isArray(value.categories)) return null;
    const cityCode = typeof value.cityCode === 'string' && /^\d{6}$/.test(value.cityCode) ? value.cityCode : null;
    return { cityCode, categories: value.categories.filter((code): code is string => typeof code === 'string').slice(0, 10) };
  } catch {
    return null;
  }
}

export function saveSeekerPrefs(prefs: SeekerPrefs) {
  try {
    globalThis.localStorage?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Private mode: the answers hold for this visit only.
  }
}
