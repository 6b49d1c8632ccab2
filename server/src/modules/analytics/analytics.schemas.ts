import { z } from 'zod';
import { FIGURE_NAMES, TIERS } from '../../../../contracts/analytics.js';

export const DEFAULT_MIN_SENT = 30;

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** Query of GET /api/analytics and /api/public/analytics. */
export const analyticsQuerySchema = z.object({
  from: dateString,
  to: dateString,
  province: z.string().trim().min(1).max(20).optional().describe('province: 2-digit code, short (江苏) or full name (江苏省)'),
  city: z.string().trim().min(1).max(20).optional().describe('city: 6-digit code, short (苏州) or full name (苏州市)'),
  national: z.enum(['true', 'false']).optional().describe('true: the whole country (a bureau otherwise sees its province)'),
  minSent: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_MIN_SENT).describe('cities need at least this many sent applications to be ranked by attractiveness'),
  campaign: z.string().uuid('must be a campaign id').optional().describe('only what came through this campaign’s sessions (applications, hires, sessions, the jobs they presented)'),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** URL names of the figures for CSV download: /api/analytics/top-categories.csv */
export const FIGURE_SLUGS = {
  totals: 'totals',
  industries: 'industries',
  topCategories: 'top-categories',
  topCitiesByCategory: 'top-cities-by-category',
  topProvinces: 'top-provinces',
  attractiveness: 'attractiveness',
  tierFlows: 'tier-flows',
} as const satisfies Record<(typeof FIGURE_NAMES)[number], string>;

export const figureSlugSchema = z.enum(Object.values(FIGURE_SLUGS) as [string, ...string[]]);

const tierSchema = z.enum(TIERS);
const countSchema = z.number();
const maybeCount = z.number().nullable();

const regionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('province'), code: z.string(), name: z.string() }),
    z.object({ kind: z.literal('city'), code: z.string(), name: z.string(), provinceCode: z.string() }),
  ])
  .nullable();

export const analyticsResponseSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  region: regionSchema,
  minSent: z.number(),
  containsSyntheticData: z.boolean(),
  totals: z.object({ applications: countSchema, sessions: countSchema, companies: countSchema, jobs: countSchema, hires: countSchema }),
  industries: z.array(z.object({ industry: z.string(), applications: countSchema, share: z.number() })),
  topCategories: z.array(z.object({ category: z.string(), applications: countSchema })),
  topCitiesByCategory: z.array(z.object({ category: z.string(), cities: z.array(z.object({ city: z.string(), cityCode: z.string(), applications: countSchema })) })),
  topProvinces: z.array(z.object({ province: z.string(), provinceCode: z.string(), applications: countSchema })),
  attractiveness: z.array(z.object({ city: z.string(), cityCode: z.string(), received: countSchema, sent: countSchema, index: z.number() })),
  tierFlows: z.array(z.object({ from: tierSchema, to: tierSchema, applications: countSchema })),
  regionFlows: z.object({
    within: countSchema,
    cities: z.array(z.object({ city: z.string(), cityCode: z.string(), received: countSchema, sent: countSchema })),
    inflows: z.array(z.object({ province: z.string(), provinceCode: z.string(), applications: countSchema })),
    outflows: z.array(z.object({ province: z.string(), provinceCode: z.string(), applications: countSchema })),
  }).nullable().describe('a province only: its cities, and the applications within it, into it and out of it by the other province'),
});

const totalsKey = z.enum(['applications', 'sessions', 'companies', 'jobs', 'hires']);

export const publicAnalyticsResponseSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  region: regionSchema,
  minSent: z.number(),
  containsSyntheticData: z.boolean(),
  suppression: z.object({ threshold: z.number(), cells: z.number() }),
  totals: z.object({ applications: maybeCount, sessions: maybeCount, companies: maybeCount, jobs: maybeCount, hires: maybeCount, suppressed: z.array(totalsKey) }),
  industries: z.array(z.object({ industry: z.string(), applications: maybeCount, share: maybeCount, suppressed: z.boolean() })),
  topCategories: z.array(z.object({ category: z.string(), applications: maybeCount, suppressed: z.boolean() })),
  topCitiesByCategory: z.array(z.object({
    category: z.string(),
    cities: z.array(z.object({ city: z.string(), cityCode: z.string(), applications: maybeCount, suppressed: z.boolean() })),
  })),
  topProvinces: z.array(z.object({ province: z.string(), provinceCode: z.string(), applications: maybeCount, suppressed: z.boolean() })),
  attractiveness: z.array(z.object({ city: z.string(), cityCode: z.string(), received: maybeCount, sent: maybeCount, index: maybeCount, suppressed: z.boolean() })),
  tierFlows: z.array(z.object({ from: tierSchema, to: tierSchema, applications: maybeCount, suppressed: z.boolean() })),
  regionFlows: z.object({
    within: maybeCount,
    cities: z.array(z.object({ city: z.string(), cityCode: z.string(), received: maybeCount, sent: maybeCount, suppressed: z.boolean() })),
    inflows: z.array(z.object({ province: z.string(), provinceCode: z.string(), applications: maybeCount, suppressed: z.boolean() })),
    outflows: z.array(z.object({ province: z.string(), provinceCode: z.string(), applications: maybeCount, suppressed: z.boolean() })),
  }).nullable(),
});
