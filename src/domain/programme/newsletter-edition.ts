import type { schema } from "../../db/index.ts";

export const NEWSLETTER_FAN_OUT_JOB = "newsletter.fan-out";
export const NEWSLETTER_DELIVERY_JOB = "newsletter.deliver";

export type NewsletterEdition = typeof schema.newsletterEditions.$inferSelect;

export type NewsletterDelivery = {
  email: string;
  locale: "nl" | "en";
  subject: string;
  body: string;
  unsubscribeToken: string;
};
