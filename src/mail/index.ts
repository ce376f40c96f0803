export {
  enqueueMail,
  MAIL_JOB,
  type MailOutcome,
  type MailReceipt,
  type MailReceipts,
  type MailRequest,
  mailJobHandler,
} from "./enqueue-mail.ts";
export { createMailer, type MailAttachment, type Mailer, type OutgoingMail } from "./mailer.ts";
export { type MailLocale, type MailTemplate, type MailTemplates, type RenderedMail, renderMail } from "./templates.ts";
export { whenText } from "./when-text.ts";
