import type { Executor } from "../db/index.ts";
import { enqueue, type JobHandler } from "../platform/queue/index.ts";
import type { Mailer } from "./mailer.ts";
import { type MailLocale, type MailTemplate, type MailTemplates, renderMail } from "./templates.ts";

export const MAIL_JOB = "mail.send";

export type MailRequest<T extends MailTemplate = MailTemplate> = {
  to: string;
  locale: MailLocale;
  template: T;
  params: MailTemplates[T];
};

/** Mail leaves only through the queue, after the transaction that asked for it has committed. */
export function enqueueMail<T extends MailTemplate>(tx: Executor, mail: MailRequest<T>): Promise<number> {
  return enqueue(tx, MAIL_JOB, mail);
}

/** The worker's handler for `mail.send`: render in the recipient's language, then send. */
export function mailJobHandler(mailer: Mailer): JobHandler {
  return async (payload) => {
    const { to, locale, template, params } = payload as MailRequest;
    await mailer.send({ to, ...renderMail(template, locale, params as never) });
  };
}
