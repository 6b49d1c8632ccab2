import { z } from 'zod';

/** Demo seekers get phone numbers 13800000001…13800999999: at most ~2,300 per unit of scale fit. */
export const MAX_DEMO_SCALE = 100;

export const seedOptionsSchema = z.object({
  seed: z.number().int('must be an integer').refine(Number.isSafeInteger, 'must be a safe integer'),
  scale: z.number().int('must be a positive integer').min(1, 'must be a positive integer').max(MAX_DEMO_SCALE, `must be at most ${MAX_DEMO_SCALE}`),
});

export type SeedOptions = z.infer<typeof seedOptionsSchema>;
