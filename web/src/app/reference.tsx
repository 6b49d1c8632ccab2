import { createContext, startTransition, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api';
import type { Language } from './server-errors';
import type { CatalogueItem, City, Province, Reference } from './types';

export type ReferenceData = Reference & {
  cityByCode: Map<string, City>;
  provinceByCode: Map<string, Province>;
  categoryByCode: Map<string, CatalogueItem>;
  industryByCode: Map<string, CatalogueItem>;
};

type ReferenceState = { reference: ReferenceData | null; error: Error | null };

const ReferenceContext = createContext<ReferenceState>({ reference: null, error: null });

export function indexReference(reference: Reference): ReferenceData {
  return {
    ...reference,
    cityByCode: new Map(reference.cities.map((city) => [city.code, city])),
    provinceByCode: new Map(reference.provinces.map((province) => [province.code, province])),
    categoryByCode: new Map(reference.categories.map((category) => [category.code, category])),
    industryByCode: new Map(reference.industries.map((industry) => [industry.code, industry])),
  };
}

/** Cities, provinces, industries and job categories, loaded once (they change only by migration). */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ReferenceState>({ reference: null, error: null });
  useEffect(() => {
    let isCurrent = true;
    api
      .get<Reference>('/api/reference')
      // Every name on the page redraws: as a transition, in slices, not one long task.
      .then((reference) => isCurrent && startTransition(() => setState({ reference: indexReference(reference), error: null })))
      .catch((error: Error) => isCurrent && setState({ reference: null, error }));
    return () => {
      isCurrent = false;
    };
  }, []);
  const value = useMemo(() => state, [state]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): ReferenceState {
  return useContext(ReferenceContext);
}

/** A catalogue entry's name in the reader's language. */
export function localName(item: { name: string; nameEn: string } | undefined, language: Language, fallback = ''): string {
  if (!item) return fallback;
  return language === 'en' ? item.nameEn : item.name;
}

/** Names of reference entries in the reader's language, falling back to what the server sent. */
export function useLocalizedNames(language: Language) {
  const { reference } = useReference();
  return {
    city: (code: string, fallback: string) => {
      const city = reference?.cityByCode.get(code);
      return city ? (language === 'en' ? city.nameEn : city.shortName) : fallback;
    },
    provinceOfCity: (cityCode: string, fallback: string) => {
      const province = reference?.provinceByCode.get(reference.cityByCode.get(cityCode)?.provinceCode ?? '');
      return province ? (language === 'en' ? province.nameEn : province.shortName) : fallback;
    },
    category: (code: string, fallback: string) => localName(reference?.categoryByCode.get(code), language, fallback),
    industry: (code: string, fallback: string) => localName(reference?.industryByCode.get(code), language, fallback),
  };
}
