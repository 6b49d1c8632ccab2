import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { LimitRule } from '../../platform/rate-limit.js';
import type { NotificationsService } from '../notifications/index.js';
import * as repository from './sign-in-lockout.repository.js';

/** The longest lock, and how long after the last failure the count is forgotten. */
const MAX_LOCK_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;

/** Who an attempt is for: the account when the login has one, else the login text itself. */
export type SignInSubject = { userId: string | null; login: string };

const keyOf = (subject: SignInSubject) => (subject.userId ? `user:${subject.userId}` : `login:${subject.login}`);

/**
 * Per-account lockout of password and code sign-ins (the `sign-in-account` limit): after `max` failures in
 * a row the account is locked for the limit's window, doubling with each further failure up to 15 minutes,
 * and its owner gets a notification once per series. Counted in the database, so every node sees it.
 * Logins without an account are counted the same way, so a lock does not tell which logins exist.
 *
 *   const attempt = await lockout.claim({ userId, login });   // throws 429 while locked
 *   … check the password …
 *   ok ? await attempt.succeeded() : await attempt.failed();
 */
export function createSignInLockout(deps: { db: Db; rule: LimitRule; notifications: NotificationsService; now?: () => Date }) {
  const { db, notifications } = deps;
  const now = deps.now ?? (() => new Date());
  const rule: repository.LockoutRule = {
    max: deps.rule.max,
    baseLockMs: deps.rule.windowMs,
    maxLockMs: Math.max(MAX_LOCK_MS, deps.rule.windowMs),
    forgetAfterMs: Math.max(FORGET_AFTER_MS, deps.rule.windowMs * 2),
  };

  return {
    rule,
    async claim(subject: SignInSubject) {
      const key = keyOf(subject);
      const at = now();
      const claimed = await repository.claimSignInAttempt(db, { key, userId: subject.userId, at, rule });
      if (!claimed) {
        const lockedUntil = await repository.findSignInLockedUntil(db, key);
        throw lockedError(lockedUntil ? (lockedUntil.getTime() - at.getTime()) / 1000 : rule.baseLockMs / 1000);
      }
      return {
        async succeeded() {
          await repository.deleteSignInLockout(db, key);
        },
        /** The attempt was wrong: it stays counted; the failure that locks the account tells its owner. */
        async failed() {
          if (claimed.failures !== rule.max || !subject.userId) return;
          const minutes = Math.max(1, Math.round(rule.baseLockMs / 60_000));
          await notifications.notify([{
            userId: subject.userId,
            kind: 'account.sign_in_locked',
            title: `账号登录已暂停${minutes}分钟：连续${rule.max}次密码或验证码错误`,
            body: '如果不是你本人在登录，请尽快修改密码；锁定期间任何人都无法登录这个账号。',
            link: null,
            payload: {
              failures: rule.max,
              lockedMinutes: minutes,
              en: `Sign-in paused for ${minutes} min after ${rule.max} wrong passwords or codes in a row. If this was not you, change your password.`,
            },
          }]);
        },
      };
    },
  };
}

function lockedError(retryAfterSeconds: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    'rate_limited',
    `Too many wrong passwords or codes: sign-in is paused, try again in ${seconds} s / 密码或验证码错误次数过多，账号已暂停登录，请${seconds}秒后再试`,
    { retryAfterSeconds: seconds, reason: 'account_locked' },
  );
}

export type SignInLockout = ReturnType<typeof createSignInLockout>;
