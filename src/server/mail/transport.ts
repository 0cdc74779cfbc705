/** Sends one mail over SMTP (SMTP_URL) with nodemailer. */
import nodemailer from 'nodemailer';
import type { NewMail } from '../storage/store.ts';

export interface Mailer {
  /** Resolves once the SMTP server accepted the mail; rejects otherwise. */
  send(mail: NewMail): Promise<void>;
}

// Short timeouts: a hanging server must not hold a batch past its outbox lease (deliver.ts).
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url, ...TIMEOUTS });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments?.map((file) => ({ ...file })),
      });
    },
  };
}
