import { z } from 'zod';
import { singleLineText } from '../../platform/input.js';

export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number / 请输入11位手机号');
export const passwordSchema = singleLineText({ min: 8, max: 200, trim: false });

export const codeSchema = z.string().regex(/^\d{6}$/, 'must be the 6-digit code / 请输入6位验证码');

// The phone and its SMS code are required: an account is made only for someone who holds the phone, so the
// answer can differ for a phone that has an account without telling anyone else (issue 10, enumeration).
export const signUpBodySchema = z.object({
  role: z.enum(['seeker', 'employer', 'host']),
  email: z.string().email('must be a valid email address / 邮箱格式不正确').optional(),
  phone: phoneSchema,
  code: codeSchema,
  password: passwordSchema,
  displayName: singleLineText({ min: 1, max: 50 }),
});

export const signInBodySchema = z.object({
  login: singleLineText({ min: 1, max: 200 }),
  password: singleLineText({ min: 1, max: 200, trim: false }),
});

export const emailConfirmationBodySchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be the token from the link / 链接无效') });

export const phoneCodeBodySchema = z.object({ phone: phoneSchema });

export const phoneSignInBodySchema = z.object({
  phone: phoneSchema,
  code: codeSchema,
  // Names a new account (the apply sheet asks for it); an existing account keeps its name.
  displayName: singleLineText({ min: 1, max: 50 }).optional(),
});

export const userSchema = z.object({
  id: z.string(),
  role: z.enum(['seeker', 'employer', 'host', 'bureau', 'admin']),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  companyId: z.string().nullable(),
  provinceCode: z.string().nullable(),
});
