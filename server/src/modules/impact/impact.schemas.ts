import { z } from 'zod';
import { multilineText, singleLineText } from '../../platform/input.js';
import { IMPACT_INPUT_NAMES } from './impact-method.js';

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** The report's three groups of new occupations (seed report, Part 2 Renovate). */
export const OCCUPATION_GROUPS = { tech_explorer: '科技探索者', content_creator: '内容造物师', business_trainer: '商业训练家' } as const;
export type OccupationGroupKey = keyof typeof OCCUPATION_GROUPS;
const groupKeySchema = z.enum(Object.keys(OCCUPATION_GROUPS) as [OccupationGroupKey, ...OccupationGroupKey[]]);

export const occupationSchema = z.object({
  id: z.number(),
  name: z.string(),
  group: z.string(),
  groupKey: groupKeySchema,
  classificationCode: z.string().nullable(),
  announcementBatch: z.string().nullable(),
  source: z.string(),
});
export type Occupation = z.infer<typeof occupationSchema>;

/** Query of GET /api/impact. */
export const impactQuerySchema = z.object({
  from: dateString,
  to: dateString,
  provinceCode: z.string().trim().min(1).max(20).optional().describe('province: 2-digit code, short (江苏) or full name (江苏省)'),
  cityCode: z.string().trim().min(1).max(20).optional().describe('city: 6-digit code, short (苏州) or full name (苏州市)'),
  campaignId: z.string().uuid('must be a campaign id').optional().describe('only what came through this campaign’s sessions'),
  methodVersion: z.coerce.number().int().min(1).max(1_000_000).optional().describe('the estimate’s method version (default: the latest)'),
});
export type ImpactQuery = z.infer<typeof impactQuerySchema>;

const count = z.number();
const definitions = z.record(z.string(), z.string());
const inputName = z.enum(IMPACT_INPUT_NAMES);

const regionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('province'), code: z.string(), name: z.string() }),
    z.object({ kind: z.literal('city'), code: z.string(), name: z.string(), provinceCode: z.string() }),
  ])
  .nullable();

const adjustmentSchema = z.object({ value: z.number(), source: z.string(), isAssumption: z.boolean() });

export const impactReportSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  region: regionSchema,
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  measured: z.object({
    hires: count,
    onboarded: count,
    stayed7Days: count,
    activeHosts: count,
    activeRecruiters: count,
    activeHostsByRole: z.object({ host: count, employer: count, bureau: count }),
    activeRecruitersByAccountType: z.object({ direct: count, agency: count, dispatch: count, public: count }),
    definitions,
  }),
  estimated: z.object({
    total: count,
    methodVersion: z.number(),
    methodName: z.string(),
    formula: z.string(),
    multiPlatformAdjustment: adjustmentSchema,
    note: z.string(),
    components: z.array(z.object({
      name: z.string(),
      label: z.string(),
      inputs: z.record(z.string(), z.number()),
      coefficient: z.number(),
      multiPlatformAdjustment: z.number().nullable(),
      value: z.number(),
      formula: z.string(),
      source: z.string(),
      isAssumption: z.boolean(),
    })),
  }),
  occupations: z.array(occupationSchema.omit({ source: true }).extend({ people: count, jobs: count })),
  open: z.object({
    sessions: count,
    bureauSessions: count,
    companies: count,
    jobs: count,
    viewers: count,
    applications: count,
    hires: count,
    efficiency: z.object({
      medianHoursToFirstContact: z.number().nullable(),
      medianHoursToHire: z.number().nullable(),
      sevenDayAttrition: z.number().nullable(),
      bestSessionsByWeeklyHires: z.array(z.object({ sessionId: z.string(), title: z.string(), startedAt: z.string(), hires: count })),
    }),
    definitions,
  }),
  containsSyntheticData: z.boolean(),
});
export type ImpactReport = z.infer<typeof impactReportSchema>;

/** POST /api/admin/impact/methods: the next version (every field; nothing is inherited silently). */
export const impactMethodBodySchema = z
  .object({
    name: singleLineText({ min: 2, max: 80 }),
    note: multilineText({ max: 1000 }).default(''),
    multiPlatformAdjustment: z.object({
      value: z.number().gt(0, 'must be above 0').max(1, 'at most 1 (a share of a job)'),
      source: multilineText({ min: 2, max: 1000 }),
      isAssumption: z.boolean(),
    }),
    components: z
      .array(z.object({
        name: z.string().regex(/^[a-z][A-Za-z0-9]{1,39}$/, 'camelCase letters and digits, 2–40'),
        label: singleLineText({ min: 2, max: 80 }),
        inputs: z.array(inputName).min(1).max(IMPACT_INPUT_NAMES.length),
        coefficient: z.number().min(0).max(1000),
        source: multilineText({ min: 2, max: 1000 }),
        isAssumption: z.boolean(),
        multiPlatform: z.boolean(),
      }))
      .min(1)
      .max(10),
  })
  .superRefine((body, context) => {
    const names = new Set<string>();
    body.components.forEach((component, index) => {
      if (names.has(component.name)) context.addIssue({ code: 'custom', path: ['components', index, 'name'], message: 'names must be unique / 分项名称不能重复' });
      names.add(component.name);
      if (new Set(component.inputs).size !== component.inputs.length) {
        context.addIssue({ code: 'custom', path: ['components', index, 'inputs'], message: 'an input is named twice / 输入重复' });
      }
    });
  });
export type ImpactMethodBody = z.infer<typeof impactMethodBodySchema>;

export const impactMethodSchema = z.object({
  version: z.number(),
  name: z.string(),
  formula: z.string(),
  multiPlatformAdjustment: adjustmentSchema,
  components: z.array(z.object({
    name: z.string(),
    label: z.string(),
    inputs: z.array(z.string()),
    coefficient: z.number(),
    source: z.string(),
    isAssumption: z.boolean(),
    multiPlatform: z.boolean(),
  })),
  note: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  createdAt: z.date(),
});


export const occupationBodySchema = z.object({
  name: singleLineText({ min: 2, max: 40 }),
  groupKey: groupKeySchema,
  classificationCode: z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/, 'a national classification code like 4-01-02-07, only with its source').nullable().default(null),
  announcementBatch: singleLineText({ min: 2, max: 80 }).nullable().default(null),
  source: multilineText({ min: 2, max: 500 }),
});
export type OccupationBody = z.infer<typeof occupationBodySchema>;

export const statedOccupationBodySchema = z.object({
  occupationId: z.number().int().min(1).max(2_147_483_647).nullable().describe('null clears it'),
});
