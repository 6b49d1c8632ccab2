import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export type MailMessage = { to: string; subject: string; text: string };

/** What sends an email (a confirmation link, a notice to an address's owner). */
export type MailSender = {
  readonly provider: string;
  send(message: MailMessage): Promise<void>;
};

export type MailLogger = { info(fields: Record<string, unknown>, message: string): void };

export type LogMailSender = MailSender & {
  readonly provider: 'log';
  /** The messages "sent" to an address in this process, oldest first (tests and e2e journeys read them here). */
  messagesTo(address: string): MailMessage[];
};

/**
 * MAIL_PROVIDER=log, for development and the demo: no mail leaves the machine; the server log gets one line with
 * the address and the text (a confirmation link is written down in clear only here).
 */
export function createLogMailSender(log: MailLogger): LogMailSender {
  const sent = new Map<string, MailMessage[]>();
  return {
    provider: 'log',
    async send(message) {
      const address = message.to.toLowerCase();
      sent.set(address, [...(sent.get(address) ?? []), message]);
      log.info({ mail: { to: message.to, subject: message.subject } }, `Mail (log provider) to ${message.to}: ${message.subject}\n${message.text}`);
    },
    messagesTo: (address) => sent.get(address.toLowerCase()) ?? [],
  };
}

/** MAIL_PROVIDER=smtp: SMTP_URL (smtps://user:pass@host:465), from MAIL_FROM, through nodemailer. */
export function createSmtpMailSender(config: { url: string; from: string }): MailSender {
  const transport = nodemailer.createTransport(config.url);
  return {
    provider: 'smtp',
    async send(message) {
      await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

export function createMailSender(config: Config['mail'], log: MailLogger): MailSender {
  if (config.smtp) return createSmtpMailSender(config.smtp);
  return createLogMailSender(log);
}

export function isLogMailSender(sender: MailSender): sender is LogMailSender {
  return sender.provider === 'log' && 'messagesTo' in sender;
}
