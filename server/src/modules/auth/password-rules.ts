import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../platform/errors.js';

// The common-password list of zxcvbn-ts (about 49,000 leaked passwords, most used first), as a set made
// once, on first use. A well-kept package rather than a list of our own that nobody updates.
let commonPasswords: Set<string> | null = null;
const isCommonPassword = (password: string) =>
  (commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()))).has(password.toLowerCase());

/** Fewer different characters than this is a pattern, not a password (aaaaaaaa, 12121212). */
const MIN_DISTINCT_CHARACTERS = 4;

/**
 * Why a new password is refused, or null when it may be used: found in the common-password list, made of
 * too few different characters, or made of the account's own phone number or email (what is left once
 * they are taken out is 4 characters or fewer, such as a year). Messages in English and Chinese.
 */
export function findPasswordProblem(password: string, account: { email?: string | null; phone?: string | null }): string | null {
  const lower = password.toLowerCase();
  if (isCommonPassword(lower)) return 'is one of the most common passwords, choose another / 密码过于常见，请换一个';
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS) return 'is too simple (too few different characters) / 密码过于简单，请使用更多不同的字符';
  const own = [account.phone, account.email, account.email?.split('@')[0]]
    .map((value) => value?.trim().toLowerCase())
    .filter((value): value is string => Boolean(value && value.length >= 3));
  let rest = lower;
  for (const value of own) rest = rest.split(value).join('');
  if (rest !== lower && rest.length <= 4) return 'must not be made of your phone number or email / 密码不能由手机号或邮箱组成';
  return null;
}

/** Throws the 400 naming `body.password` when the password may not be used. */
export function assertPasswordAllowed(password: string, account: { email?: string | null; phone?: string | null }) {
  const problem = findPasswordProblem(password, account);
  if (problem) throw new AppError('validation_failed', `body.password: ${problem}`, { fields: [{ path: 'body.password', message: problem }], field: 'body.password' });
}
