/**
 * The outcome figures' shape (pipeline/outcomes.repository.ts computes them), shared by the outcomes API, the
 * campaign page and the web app. Durations are hours; a ratio is null when its denominator is 0.
 */
import { z } from 'zod';

export const OUTCOME_GROUP_BY = ['company', 'host', 'session', 'category', 'campaign'] as const;
export type OutcomeGroupBy = (typeof OUTCOME_GROUP_BY)[number];

const nullableNumber = z.number().nullable();

export const outcomeFiguresSchema = z.object({
  applications: z.number(),
  interviews: z.number(),
  hires: z.number(),
  onboarded: z.number(),
  stayed7Days: z.number(),
  leftWithin7Days: z.number(),
  pendingChecks: z.number(),
  /** left within 7 days ÷ onboarded */
  sevenDayAttrition: nullableNumber,
  contacted: z.number(),
  medianHoursToHire: nullableNumber,
  meanHoursToHire: nullableNumber,
  medianHoursToFirstContact: nullableNumber,
  meanHoursToFirstContact: nullableNumber,
});
export type OutcomeFigures = z.infer<typeof outcomeFiguresSchema>;
