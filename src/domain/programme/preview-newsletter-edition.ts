import type { Executor } from "../../db/index.ts";
import { renderMail } from "../../mail/index.ts";
import { listNewsletterRecipients } from "./list-newsletter-recipients.ts";

export type NewsletterPreview = {
  recipientCount: number;
  subject: string;
  /** The mail's paragraphs as a Dutch reader gets them, the unsubscribe line last. */
  paragraphs: string[];
};

/**
 * What an edition will look like before it is sent, and to how many readers it goes now: the same template the
 * mail job renders, so the preview cannot differ from the mail.
 */
export async function previewNewsletterEdition(
  tx: Executor,
  o: { tenantId: string; theme: string; subject: string; body: string; unsubscribeUrl: string },
): Promise<NewsletterPreview> {
  const recipients = await listNewsletterRecipients(tx, { tenantId: o.tenantId, theme: o.theme });
  const mail = renderMail("newsletter-edition", "nl", {
    subject: o.subject,
    body: o.body,
    unsubscribeUrl: o.unsubscribeUrl,
  });
  const paragraphs = mail.text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { recipientCount: recipients.length, subject: mail.subject, paragraphs };
}
