import { z } from 'zod';
import { singleLineText } from '../../platform/input.js';

export const createApiTokenBodySchema = z.object({
  name: singleLineText({ min: 1, max: 60 }),
  access: z.enum(['read', 'write']),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  tokenPrefix: z.string(),
  access: z.enum(['read', 'write']),
  createdByName: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
