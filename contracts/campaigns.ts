/**
 * Campaigns (活动, e.g. 春风行动): request and response shapes shared by the server (zod, OpenAPI) and the web app
 * (types only). Dates are China calendar dates (YYYY-MM-DD), timestamps ISO strings.
 */
import { z } from 'zod';
import { SESSION_STATUSES } from './live.js';
import { outcomeFiguresSchema } from './outcomes.js';

/** A real calendar date (2023-02-30 is refused), written YYYY-MM-DD. */
export const chinaDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD / 日期格式为 YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'is not a calendar date / 日期无效');

/** Create or edit (a full replacement). The region is optional: a province, or a city (its province follows). */
export const campaignBodySchema = z.object({
  name: z.string().trim().min(2, 'is required (2–60 characters) / 请填写活动名称（2–60字）').max(60, 'is at most 60 characters / 最多60字'),
  description: z.string().trim().max(2000, 'is at most 2000 characters / 最多2000字').default(''),
  startsOn: chinaDateSchema,
  endsOn: chinaDateSchema,
  /** A province: 2-digit code, 江苏 or 江苏省. A bureau's campaign defaults to, and must stay in, its province. */
  provinceCode: z.string().trim().min(1).max(20).nullish(),
  /** A city: 6-digit code, 苏州 or 苏州市. */
  cityCode: z.string().trim().min(1).max(20).nullish(),
});
export type CampaignBody = z.infer<typeof campaignBodySchema>;
export type CampaignInput = z.input<typeof campaignBodySchema>;

export const CAMPAIGN_PHASES = ['upcoming', 'running', 'ended'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export const campaignSessionBriefSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  startsAt: z.string(),
});
export type CampaignSessionBrief = z.infer<typeof campaignSessionBriefSchema>;

export const campaignSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** By the China date today: before startsOn, between, after endsOn. */
  phase: z.enum(CAMPAIGN_PHASES),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  organiserUserId: z.string(),
  organiserName: z.string(),
  sessionCount: z.number(),
  liveCount: z.number(),
  upcomingCount: z.number(),
  replayCount: z.number(),
  /** Live and upcoming sessions, live first then soonest, at most 3. */
  nextSessions: z.array(campaignSessionBriefSchema),
  /** Generated demo data: the web app says 演示数据 wherever it shows it. */
  isSynthetic: z.boolean(),
  /** Whether the signed-in viewer may edit it and add or remove sessions. */
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

/** One session's figures on the campaign page (the session funnel's steps, scoped like the totals). */
export const campaignSessionFiguresSchema = z.object({
  viewers: z.number(),
  applications: z.number(),
  interviews: z.number(),
  hires: z.number(),
  onboarded: z.number(),
  stayed7Days: z.number(),
  leftWithin7Days: z.number(),
  sevenDayAttrition: z.number().nullable(),
});
export type CampaignSessionFigures = z.infer<typeof campaignSessionFiguresSchema>;

export const campaignSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  startsAt: z.string(),
  wentLiveAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hostUserId: z.string(),
  hostName: z.string(),
  provinceCode: z.string().nullable(),
  cityName: z.string().nullable(),
  jobCount: z.number(),
  isSynthetic: z.boolean(),
  /** Null unless the viewer may see the campaign's figures. */
  figures: campaignSessionFiguresSchema.nullable(),
});
export type CampaignSession = z.infer<typeof campaignSessionSchema>;

/** The outcome figures of the campaign's applications, plus its sessions and unique viewers. */
export const campaignTotalsSchema = outcomeFiguresSchema.extend({
  sessions: z.number(),
  /** Unique viewers across the campaign's rooms (someone in three of its sessions counts once). */
  viewers: z.number(),
});
export type CampaignTotals = z.infer<typeof campaignTotalsSchema>;

export const campaignDetailSchema = z.object({
  campaign: campaignSummarySchema,
  /** Every session of the campaign, by start time. */
  sessions: z.array(campaignSessionSchema),
  /**
   * For bureaus and admins: the outcome figures, scoped as /api/pipeline/outcomes scopes them ('all' for an
   * admin; 'province' for a bureau: applications to jobs in its province). Null for everyone else.
   */
  figures: z.object({ scope: z.enum(['all', 'province']), totals: campaignTotalsSchema }).nullable(),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

/** A session a manager may add to the campaign (the attach picker). */
export const attachableSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  startsAt: z.string(),
  hostName: z.string(),
  cityName: z.string().nullable(),
  /** The campaign it is in now (another one: detach it there first), or null. */
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
});
export type AttachableSession = z.infer<typeof attachableSessionSchema>;
