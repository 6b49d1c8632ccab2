// i18next set up once, Chinese by default. Each feature registers its own namespace from its own
// i18n.ts (see registerTranslations) — no central dictionary to edit when a feature is added.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn, commonZh } from './locales/common';
import type { Language } from './server-errors';

export type { Language };
export const LANGUAGES: readonly Language[] = ['zh', 'en'];
const STORAGE_KEY = 'jobcast.language';

/** The English dictionary must have exactly the Chinese one's keys. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

void i18next.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'zh',
  supportedLngs: LANGUAGES as Language[],
  ns: ['common'],
  defaultNS: 'common',
  resources: { zh: { common: commonZh }, en: { common: commonEn } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
setDocumentLanguage(currentLanguage());

function setDocumentLanguage(language: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
}

/** Adds a feature's dictionary under its own namespace; call it at the top level of the feature's i18n.ts. */
export function registerTranslations<T extends object>(namespace: string, dictionaries: { zh: T; en: SameKeys<T> }): string {
  i18next.addResourceBundle('zh', namespace, dictionaries.zh, true, true);
  i18next.addResourceBundle('en', namespace, dictionaries.en, true, true);
  return namespace;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh';
}

export async function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  setDocumentLanguage(language);
  await i18next.changeLanguage(language);
}

export { i18next };
