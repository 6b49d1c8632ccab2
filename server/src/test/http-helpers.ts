import type { App } from '../platform/http.js';
import { isLogMailSender, type MailSender } from '../platform/mail/mail-sender.js';
import { isLogSmsSender, type SmsSender } from '../platform/sms/sms-sender.js';
import { TEST_PASSWORD } from './factories.js';

/** Signs in through the real route and returns a cookie jar for app.inject. */
export async function signIn(app: App, login: string, password = TEST_PASSWORD) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${login}: ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'jobcast_session');
  return { jobcast_session: cookie!.value };
}

type Injectable = { inject: App['inject'] };

/** The code the log SMS provider last "sent" to a phone (the tests run with SMS_PROVIDER=log). */
export function lastSmsCode(context: { sms: SmsSender }, phone: string): string | null {
  if (!isLogSmsSender(context.sms)) throw new Error('the tests expect SMS_PROVIDER=log');
  return context.sms.lastCodeFor(phone);
}

/**
 * Public sign-up as a browser does it: asks for the SMS code for `payload.phone`, reads it from the log
 * provider and posts the sign-up with it. Returns the sign-up's response.
 */
export async function signUpWithCode(app: Injectable, context: { sms: SmsSender }, payload: Record<string, unknown>) {
  const phone = String(payload.phone);
  const sent = await app.inject({ method: 'POST', url: '/api/auth/phone-code', payload: { phone } });
  if (sent.statusCode !== 200) throw new Error(`phone code refused for ${phone}: ${sent.body}`);
  return app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { ...payload, code: lastSmsCode(context, phone) } });
}

/**
 * Confirms an email given at sign-up as its inbox's holder does: reads the link from the log mail provider's
 * last message to the address and posts its token. Returns the confirmation's response.
 */
export async function confirmEmailFromMail(app: Injectable, context: { mail: MailSender }, email: string) {
  if (!isLogMailSender(context.mail)) throw new Error('the tests expect MAIL_PROVIDER=log');
  const text = context.mail.messagesTo(email).at(-1)?.text ?? '';
  const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no confirmation link was mailed to ${email}`);
  return app.inject({ method: 'POST', url: '/api/auth/email-confirmation', payload: { token } });
}

/** The messages the log mail provider "sent" to an address, oldest first. */
export function mailsTo(context: { mail: MailSender }, address: string) {
  if (!isLogMailSender(context.mail)) throw new Error('the tests expect MAIL_PROVIDER=log');
  return context.mail.messagesTo(address);
}
