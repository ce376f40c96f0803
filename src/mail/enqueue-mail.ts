import type { Executor } from "../db/index.ts";
import { enqueue, type JobHandler } from "../platform/queue/index.ts";
import type { MailAttachment, Mailer } from "./mailer.ts";
import { type MailLocale, type MailTemplate, type MailTemplates, renderMail } from "./templates.ts";

export const MAIL_JOB = "mail.send";

export type MailRequest<T extends MailTemplate = MailTemplate> = {
  to: string;
  locale: MailLocale;
  template: T;
  params: MailTemplates[T];
  /** Text attachments (an `.ics` invitation); the job payload stays JSON. */
  attachments?: MailAttachment[];
  /** Extra headers, e.g. `List-Unsubscribe` on a newsletter. */
  headers?: Record<string, string>;
};

/** Mail leaves only through the queue, after the transaction that asked for it has committed. */
export function enqueueMail<T extends MailTemplate>(
  tx: Executor,
  mail: MailRequest<T>,
  options: { runAt: Date },
): Promise<number> {
  return enqueue(tx, MAIL_JOB, mail, options);
}

/** The worker's handler for `mail.send`: render in the recipient's language, then send. */
export function mailJobHandler(mailer: Mailer): JobHandler {
  return async (payload) => {
    const { to, locale, template, params, attachments, headers } = payload as MailRequest;
    await mailer.send({ to, ...renderMail(template, locale, params as never), attachments, headers });
  };
}
