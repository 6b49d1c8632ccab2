/**
 * Public profile pages shared by the server and the web app: a host's page (/hosts/:hostUserId). A company's
 * page uses the companies module's public shape. Neither names a person beyond the display name a host
 * chose: no email, no phone.
 */
import { z } from 'zod';

export const publicHostSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  /** host (带岗主播), employer (企业招聘官), bureau (人社部门) or admin (平台) — who runs the sessions. */
  role: z.enum(['host', 'employer', 'bureau', 'admin']),
  /** The verified company the host belongs to (employers hosting their own sessions). */
  company: z.object({ id: z.string(), name: z.string() }).nullable(),
  sessionCounts: z.object({ live: z.number(), scheduled: z.number(), ended: z.number() }),
  /** Generated demo data: the web app must say so. */
  isSynthetic: z.boolean(),
});
export type PublicHost = z.infer<typeof publicHostSchema>;
