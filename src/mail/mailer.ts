import nodemailer from "nodemailer";
import type { Logger } from "../platform/logger.ts";
import type { RenderedMail } from "./templates.ts";

export type MailAttachment = { filename: string; contentType: string; content: string };

export type OutgoingMail = RenderedMail & {
  to: string;
  attachments?: MailAttachment[] | undefined;
  headers?: Record<string, string> | undefined;
};

export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/**
 * SMTP when `SMTP_URL` is set. Without it (development, demos) the message is rendered but only written to the log,
 * so a demo visitor can still follow a sign-in link from the console.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string; logger: Logger }): Mailer {
  const { smtpUrl, from, logger } = options;
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      if (!smtpUrl)
        logger.info({ to: mail.to, subject: mail.subject, text: mail.text }, "mail (not sent: no SMTP_URL)");
      else logger.debug({ messageId: info.messageId }, "mail sent");
    },
    close: () => transport.close(),
  };
}
