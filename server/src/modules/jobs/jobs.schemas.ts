import { z } from 'zod';
import { multilineText, optionalQueryText, singleLineText } from '../../platform/input.js';

export const SHIFT_PATTERNS = ['day_shift', 'two_shifts', 'three_shifts', 'night_shift', 'flexible', 'six_on_one_off'] as const;
export const HOUSING_OPTIONS = ['none', 'dormitory', 'couple_room'] as const;
export const MEAL_OPTIONS = ['none', 'free', 'allowance'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const jobBodySchema = z
  .object({
    title: singleLineText({ min: 2, max: 60 }),
    categoryCode: z.string().min(1),
    industryCode: z.string().regex(/^[A-T]$/, 'must be a GB/T 4754 section letter A–T'),
    cityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code'),
    payMonthlyMin: z.number().int().min(1000, 'looks too low (yuan per month)').max(100000).optional(),
    payMonthlyMax: z.number().int().min(1000).max(100000).optional(),
    payHourly: z.number().min(10, 'looks too low (yuan per hour)').max(500).optional(),
    isDailyPay: z.boolean().default(false),
    shiftPattern: z.enum(SHIFT_PATTERNS),
    housing: z.enum(HOUSING_OPTIONS),
    meals: z.enum(MEAL_OPTIONS),
    headcount: z.number().int().min(1).max(10000),
    requirements: multilineText({ max: 2000 }).default(''),
    benefits: multilineText({ max: 2000 }).default(''),
    description: multilineText({ max: 5000 }).default(''),
    validFrom: isoDate,
    validUntil: isoDate,
    /** Optional tag from the occupations catalogue (impact report, 新职业); null or absent: none. */
    occupationId: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
  })
  .superRefine((body, context) => {
    if (body.payMonthlyMin === undefined && body.payHourly === undefined) {
      context.addIssue({ code: 'custom', path: ['payMonthlyMin'], message: 'give a monthly pay range or an hourly wage (工价) / 请填写月薪或工价' });
    }
    if (body.payMonthlyMax !== undefined && body.payMonthlyMin === undefined) {
      context.addIssue({ code: 'custom', path: ['payMonthlyMin'], message: 'is required when payMonthlyMax is given' });
    }
    if (body.payMonthlyMin !== undefined && body.payMonthlyMax !== undefined && body.payMonthlyMax < body.payMonthlyMin) {
      context.addIssue({ code: 'custom', path: ['payMonthlyMax'], message: 'must not be below payMonthlyMin' });
    }
    if (body.validUntil < body.validFrom) {
      context.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom / 有效期结束日期不能早于开始日期' });
    }
  });

export const jobSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  companyAccountType: z.enum(['direct', 'agency', 'dispatch', 'public']),
  title: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  provinceName: z.string(),
  payMonthlyMin: z.number().nullable(),
  payMonthlyMax: z.number().nullable(),
  payHourly: z.number().nullable(),
  isDailyPay: z.boolean(),
  shiftPattern: z.string(),
  housing: z.string(),
  meals: z.string(),
  headcount: z.number(),
  requirements: z.string(),
  benefits: z.string(),
  description: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(['open', 'closed']),
  isSynthetic: z.boolean(),
  createdAt: z.date(),
  occupationId: z.number().nullable(),
  /** Kilometres from the city asked for (?sort=distance&nearCityCode=…), city centre to city centre. */
  distanceKm: z.number().optional(),
});

export const listJobsQuerySchema = z.object({
  cityCode: z.string().regex(/^\d{6}$/).optional(),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  categoryCode: z.string().optional(),
  minMonthlyPay: z.coerce.number().int().min(0).optional(),
  housing: z.enum(['any', 'dormitory', 'couple_room']).optional(),
  meals: z.enum(['any', 'free', 'allowance']).optional(),
  isDailyPay: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  q: optionalQueryText({ max: 50 }),
  /** One company's open jobs (its public page). */
  companyId: z.string().uuid('must be a company id').optional(),
  /** The open jobs a host presents in its sessions (the host's public page). */
  hostUserId: z.string().uuid('must be a user id').optional(),
  /** newest first (default), or nearest first from nearCityCode (the seeker's current city). */
  sort: z.enum(['newest', 'distance']).optional(),
  nearCityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type JobInput = z.infer<typeof jobBodySchema>;
export type Job = z.infer<typeof jobSchema>;
export type ListJobsQuery = z.infer<typeof listJobsQuerySchema>;
