import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { AuthUser, Role } from '../../platform/http.js';
import * as repository from './auth.repository.js';
import { isPhoneBanned } from '../reports/index.js';
import { assertPasswordAllowed } from './password-rules.js';
import type { SignInLockout } from './sign-in-lockout.js';

export const SESSION_COOKIE = 'jobcast_session';
const SESSION_DAYS = 30;

export type SignUpInput = {
  role: Role;
  email?: string | null;
  phone?: string | null;
  password: string;
  displayName: string;
  provinceCode?: string | null;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Checked when the login is unknown, so that a wrong login takes as long as a wrong password (no way to
// learn which phone numbers have accounts from the answer's timing). Made once, on first use.
let unknownLoginHash: Promise<string> | null = null;
const hashForUnknownLogin = () => (unknownLoginHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id }));

export type AuthDeps = { lockout: SignInLockout };

export function createAuthService(db: Db, deps: AuthDeps) {
  const { lockout } = deps;
  async function createUser(input: SignUpInput & { isSynthetic?: boolean }, tx: Queryable = db): Promise<AuthUser> {
    const email = input.email ? input.email.trim().toLowerCase() : null;
    const phone = input.phone ? input.phone.trim() : null;
    if (!email && !phone) throw new AppError('validation_failed', 'email or phone is required', { fields: [{ path: 'body.email', message: 'email or phone is required' }] });
    // A ban survives re-registration: a blacklisted number never gets a new account.
    if (phone && (await isPhoneBanned(tx, phone))) {
      throw new AppError('forbidden', 'This phone number is blocked from registering / 该手机号已被封禁，无法注册', { fields: [{ path: 'body.phone', message: 'This phone number is blocked / 该手机号已被封禁' }] });
    }
    assertPasswordAllowed(input.password, { email, phone });
    if (await repository.findUserIdByEmailOrPhone(tx, email, phone)) {
      throw new AppError('conflict', 'An account with this email or phone already exists / 该邮箱或手机号已注册', {
        fields: [{ path: email ? 'body.email' : 'body.phone', message: 'already registered' }],
      });
    }
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    return repository.insertUser(tx, { ...input, email, phone, passwordHash });
  }

  async function startSession(userId: string) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
    await repository.insertAuthSession(db, hashToken(token), userId, expiresAt);
    return { token, expiresAt };
  }

  return {
    createUser,
    startSession,
    lockout,

    async signIn(login: string, password: string) {
      const normalized = login.trim().toLowerCase();
      const credentials = await repository.findUserCredentialsByLogin(db, normalized);
      // Counted before the hash is checked, so that a burst of guesses cannot all slip in before the lock.
      const attempt = await lockout.claim({ userId: credentials?.user.id ?? null, login: normalized });
      const isValid = await argon2.verify(credentials?.passwordHash ?? (await hashForUnknownLogin()), password);
      if (!credentials || !isValid) {
        await attempt.failed();
        throw new AppError('unauthenticated', 'Wrong email/phone or password / 账号或密码错误');
      }
      await attempt.succeeded();
      if (credentials.isBanned) throw new AppError('forbidden', 'This account is banned / 账号已被封禁');
      await repository.deleteExpiredAuthSessionsOfUser(db, credentials.user.id);
      return { user: credentials.user, session: await startSession(credentials.user.id) };
    },

    async signOut(token: string) {
      await repository.deleteAuthSession(db, hashToken(token));
    },

    /** Re-checks the signed-in user's password before a destructive step (account deletion). */
    async verifyPassword(user: AuthUser, password: string): Promise<boolean> {
      const login = user.email ?? user.phone;
      const credentials = login ? await repository.findUserCredentialsByLogin(db, login) : null;
      return credentials !== null && credentials.user.id === user.id && (await argon2.verify(credentials.passwordHash, password));
    },

    async findUserBySessionToken(token: string | undefined): Promise<AuthUser | null> {
      if (!token) return null;
      return repository.findUserBySessionTokenHash(db, hashToken(token));
    },

    async getUser(userId: string): Promise<AuthUser> {
      const user = await repository.findUserById(db, userId);
      if (!user) throw new AppError('not_found', 'User not found');
      return user;
    },

    attachUserToCompany(userId: string, companyId: string, tx: Queryable = db) {
      return repository.updateUserCompany(tx, userId, companyId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
