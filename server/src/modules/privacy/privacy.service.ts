import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import type { AuthService, PhoneCodeService } from '../auth/index.js';
import type { PipelineService } from '../pipeline/index.js';
import { listReportsFiledBy, unlinkReporter } from '../reports/index.js';
import * as repository from './privacy.repository.js';

/**
 * A module that holds personal data plugs in here so the download has everything and deletion leaves
 * nothing: `collect` returns JSON-ready data; `erase` runs inside the deletion transaction.
 */
export type PersonalDataSource = {
  name: string;
  collect(tx: Queryable, userId: string): Promise<unknown>;
  erase?(tx: Queryable, userId: string, at: Date): Promise<void>;
};

export type PrivacyDeps = {
  db: Db;
  auth: AuthService;
  pipeline: PipelineService;
  /** Confirms deletion with an SMS code instead of a password. */
  phoneCodes?: Pick<PhoneCodeService, 'verifyCode'>;
  events?: EventBus;
  now?: () => Date;
};

export function createPrivacyService(deps: PrivacyDeps) {
  const { db, auth, pipeline } = deps;
  const now = deps.now ?? (() => new Date());
  const sources: PersonalDataSource[] = [
    { name: 'applications', collect: (tx, userId) => pipeline.collectSeekerData(tx, userId), erase: async (tx, userId, at) => void (await pipeline.anonymiseSeeker(tx, userId, at)) },
    { name: 'notifications', collect: (tx, userId) => repository.listNotificationsOfUser(tx, userId) },
    { name: 'reports', collect: (tx, userId) => listReportsFiledBy(tx, userId), erase: (tx, userId) => unlinkReporter(tx, userId) },
    // Registered at composition (app.ts): 'live' (bookings, chat, viewing, card opens, mutes/bans) and
    // 'applyRequests' (one-tap retry keys).
  ];

  return {
    /** Other modules (live chat, bookings …) register what they hold about a person. */
    registerPersonalDataSource(source: PersonalDataSource) {
      if (sources.some((existing) => existing.name === source.name)) throw new Error(`personal data source "${source.name}" is already registered`);
      sources.push(source);
    },

    /** Everything the platform holds about the signed-in user, as one JSON document (PIPL art. 45). */
    async exportPersonalData(user: AuthUser) {
      const account = await repository.findAccount(db, user.id);
      if (!account) throw notFound('Account');
      const data: Record<string, unknown> = {
        format: 'jobcast-personal-data/1',
        exportedAt: now().toISOString(),
        account,
        seekerProfile: await repository.findSeekerProfile(db, user.id),
      };
      for (const source of sources) data[source.name] = await source.collect(db, user.id);
      return data;
    },

    /**
     * Deletes a seeker's account after re-checking the password or an SMS code sent to the account's phone:
     * open applications are withdrawn, all of them anonymised (statistics keep their snapshot columns),
     * profile, notifications and sessions go.
     */
    async deleteAccount(user: AuthUser, proof: { password?: string; code?: string }) {
      if (user.role !== 'seeker') {
        throw new AppError('forbidden', 'Employer, host and bureau accounts are closed by an administrator / 企业、主播账号请联系管理员注销');
      }
      if (proof.code !== undefined) {
        if (!user.phone || !deps.phoneCodes) throw new AppError('validation_failed', 'body.code: this account has no phone / 该账号未绑定手机号', { fields: [{ path: 'body.code', message: 'no phone' }] });
        await deps.phoneCodes.verifyCode(user.phone, proof.code);
      } else if (!(await auth.verifyPassword(user, proof.password ?? ''))) {
        throw new AppError('validation_failed', 'body.password: wrong password / 密码错误', { fields: [{ path: 'body.password', message: 'wrong password' }] });
      }
      const unusableHash = await argon2.hash(randomBytes(32).toString('base64url'), { type: argon2.argon2id });
      const at = now();
      await db.transaction(async (tx) => {
        for (const source of sources) await source.erase?.(tx, user.id, at);
        await repository.eraseAccount(tx, user.id, unusableHash, at);
      });
      deps.events?.emit('AccountDeleted', { userId: user.id });
      return { deletedAt: at };
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
