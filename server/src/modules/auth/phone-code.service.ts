import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { SmsSender } from '../../platform/sms/sms-sender.js';
import type { NotificationsService } from '../notifications/index.js';
import { isPhoneBanned } from '../reports/index.js';
import * as users from './auth.repository.js';
import type { AuthService, SignUpInput } from './auth.service.js';
import type { EmailConfirmationService } from './email-confirmation.service.js';
import { assertPasswordAllowed } from './password-rules.js';
import * as repository from './phone-code.repository.js';

export const PHONE_CODE_RULES = {
  /** How long a code can be used. */
  validMs: 5 * 60 * 1000,
  /** Tries per code; the next one is refused (429) until a new code is sent. */
  maxAttempts: 5,
  /** One send per phone per this long. */
  resendAfterSeconds: 60,
  /** The daily caps count sends over this window. */
  dayMs: 24 * 3600 * 1000,
} as const;

export type PhoneCodeDeps = {
  db: Db;
  auth: AuthService;
  sms: SmsSender;
  notifications: NotificationsService;
  emailConfirmations: EmailConfirmationService;
  limits: { dailyLimitPerPhone: number; dailyLimitPerAddress: number };
  now?: () => Date;
};

// A code has only a million values, so its hash protects little on its own: what protects it is the five
// tries and five minutes. The salt keeps two rows with the same code from looking alike.
function hashCode(phone: string, code: string, salt = randomBytes(12).toString('base64url')): string {
  return `${salt}$${createHash('sha256').update(`${salt}:${phone}:${code}`).digest('hex')}`;
}

