// The consent rule for phone numbers (docs/CONVERSATIONS.md): an employer sees a seeker's full number only
// while the seeker consents — chosen at apply time (允许企业查看我的手机号) or by accepting a contact request in
// a conversation. A pipeline status (已联系 …) never unmasks. Every look is logged and visible to the seeker,
// who can withdraw consent for later looks.
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import type { NewNotification, Notification, NotificationsService } from '../notifications/index.js';
import * as repository from './consent.repository.js';
import type { ContactKind } from './consent.repository.js';

export const NO_WECHAT_CONSENT_MESSAGE =
  'The seeker has not agreed to share a WeChat ID: ask in the conversation (交换微信) and wait for the answer / 求职者尚未同意查看微信号：请在沟通中发起「交换微信」请求，求职者同意后即可查看';

export const NO_CONSENT_MESSAGE =
  'The seeker has not agreed to share the number: ask in a conversation (交换电话) and wait for the answer / 求职者尚未同意查看手机号：请在沟通中发起「交换电话」请求，求职者同意后即可查看';

/** The seeker is told about looks at most once an hour per viewer (every look is still logged). */
const LOOK_NOTICE_INTERVAL_MS = 3600_000;
/**
 * Opening the application drawer shows the number without a click, so re-opening it is not another look: a
 * view of the detail is logged once per viewer and application in this window. An explicit reveal (unmask,
 * the conversation's 查看电话) is always logged.
 */
export const DETAIL_LOOK_WINDOW_MS = 3600_000;

export type PhoneLookTarget = {
  seekerUserId: string | null;
  seekerPhone: string | null;
  /** The seeker's 微信号, for a look of kind 'wechat'. */
  seekerWechatId?: string | null;
  companyId: string | null;
  companyName: string | null;
  jobTitle: string | null;
  applicationId: number | null;
  conversationId: number | null;
  /** Where the seeker's notification leads. */
  link: string;
};

export function createPhoneAccess(deps: { db: Db; notifications: NotificationsService; now: () => Date }) {
  const { db, notifications, now } = deps;

  function hasConsent(tx: Queryable, seekerUserId: string | null, companyId: string | null, kind: ContactKind = 'phone') {
    if (!seekerUserId || !companyId) return Promise.resolve(false);
    return repository.hasActiveConsent(tx, seekerUserId, companyId, kind);
  }

  /**
   * Logs one look at the full number (inside the caller's transaction) and returns the notifications to
   * announce after commit. The caller has checked the viewer belongs to `target.companyId`. With
   * `isImplicit` (the detail shown as it opens), a look this viewer already logged for the application within
   * DETAIL_LOOK_WINDOW_MS stands for this one: nothing is logged again (`isLogged` false). With kind 'wechat'
   * the look is at the seeker's 微信号 (`phone` then carries the WeChat ID), under the WeChat consent.
   */
  async function recordLook(
    tx: Queryable,
    viewer: AuthUser,
    target: PhoneLookTarget,
    options: { isImplicit?: boolean; kind?: ContactKind } = {},
  ): Promise<{ phone: string; unmaskedAt: Date; isLogged: boolean; stored: Notification[] }> {
    const kind = options.kind ?? 'phone';
    const value = kind === 'wechat' ? target.seekerWechatId ?? null : target.seekerPhone;
    if (!value || !target.seekerUserId) {
      throw new AppError('conflict', kind === 'wechat' ? 'This seeker has no WeChat ID or deleted the account / 求职者未填写微信号' : 'This seeker left no phone number or deleted the account / 无可查看的号码');
    }
    if (!(await hasConsent(tx, target.seekerUserId, target.companyId, kind))) throw new AppError('forbidden', kind === 'wechat' ? NO_WECHAT_CONSENT_MESSAGE : NO_CONSENT_MESSAGE);
    const at = now();
    if (options.isImplicit && target.applicationId !== null && kind === 'phone') {
      const since = new Date(at.getTime() - DETAIL_LOOK_WINDOW_MS);
      if (await repository.hasRecentApplicationLook(tx, target.applicationId, viewer.id, since)) return { phone: value, unmaskedAt: at, isLogged: false, stored: [] };
    }
    const isNoticeDue = !(await repository.hasRecentLook(tx, target.seekerUserId, viewer.id, new Date(at.getTime() - LOOK_NOTICE_INTERVAL_MS)));
    await repository.insertPhoneLook(tx, {
      kind,
      applicationId: target.applicationId,
      conversationId: target.conversationId,
      seekerUserId: target.seekerUserId,
      viewerUserId: viewer.id,
      viewerCompanyId: viewer.companyId,
      at,
    });
    const notice: NewNotification[] = isNoticeDue
      ? [{
          userId: target.seekerUserId,
          kind: 'application.phone_viewed',
          title: `「${target.companyName ?? '企业'}」的 ${viewer.displayName} 查看了你的${kind === 'wechat' ? '微信号' : '手机号'}`,
          body: target.jobTitle ?? '',
          link: target.link,
          payload: { applicationId: target.applicationId, conversationId: target.conversationId, viewer: viewer.displayName, en: `${viewer.displayName} at ${target.companyName ?? 'the employer'} viewed your ${kind === 'wechat' ? 'WeChat ID' : 'phone number'}` },
        }]
      : [];
    return { phone: value, unmaskedAt: at, isLogged: true, stored: await notifications.notify(notice, tx) };
  }

  async function listMine(user: AuthUser) {
    const [consents, looks] = await Promise.all([repository.listConsentsBySeeker(db, user.id), repository.listPhoneLooksBySeeker(db, user.id)]);
    return { consents, looks };
  }

  return {
    hasConsent,
    recordLook,
    listMine,

    /** 允许企业查看我的手机号 ticked on the apply sheet: consent for the application's company. */
    async grantAtApply(seekerUserId: string, applicationId: number) {
      const owner = await repository.findApplicationOwner(db, applicationId);
      if (!owner?.companyId || owner.seekerUserId !== seekerUserId) return;
      await repository.insertConsent(db, { seekerUserId, companyId: owner.companyId, source: 'apply', applicationId, contactRequestId: null, at: now() });
    },

    /** The seeker accepted a contact request, 交换电话 or 交换微信 (inside the conversation's transaction). */
    grantFromConversation(tx: Queryable, input: { seekerUserId: string; companyId: string; kind: ContactKind; applicationId: number | null; contactRequestId: number }) {
      return repository.insertConsent(tx, { ...input, source: 'conversation', at: now() });
    },

    /** Withdraws the consent to that company (later looks are refused; earlier ones stay logged). */
    async withdraw(user: AuthUser, consentId: number) {
      const count = await repository.withdrawConsent(db, user.id, consentId, now());
      if (count === 0) {
        const mine = await repository.listConsentsBySeeker(db, user.id);
        if (!mine.some((consent) => consent.id === consentId)) throw notFound('Consent');
      }
      return listMine(user);
    },

    personalDataSource: {
      name: 'contactConsents',
      collect: async (tx: Queryable, userId: string) => ({
        consents: await repository.listConsentsBySeeker(tx, userId),
        phoneLooks: await repository.listPhoneLooksBySeeker(tx, userId),
      }),
      erase: (tx: Queryable, userId: string) => repository.eraseConsentsOfSeeker(tx, userId),
    },
  };
}

export type PhoneAccess = ReturnType<typeof createPhoneAccess>;
