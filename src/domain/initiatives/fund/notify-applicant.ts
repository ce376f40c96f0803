import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../../db/index.ts";
import { enqueueMail, type MailTemplates } from "../../../mail/index.ts";
import type { Fund, FundApplication } from "./rules.ts";

export type FundMailStep = MailTemplates["fund-application"]["step"];

/** The address of an application's own page, for mails; the web layer owns the path, the domain only joins it. */
export const applicationUrl = (publicUrl: string, tenantSlug: string, applicationId: string) =>
  `${publicUrl}/${tenantSlug}/fondsen/aanvraag/${applicationId}`;

/** Mails the applicant about a step of their application, through the outbox (sent after commit). */
export async function notifyApplicant(
  tx: Executor,
  o: {
    fund: Fund;
    application: FundApplication;
    step: FundMailStep;
    dueOn?: string | null;
    /** Why, in staff's words: with an extension of the term. */
    reason?: string | null;
    url: string;
    now: Date;
  },
): Promise<void> {
  const [person] = await tx
    .select({ email: schema.people.email, locale: schema.people.locale })
    .from(schema.people)
    .where(eq(schema.people.id, o.application.applicantId));
  if (!person) return;
  await enqueueMail(
    tx,
    {
      to: person.email,
      locale: person.locale ?? "nl",
      template: "fund-application",
      params: {
        fund: o.fund.name,
        reference: o.application.reference,
        step: o.step,
        dueOn: o.dueOn ?? null,
        reason: o.reason ?? null,
        url: o.url,
      },
    },
    { runAt: o.now },
  );
}
