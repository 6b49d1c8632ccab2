import type { Housing, Job, JobInput, Meals, ShiftPattern } from '../types';

/** What the form holds: numbers may be empty (null) while the employer types. */
export type JobFormValues = {
  title: string;
  categoryCode?: string;
  industryCode?: string;
  cityCode?: string;
  payMonthlyMin?: number | null;
  payMonthlyMax?: number | null;
  payHourly?: number | null;
  isDailyPay: boolean;
  shiftPattern?: ShiftPattern;
  housing?: Housing;
  meals?: Meals;
  headcount?: number | null;
  requirements?: string;
  benefits?: string;
  description?: string;
  validFrom: string;
  validUntil: string;
  occupationId?: number | null;
};

export const JOB_FORM_FIELDS = [
  'title', 'categoryCode', 'industryCode', 'cityCode', 'payMonthlyMin', 'payMonthlyMax', 'payHourly', 'isDailyPay',
  'shiftPattern', 'housing', 'meals', 'headcount', 'requirements', 'benefits', 'description', 'validFrom', 'validUntil',
  'occupationId',
] as const;

/** YYYY-MM-DD in the browser's time zone. */
export function localIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function emptyJobFormValues(defaults: { cityCode?: string; industryCode?: string }, today = new Date()): JobFormValues {
  const inNinetyDays = new Date(today.getTime() + 90 * 86_400_000);
  return { title: '', isDailyPay: false, validFrom: localIsoDate(today), validUntil: localIsoDate(inNinetyDays), ...defaults };
}

export function jobToFormValues(job: Job): JobFormValues {
  return {
    title: job.title,
    categoryCode: job.categoryCode,
    industryCode: job.industryCode,
    cityCode: job.cityCode,
    payMonthlyMin: job.payMonthlyMin,
    payMonthlyMax: job.payMonthlyMax,
    payHourly: job.payHourly,
    isDailyPay: job.isDailyPay,
    shiftPattern: job.shiftPattern as ShiftPattern,
    housing: job.housing as Housing,
    meals: job.meals as Meals,
    headcount: job.headcount,
    requirements: job.requirements,
    benefits: job.benefits,
    description: job.description,
    validFrom: job.validFrom,
    validUntil: job.validUntil,
    occupationId: job.occupationId,
  };
}

const optionalNumber = (value: number | null | undefined) => (value === null || value === undefined ? undefined : value);

/** The body of POST/PUT /api/employer/jobs; required fields were checked by the form's rules. */
export function toJobInput(values: JobFormValues): JobInput {
  return {
    title: values.title.trim(),
    categoryCode: values.categoryCode ?? '',
    industryCode: values.industryCode ?? '',
    cityCode: values.cityCode ?? '',
    payMonthlyMin: optionalNumber(values.payMonthlyMin),
    payMonthlyMax: optionalNumber(values.payMonthlyMax),
    payHourly: optionalNumber(values.payHourly),
    isDailyPay: values.isDailyPay,
    shiftPattern: values.shiftPattern ?? 'day_shift',
    housing: values.housing ?? 'none',
    meals: values.meals ?? 'none',
    headcount: values.headcount ?? 1,
    requirements: values.requirements?.trim() ?? '',
    benefits: values.benefits?.trim() ?? '',
    description: values.description?.trim() ?? '',
    validFrom: values.validFrom,
    validUntil: values.validUntil,
    occupationId: values.occupationId ?? null,
  };
}