function isSameCode(stored: string, phone: string, code: string): boolean {
  const [salt] = stored.split('$');
  const expected = Buffer.from(stored);
  const actual = Buffer.from(hashCode(phone, code, salt));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const wrongCode = (remaining: number) =>
  new AppError('validation_failed', 'body.code: Wrong or expired code / 验证码错误或已过期', {
    fields: [{ path: 'body.code', message: 'Wrong or expired code / 验证码错误或已过期' }],
    remainingAttempts: remaining,
  });

const bannedPhone = () =>
  new AppError('forbidden', 'This phone number is blocked / 该手机号已被封禁，无法登录或注册', {
    fields: [{ path: 'body.phone', message: 'This phone number is blocked / 该手机号已被封禁' }],
    reason: 'phone_banned',
  });

/**
 * 手机验证码登录: a 6-digit code by SMS signs a person in, creating a seeker account on first use. The
 * answer to "send me a code" is the same whether or not the phone has an account.
 */
export function createPhoneCodeService(deps: PhoneCodeDeps) {
  const { db, auth, sms, notifications, emailConfirmations, limits } = deps;
  const now = deps.now ?? (() => new Date());

  /** Checks a code for a phone and uses it up; throws 400 (wrong/expired) or 429 (too many tries). */
  async function consumeCode(phone: string, code: string) {
    const at = now();
    const row = await repository.findLatestUsablePhoneCode(db, phone, at);
    if (!row) throw wrongCode(0);
    const attempts = row.attempts >= PHONE_CODE_RULES.maxAttempts ? null : await repository.incrementPhoneCodeAttempts(db, row.id, PHONE_CODE_RULES.maxAttempts);
    if (attempts === null) {
      throw new AppError('rate_limited', 'Too many wrong codes: request a new one / 验证码错误次数过多，请重新获取', { reason: 'too_many_attempts' });
    }
    if (!isSameCode(row.codeHash, phone, code)) throw wrongCode(PHONE_CODE_RULES.maxAttempts - attempts);
    if (!(await repository.consumePhoneCode(db, row.id, at))) throw wrongCode(0);
  }

  /**
   * Checks the code (wrong codes count towards the account's sign-in lockout) and returns the phone's
   * account, if any, once it may be signed in to (not banned, not staff).
   */
  async function claimPhone(phone: string, code: string) {
    const existing = await users.findUserCredentialsByLogin(db, phone);
    const attempt = await auth.lockout.claim({ userId: existing?.user.id ?? null, login: phone });
    try {
      await consumeCode(phone, code);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') await attempt.failed();
      throw error;
    }
    await attempt.succeeded();
    // Only now, with the code proven, is the ban told: to the phone's holder, not to whoever typed the number.
    if (existing?.isBanned || (await isPhoneBanned(db, phone))) throw bannedPhone();
    if (existing && (existing.user.role === 'admin' || existing.user.role === 'bureau')) {
      throw new AppError('forbidden', 'Staff accounts sign in with their password / 管理账号请使用密码登录');
    }
    return existing;
  }

  return {
    /**
     * Sends a code to any phone, banned or not, with the same answer: refusing a banned phone here would tell
     * anyone who types a number that its holder was banned. The holder learns it after proving the code
     * (claimPhone); the SMS this costs is bounded by the same per-phone and per-address caps.
     */
    async sendCode(phone: string, clientAddress: string) {
      const at = now();
      const dayAgo = new Date(at.getTime() - PHONE_CODE_RULES.dayMs);
      await repository.deletePhoneCodesSentBefore(db, dayAgo);
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      // Check and record the send in one transaction holding the phone's and the address's locks: two
      // concurrent requests for one phone cannot both pass the 60-second rule or the daily caps.
      const id = await db.transaction(async (tx) => {
        await repository.lockPhoneCodeSends(tx, phone, clientAddress);
        const sends = await repository.countPhoneCodeSends(tx, phone, clientAddress, dayAgo);
        if (sends.lastSentAt) {
          const waitSeconds = Math.ceil(PHONE_CODE_RULES.resendAfterSeconds - (at.getTime() - sends.lastSentAt.getTime()) / 1000);
          if (waitSeconds > 0) {
            throw new AppError('rate_limited', `Wait ${waitSeconds} s before asking for another code / 请${waitSeconds}秒后再获取验证码`, { retryAfterSeconds: waitSeconds });
          }
        }
        if (sends.phoneCount >= limits.dailyLimitPerPhone || sends.addressCount >= limits.dailyLimitPerAddress) {
          throw new AppError('rate_limited', 'Too many codes today, try again tomorrow / 今日获取验证码次数已达上限，请明天再试', { reason: 'daily_limit' });
        }
        return repository.insertPhoneCode(tx, {
          phone,
          codeHash: hashCode(phone, code),
          clientAddress,
          sentAt: at,
          expiresAt: new Date(at.getTime() + PHONE_CODE_RULES.validMs),
        });
      });
      try {
        await sms.sendCode(phone, code);
      } catch (error) {
        // Not sent: it must not count against the person's limits.
        await repository.deletePhoneCode(db, id);
        throw error;
      }
      return { resendAfterSeconds: PHONE_CODE_RULES.resendAfterSeconds };
    },

    /** Signs in with a code; a phone without an account becomes a seeker (named `displayName` if given). */
    async signIn(phone: string, code: string, displayName?: string) {
      const existing = await claimPhone(phone, code);
      const user = existing?.user ?? (await auth.createUser({
        role: 'seeker',
        phone,
        // No password: the account signs in with codes; one can be set later.
        password: randomBytes(32).toString('base64url'),
        displayName: displayName?.trim() || `用户${phone.slice(-4)}`,
      }));
      if (existing) await users.deleteExpiredAuthSessionsOfUser(db, user.id);
      return { user, isNew: !existing, session: await auth.startSession(user.id) };
    },

    /**
     * Public sign-up (seekers, employers, hosts) with a password, for the holder of the phone: the SMS code
     * is checked before anything else is looked at, so only the phone's holder learns whether it has an
     * account. A phone that has one signs in to it unchanged (the password, name and role given are
     * ignored) and its owner is told; the answer is the same 201 { user, pendingEmail } as a new account's.
     * An email becomes the account's only once its inbox confirms it (email-confirmation.service.ts): the
     * answer is "a link was sent to <email>" whether or not another account holds the address.
     */
    async signUp(input: SignUpInput & { phone: string; code: string }) {
      const phone = input.phone.trim();
      const email = input.email ? input.email.trim().toLowerCase() : null;
      // The password's rules do not depend on the account, so they answer the same for everyone. A banned
      // phone is told so by claimPhone, after its code.
      assertPasswordAllowed(input.password, { email, phone });
      const existing = await claimPhone(phone, input.code);
      if (existing) {
        await users.deleteExpiredAuthSessionsOfUser(db, existing.user.id);
        await notifications.notify([{
          userId: existing.user.id,
          kind: 'account.sign_up_existing',
          title: '有人用你的手机号注册：你已有账号，已直接登录，账号和密码都没有改变',
          body: '如果不是你本人操作，请修改密码。',
          link: null,
          payload: { en: 'Someone signed up with your phone number: you already have an account, so you were signed in to it; nothing about it changed. If this was not you, change your password.' },
        }]);
        // The phone's holder may add an email the account lacks, through the same confirmation.
        if (email && !existing.user.email) await emailConfirmations.request(existing.user.id, email);
        return { user: existing.user, pendingEmail: email, session: await auth.startSession(existing.user.id) };
      }
      const user = await auth.createUser({ role: input.role, phone, email: null, password: input.password, displayName: input.displayName });
      if (email) await emailConfirmations.request(user.id, email);
      return { user, pendingEmail: email, session: await auth.startSession(user.id) };
    },

    /** For a step that re-checks who is there (account deletion): the code sent to the user's own phone. */
    verifyCode: consumeCode,
  };
}

export type PhoneCodeService = ReturnType<typeof createPhoneCodeService>;
