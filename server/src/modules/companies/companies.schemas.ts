import { z } from 'zod';
import { explainInvalidCreditCode } from './credit-code.js';

export const accountTypeSchema = z.enum(['direct', 'agency', 'dispatch', 'public']);
export const companyStatusSchema = z.enum(['pending', 'verified', 'rejected', 'suspended']);

export const registerCompanyBodySchema = z
  .object({
    name: z.string().trim().min(2, 'is required / 请填写企业名称').max(100),
    creditCode: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .superRefine((value, context) => {
        const problem = explainInvalidCreditCode(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    cityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code'),
    industryCode: z.string().regex(/^[A-T]$/, 'must be a GB/T 4754 section letter A–T'),
    accountType: accountTypeSchema,
    hrLicenceNumber: z.string().trim().min(4).max(60).optional(),
  })
  .superRefine((body, context) => {
    if ((body.accountType === 'agency' || body.accountType === 'dispatch') && !body.hrLicenceNumber) {
      context.addIssue({ code: 'custom', path: ['hrLicenceNumber'], message: 'agencies and dispatch firms must give their HR service licence number / 中介和劳务派遣须填写人力资源服务许可证编号' });
    }
  });

export const companySchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  accountType: accountTypeSchema,
  hrLicenceNumber: z.string().nullable(),
  status: companyStatusSchema,
  reviewReason: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  isSynthetic: z.boolean(),
  createdAt: z.date(),
});

/** What anyone may see of a company (the credit code and the admin's review note stay internal). */
export const publicCompanySchema = companySchema.omit({ creditCode: true, reviewReason: true });

export const reviewCompanyBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('verify') }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(2, 'a reason is required / 请填写原因') }),
  z.object({ decision: z.literal('suspend'), reason: z.string().trim().min(2, 'a reason is required / 请填写原因') }),
]);

export type RegisterCompanyInput = z.infer<typeof registerCompanyBodySchema>;
export type Company = z.infer<typeof companySchema>;
