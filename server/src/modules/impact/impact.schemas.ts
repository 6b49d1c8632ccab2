import { z } from 'zod';
import { multilineText, singleLineText } from '../../platform/input.js';
import { IMPACT_INPUT_NAMES } from './impact-method.js';
import { groupKeySchema } from '../../../../contracts/impact.js';

export {
  impactMethodSchema, impactReportSchema, OCCUPATION_GROUPS, occupationSchema, publicImpactReportSchema,
  type ImpactReport, type Occupation, type OccupationGroupKey, type PublicImpactReport,
} from '../../../../contracts/impact.js';

const inputName = z.enum(IMPACT_INPUT_NAMES);
const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');


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



export const occupationBodySchema = z
  .object({
    name: singleLineText({ min: 2, max: 40 }),
    groupKey: groupKeySchema,
    classificationCode: z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/, 'a national classification code like 4-01-02-07, only with its source').nullable().default(null),
    announcementBatch: singleLineText({ min: 2, max: 80 }).nullable().default(null),
    source: multilineText({ min: 2, max: 500 }),
  })
  // A code is never guessed: the entry's source names it, with the document it comes from.
  .superRefine((body, context) => {
    if (body.classificationCode !== null && !body.source.includes(body.classificationCode)) {
      context.addIssue({ code: 'custom', path: ['source'], message: 'name the code and the document it comes from / 来源中须写明编码及其出处' });
    }
  });
export type OccupationBody = z.infer<typeof occupationBodySchema>;

export const statedOccupationBodySchema = z.object({
  occupationId: z.number().int().min(1).max(2_147_483_647).nullable().describe('null clears it'),
});
