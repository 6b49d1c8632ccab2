import type { Config } from '../config.js';
import { createAliyunSmsSender } from './aliyun-sms.js';
import { createLogSmsSender, type LogSmsSender } from './log-sms.js';

/** What sends a sign-in code by SMS. Providers differ in how they sign and where they send. */
export type SmsSender = {
  readonly provider: string;
  sendCode(phone: string, code: string): Promise<void>;
};

export type SmsLogger = { info(fields: Record<string, unknown>, message: string): void };

export function createSmsSender(config: Config['sms'], log: SmsLogger): SmsSender {
  if (config.aliyun) return createAliyunSmsSender(config.aliyun);
  return createLogSmsSender(log);
}

/** The log provider keeps the last code per phone in memory, which tests read instead of a mailbox. */
export function isLogSmsSender(sender: SmsSender): sender is LogSmsSender {
  return sender.provider === 'log' && 'lastCodeFor' in sender;
}

export { type LogSmsSender } from './log-sms.js';
