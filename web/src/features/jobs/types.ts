import type { AccountType } from '../../app/types';

export const SHIFT_PATTERNS = ['day_shift', 'two_shifts', 'three_shifts', 'night_shift', 'flexible', 'six_on_one_off'] as const;
export const HOUSING_OPTIONS = ['none', 'dormitory', 'couple_room'] as const;
export const MEAL_OPTIONS = ['none', 'free', 'allowance'] as const;

export type ShiftPattern = (typeof SHIFT_PATTERNS)[number];
export type Housing = (typeof HOUSING_OPTIONS)[number];
export type Meals = (typeof MEAL_OPTIONS)[number];

/** GET /api/jobs/:jobId (server/src/modules/jobs/jobs.schemas.ts jobSchema). */
export type Job = {
  id: string;
  companyId: string;
  companyName: string;
  companyAccountType: AccountType;
  title: string;
  categoryCode: string;
  categoryName: string;
  industryCode: string;
  industryName: string;
  cityCode: string;
  cityName: string;
  provinceName: string;
  payMonthlyMin: number | null;
  payMonthlyMax: number | null;
  payHourly: number | null;
  isDailyPay: boolean;
  shiftPattern: string;
  housing: string;
  meals: string;
  headcount: number;
  requirements: string;
  benefits: string;
  description: string;
  validFrom: string;
  validUntil: string;
  status: 'open' | 'closed';
  isSynthetic: boolean;
  createdAt: string;
  /** The job's optional tag from the occupations catalogue (新职业), null when none. */
  occupationId: number | null;
  /** Only in a 附近 list (?sort=distance): kilometres from the seeker's city, city centre to city centre. */
  distanceKm?: number;
};

/** POST/PUT /api/employer/jobs body (jobBodySchema). */
export type JobInput = {
  title: string;
  categoryCode: string;
  industryCode: string;
  cityCode: string;
  payMonthlyMin?: number;
  payMonthlyMax?: number;
  payHourly?: number;
  isDailyPay: boolean;
  shiftPattern: ShiftPattern;
  housing: Housing;
  meals: Meals;
  headcount: number;
  requirements: string;
  benefits: string;
  description: string;
  validFrom: string;
  validUntil: string;
  /** Sent on every save: PUT replaces the whole job, so leaving it out would clear a job's tag. */
  occupationId: number | null;
};

/** error.violations of a `posting_rejected` answer (server/src/modules/jobs/posting-rules.ts). */
export type PostingViolation = { field: string; kind: 'fee' | 'age' | 'gender' | 'hukou' | 'region' | 'marital' | 'ethnicity'; words: string[]; message: string };
