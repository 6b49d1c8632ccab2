// Shapes of the server's JSON as the web app sees it (dates arrive as ISO strings).
// Routes and schemas: server/src/modules/*/*.routes.ts and *.schemas.ts; OpenAPI at /docs/json.

export type Role = 'seeker' | 'employer' | 'host' | 'bureau' | 'admin';

export type User = {
  id: string;
  role: Role;
  displayName: string;
  email: string | null;
  phone: string | null;
  companyId: string | null;
  provinceCode: string | null;
};

export type AccountType = 'direct' | 'agency' | 'dispatch' | 'public';

export type Province = { code: string; name: string; shortName: string; nameEn: string; region: string };
export type City = { code: string; name: string; shortName: string; nameEn: string; provinceCode: string; tier: string; longitude: number; latitude: number };
export type CatalogueItem = { code: string; name: string; nameEn: string };
export type Reference = { provinces: Province[]; cities: City[]; industries: CatalogueItem[]; categories: CatalogueItem[] };
