import type { schema } from "../../db/index.ts";

export const NEWSLETTER_FAN_OUT_JOB = "newsletter.fan-out";
export const NEWSLETTER_DELIVERY_JOB = "newsletter.deliver";
export const NEWSLETTER_DELIVERY_RECEIPT = "newsletter.delivery";

export type NewsletterEdition = typeof schema.newsletterEditions.$inferSelect;
export type NewsletterDeliveryStatus = (typeof schema.newsletterDeliveries.$inferSelect)["status"];
/** An edition as the staff list shows it: how many of its mails reached each status. */
export type NewsletterEditionSummary = NewsletterEdition & {
  deliveries: Record<NewsletterDeliveryStatus, number>;
};

export type NewsletterDelivery = {
  email: string;
  locale: "nl" | "en";
  subject: string;
  body: string;
  unsubscribeToken: string;
};
