// GET /api/recommendations: jobs and sessions ranked for one seeker, each with the reasons shown to the seeker
// ("你关注的工种：普工", "离你 12 km"). Reasons carry codes, not words: the web app says them in zh or en.
import { z } from 'zod';

export const recommendationReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('desired_category'), categoryCode: z.string() }),
  z.object({ kind: z.literal('applied_category'), categoryCode: z.string() }),
  z.object({ kind: z.literal('same_city'), cityCode: z.string() }),
  z.object({ kind: z.literal('nearby'), km: z.number(), cityCode: z.string() }),
  z.object({ kind: z.literal('home_city'), cityCode: z.string() }),
  z.object({ kind: z.literal('home_province'), provinceCode: z.string() }),
  z.object({ kind: z.literal('followed_company'), companyId: z.string() }),
  z.object({ kind: z.literal('followed_host'), hostUserId: z.string() }),
  z.object({ kind: z.literal('live_now') }),
]);
export type RecommendationReason = z.infer<typeof recommendationReasonSchema>;

export const recommendationsQuerySchema = z.object({
  /** The city the seeker is in now (first-use choice or the browser's position mapped to a city); overrides the profile's. */
  cityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code').optional(),
  /** Comma-separated job category codes the seeker wants; overrides the profile's. */
  categories: z.string().max(300).optional()
    .transform((value) => (value ? value.split(',').map((code) => code.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.string().regex(/^[a-z_]{2,40}$/, 'must be category codes')).max(10).optional()),
});

/** What the ranking was based on (the page says so, and offers to change it). */
export const recommendationBasisSchema = z.object({
  cityCode: z.string().nullable(),
  homeCityCode: z.string().nullable(),
  categories: z.array(z.string()),
  applicationCount: z.number(),
  /** Companies and hosts followed (关注). */
  followCount: z.number(),
});
export type RecommendationBasis = z.infer<typeof recommendationBasisSchema>;

export const preferencesBodySchema = z.object({
  currentCityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code').nullable(),
  desiredCategories: z.array(z.string().regex(/^[a-z_]{2,40}$/, 'must be a category code')).max(10),
});
export type PreferencesBody = z.infer<typeof preferencesBodySchema>;
