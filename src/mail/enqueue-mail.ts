import type { Executor } from "../db/index.ts";
import type { Logger } from "../platform/logger.ts";
import { enqueue, type JobHandler, type JobRun } from "../platform/queue/index.ts";
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
  /** Who wants to hear what became of this mail (a newsletter's delivery row); see `MailReceipts`. */
  receipt?: MailReceipt;
};

export type MailReceipt = { kind: string; tenantId: string; id: string };
export type MailOutcome = { sent: true } | { sent: false; error: string };
/**
 * Per receipt kind, what to record when the SMTP server took the mail or refused it. A refusal is recorded before the
 * job fails (and is tried again); a write that fails after the mail went out is logged, not retried, so nobody gets
 * the mail twice for a status.
 */
export type MailReceipts = Readonly<
  Record<string, (run: JobRun, receipt: MailReceipt, outcome: MailOutcome) => Promise<unknown>>
>;

/** Mail leaves only through the queue, after the transaction that asked for it has committed. */
export function enqueueMail<T extends MailTemplate>(
  tx: Executor,
  mail: MailRequest<T>,
  options: { runAt: Date },
): Promise<number> {
  return enqueue(tx, MAIL_JOB, mail, options);
}

/** The worker's handler for `mail.send`: render in the recipient's language, send, and report the outcome. */
export function mailJobHandler(mailer: Mailer, o: { receipts?: MailReceipts; logger?: Logger } = {}): JobHandler {
  return async (payload, _job, run) => {
    const { to, locale, template, params, attachments, headers, receipt } = payload as MailRequest;
    const record = receipt && o.receipts?.[receipt.kind];
    try {
      await mailer.send({ to, ...renderMail(template, locale, params as never), attachments, headers });
    } catch (error) {
      if (record) await record(run, receipt, { sent: false, error: smtpAnswer(error) });
      throw error;
    }
    if (record)
      await record(run, receipt, { sent: true }).catch((error: unknown) =>
        o.logger?.error({ err: error, receipt }, "mail sent, but its outcome could not be recorded"),
      );
  };
}

/** The SMTP server's own answer when there is one ("550 5.1.1 mailbox unavailable"), else the error's message. */
function smtpAnswer(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown };
  const answer =
    typeof e?.response === "string" ? e.response : typeof e?.message === "string" ? e.message : String(error);
  return answer.slice(0, 500);
}
