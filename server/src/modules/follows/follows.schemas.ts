import { z } from 'zod';

export const followTargetSchema = z
  .object({
    companyId: z.string().uuid('must be a company id / 企业编号无效').optional(),
    hostUserId: z.string().uuid('must be a host id / 主播编号无效').optional(),
  })
  .refine((body) => (body.companyId === undefined) !== (body.hostUserId === undefined), {
    message: 'give exactly one of companyId and hostUserId / 请指定企业或主播之一',
    path: ['companyId'],
  });

export type FollowTarget = z.infer<typeof followTargetSchema>;

const followedSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  startsAt: z.date(),
  hostName: z.string(),
});

export const followsListSchema = z.object({
  companies: z.array(z.object({ companyId: z.string(), name: z.string(), followedAt: z.date() })),
  hosts: z.array(z.object({ hostUserId: z.string(), displayName: z.string(), followedAt: z.date() })),
  /** Live and upcoming sessions of what is followed: live first, then by start. */
  sessions: z.array(followedSessionSchema),
});

export type FollowsList = z.infer<typeof followsListSchema>;
