import { and, eq, inArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { type InitiativeUrls, issueInitiativeLink } from "./initiative-links.ts";
import type { InitiativeStatus } from "./initiative-states.ts";

type Initiative = typeof schema.initiatives.$inferSelect;

export type InitiatorNews =
  | { kind: "received" }
  | { kind: "message" }
  | { kind: "assigned"; contact: string }
  | { kind: "status"; status: InitiativeStatus; reason: string };

/** The municipality's name, for a mail. */
export async function municipalityName(tx: Tx, tenantId: string): Promise<string> {
  const [row] = await tx
    .select({ name: schema.tenants.name })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  return row?.name ?? "";
}

/**
 * A mail to the initiator, with a fresh secret link to the initiative; in the transaction of the change, so it goes
 * out only if the change commits.
 */
export async function notifyInitiator(
  tx: Tx,
  o: { initiative: Initiative; news: InitiatorNews; urls: InitiativeUrls; now: Date },
): Promise<void> {
  const { initiative, news } = o;
  const token = await issueInitiativeLink(tx, {
    tenantId: initiative.tenantId,
    initiativeId: initiative.id,
    now: o.now,
  });
  const common = {
    municipality: await municipalityName(tx, initiative.tenantId),
    reference: initiative.reference,
    title: initiative.title,
    url: o.urls.initiator(token),
    lostLinkUrl: o.urls.lostLink,
  };
  const mail = { to: initiative.initiatorEmail, locale: initiative.locale };
  if (news.kind === "received") {
    await enqueueMail(
      tx,
      { ...mail, template: "initiative-received", params: { ...common, assignDueOn: initiative.assignDueOn } },
      { runAt: o.now },
    );
    return;
  }
  await enqueueMail(
    tx,
    {
      ...mail,
      template: "initiative-update",
      params: {
        ...common,
        kind: news.kind,
        contact: news.kind === "assigned" ? news.contact : null,
        status: news.kind === "status" ? news.status : null,
        reason: news.kind === "status" ? news.reason : null,
      },
    },
    { runAt: o.now },
  );
}

/**
 * A mail to the municipality about the initiator's new message: to the contact person, or while there is none to
 * everyone on the municipality's staff.
 */
export async function notifyMunicipality(
  tx: Tx,
  o: { initiative: Initiative; urls: InitiativeUrls; now: Date },
): Promise<void> {
  const { initiative } = o;
  const recipients = initiative.contactPersonId
    ? await tx
        .select({ email: schema.people.email, locale: schema.people.locale })
        .from(schema.people)
        .where(eq(schema.people.id, initiative.contactPersonId))
    : await tx
        .selectDistinct({ email: schema.people.email, locale: schema.people.locale })
        .from(schema.memberships)
        .innerJoin(schema.people, eq(schema.people.id, schema.memberships.personId))
        .where(
          and(
            eq(schema.memberships.tenantId, initiative.tenantId),
            inArray(schema.memberships.role, ["municipal-coordinator", "municipal-staff"]),
          ),
        );
  const municipality = await municipalityName(tx, initiative.tenantId);
  for (const recipient of recipients) {
    await enqueueMail(
      tx,
      {
        to: recipient.email,
        locale: recipient.locale,
        template: "initiative-message-staff",
        params: {
          municipality,
          reference: initiative.reference,
          title: initiative.title,
          url: o.urls.staff(initiative.id),
        },
      },
      { runAt: o.now },
    );
  }
}
