import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { MailSender } from '../../platform/mail/mail-sender.js';
import type { NotificationsService } from '../notifications/index.js';
import * as users from './auth.repository.js';
import * as repository from './email-confirmation.repository.js';

const VALID_MS = 24 * 3600 * 1000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type EmailConfirmationDeps = {
  db: Db;
  mail: MailSender;
  notifications: NotificationsService;
  publicUrl: string;
  log: { error(fields: Record<string, unknown>, message: string): void };
  now?: () => Date;
};

/**
 * An email given at sign-up becomes the account's only when its inbox confirms it, so that sign-up answers the
 * same ("we sent a link to …") whether or not the address has an account (issue 10, enumeration). A free address
 * gets the link; an address that has an account gets a notice instead, and its owner an in-app notification.
 * Mail is sent after the answer is decided and is not awaited by it: neither the answer nor its time depends on
 * which of the two mails goes out.
 */
export function createEmailConfirmationService(deps: EmailConfirmationDeps) {
  const { db, mail, notifications, publicUrl, log } = deps;
  const now = deps.now ?? (() => new Date());
  const send = (to: string, subject: string, text: string) => {
    mail.send({ to, subject, text }).catch((error: unknown) => log.error({ err: error }, 'sending a sign-up email failed'));
  };

  return {
    /** For an account whose phone was just proven at sign-up: ask `email`'s inbox to confirm it for the account. */
    async request(userId: string, email: string) {
      const at = now();
      await repository.deleteExpiredEmailConfirmations(db, at);
      const ownerId = await users.findUserIdByEmailOrPhone(db, email, null);
      if (ownerId) {
        await notifications.notify([{
          userId: ownerId,
          kind: 'account.sign_up_existing',
          title: '有人尝试用你的邮箱注册新账号，未成功；你的账号没有改变',
          body: '如果是你本人，请直接登录。',
          link: null,
          payload: { en: 'Someone tried to sign up a new account with your email; it was not added to it and your account did not change.' },
        }]);
        send(email, 'Jobcast：有人尝试用此邮箱注册 / Someone tried to sign up with this email',
          `有人在 Jobcast 注册新账号时填写了此邮箱。此邮箱已有账号，因此没有加入新账号，你的账号没有改变。如果是你本人，请直接登录：${publicUrl}/sign-in\n\n`
          + `Someone gave this email when signing up a new Jobcast account. It already has an account, so it was not added and your account did not change. If this was you, sign in: ${publicUrl}/sign-in`);
        return;
      }
      const token = randomBytes(32).toString('base64url');
      await repository.insertEmailConfirmation(db, { tokenHash: hashToken(token), userId, email, expiresAt: new Date(at.getTime() + VALID_MS) });
      const link = `${publicUrl}/confirm-email?token=${token}`;
      send(email, 'Jobcast：请确认你的邮箱 / Confirm your email',
        `点击链接确认此邮箱，之后可以用它登录 Jobcast（24小时内有效）：${link}\n\nOpen the link to confirm this email; you can then sign in to Jobcast with it (valid for 24 hours): ${link}`);
    },

    /** The link from the mail: the email becomes the account's (once; 400 when unknown or expired, 409 when taken meanwhile). */
    async confirm(token: string) {
      const row = await repository.deleteEmailConfirmation(db, hashToken(token));
      if (!row || row.expiresAt.getTime() < now().getTime()) {
        throw new AppError('validation_failed', 'This link is invalid or expired / 链接无效或已过期', { fields: [{ path: 'body.token', message: 'invalid or expired / 链接无效或已过期' }] });
      }
      // Only the inbox's holder gets here, so saying that the address was taken meanwhile tells nobody else.
      if (!(await repository.updateUserEmailIfFree(db, row.userId, row.email))) {
        throw new AppError('conflict', 'This email now belongs to another account / 该邮箱已被其他账号使用');
      }
      const user = await users.findUserById(db, row.userId);
      if (!user) throw new AppError('not_found', 'Account not found / 账号不存在');
      return user;
    },
  };
}

export type EmailConfirmationService = ReturnType<typeof createEmailConfirmationService>;
