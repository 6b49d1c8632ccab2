import { z } from 'zod';
import { WECHAT_ID_MESSAGE, WECHAT_ID_PATTERN } from '../../../../contracts/wechat.js';

/** 微信号: optional; '' or null clears it; left out, the stored one stays (older clients do not send it). */
export const wechatIdSchema = z.string().trim().regex(WECHAT_ID_PATTERN, WECHAT_ID_MESSAGE);

export const profileBodySchema = z.object({
  name: z.string().trim().min(1, 'is required / 请填写姓名').max(30),
  phone: z.string().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number / 请输入11位手机号'),
  homeCityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code'),
  currentCityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit city code').nullable().optional(),
  desiredCategories: z.array(z.string().min(1)).max(10).default([]),
  experience: z.string().trim().max(3000).nullable().optional(),
  skills: z.string().trim().max(1000).nullable().optional(),
  wechatId: z.union([z.literal('').transform(() => null), wechatIdSchema]).nullable().optional(),
});

export const profileSchema = z.object({
  userId: z.string(),
  name: z.string(),
  phone: z.string(),
  homeCityCode: z.string(),
  homeCityName: z.string(),
  currentCityCode: z.string().nullable(),
  currentCityName: z.string().nullable(),
  desiredCategories: z.array(z.string()),
  experience: z.string().nullable(),
  skills: z.string().nullable(),
  wechatId: z.string().nullable(),
  updatedAt: z.date(),
});

export type ProfileInput = z.infer<typeof profileBodySchema>;
export type Profile = z.infer<typeof profileSchema>;
