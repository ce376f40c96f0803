import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import type { Application } from "./submit-application.ts";

export type NotifyApplicationOptions = {
  application: Application;
  /** Where the municipality (by its slug) follows its applications: the link in the mail. */
  url: (municipalitySlug: string) => string;
  note?: string | undefined;
  now: Date;
};

/**
 * Tells the application's contact persons and the coordinator who submitted it about its current state. Called in
 * the transaction that made the change: the outbox rows commit with it or not at all, and the worker sends after.
 */
export async function notifyApplication(tx: Tx, o: NotifyApplicationOptions): Promise<number> {
  const { application } = o;
  const [about] = await tx
    .select({
      trajectory: schema.trajectories.title,
      municipality: schema.tenants.name,
      municipalitySlug: schema.tenants.slug,
    })
    .from(schema.trajectories)
    .innerJoin(schema.tenants, eq(schema.tenants.id, application.municipalityId))
    .where(
      and(eq(schema.trajectories.tenantId, application.tenantId), eq(schema.trajectories.id, application.trajectoryId)),
    );
  const recipients = new Map<string, "nl" | "en">();
  for (const contact of application.contacts) recipients.set(contact.email.toLowerCase(), "nl");
  if (application.submittedBy) {
    const [submitter] = await tx
      .select({ email: schema.people.email, locale: schema.people.locale })
      .from(schema.people)
      .where(eq(schema.people.id, application.submittedBy));
    if (submitter) recipients.set(submitter.email.toLowerCase(), submitter.locale);
  }
  for (const [to, locale] of recipients) {
    await enqueueMail(
      tx,
      {
        to,
        locale,
        template: "application-status",
        params: {
          trajectory: about?.trajectory ?? "",
          municipality: about?.municipality ?? "",
          status: application.status,
          intakeAt: application.intakeAt?.toISOString() ?? null,
          note: o.note ?? null,
          url: o.url(about?.municipalitySlug ?? ""),
        },
      },
      { runAt: o.now },
    );
  }
  return recipients.size;
}
