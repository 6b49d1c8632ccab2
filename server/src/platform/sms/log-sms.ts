import type { SmsLogger, SmsSender } from './sms-sender.js';

export type LogSmsSender = SmsSender & {
  readonly provider: 'log';
  /** The last code "sent" to a phone in this process (tests and the e2e journeys read it here). */
  lastCodeFor(phone: string): string | null;
};

/**
 * SMS_PROVIDER=log, for development and the demo: no message leaves the machine; the server log gets one
 * line with the phone and the code. This is the only place a code is ever written down in clear.
 */
export function createLogSmsSender(log: SmsLogger): LogSmsSender {
  const lastCodes = new Map<string, string>();
  return {
    provider: 'log',
    async sendCode(phone, code) {
      lastCodes.set(phone, code);
      log.info({ sms: { phone, code } }, `SMS (log provider) to ${phone}: 验证码 ${code}`);
    },
    lastCodeFor: (phone) => lastCodes.get(phone) ?? null,
  };
}
