import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.number(),
  userId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export type Notification = z.infer<typeof notificationSchema>;
export type NewNotification = { userId: string; kind: string; title: string; body?: string; link?: string | null; payload?: Record<string, unknown> };
