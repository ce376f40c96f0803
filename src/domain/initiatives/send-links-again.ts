import { type AnyColumn, and, desc, eq, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail, type MailLocale, type MailTemplates } from "../../mail/index.ts";
import { type InitiativeUrls, issueInitiativeLink } from "./initiative-links.ts";
import { municipalityName } from "./notify-initiative.ts";

export type SendLinksAgainOptions = {
  tenantId: string;
  /** The address the visitor typed, already trimmed and in lower case. */
  email: string;
  urls: InitiativeUrls;
  /** An application's own page (the applicant signs in with this same address). */
  applicationUrl: (applicationId: string) => string;
  /** The uitdaagrecht register: a request has no page of its own. */
  registerUrl: string;
  now: Date;
};

type Found = MailTemplates["initiator-links"]["links"][number] & { locale: MailLocale; at: Date };

/**
 * "Send my link again": one mail to `email` with a way back to everything that address started in this
 * municipality: a fresh secret link per initiative (only hashes are kept, so an old one cannot be sent again; the old
 * ones keep working), the page of each fund application, and the register with the reference of each uitdaagrecht
 * request. In the language of the newest of them. An address with nothing gets no mail, and the caller answers the
 * visitor the same either way, so the form tells no one whether an address is known. Returns whether a mail went.
 */
export async function sendLinksAgain(tx: Tx, o: SendLinksAgainOptions): Promise<boolean> {
  const sameAddress = (column: AnyColumn) => sql`lower(${column}) = ${o.email}`;
  const { initiatives, fundApplications: applications, challenges, people } = schema;
  const ownInitiatives = await tx
    .select({
      id: initiatives.id,
      reference: initiatives.reference,
      title: initiatives.title,
      locale: initiatives.locale,
      at: initiatives.createdAt,
    })
    .from(initiatives)
    .where(and(eq(initiatives.tenantId, o.tenantId), sameAddress(initiatives.initiatorEmail)))
    .orderBy(desc(initiatives.createdAt));
  const found: Found[] = [];
  for (const initiative of ownInitiatives) {
    const token = await issueInitiativeLink(tx, { tenantId: o.tenantId, initiativeId: initiative.id, now: o.now });
    found.push({ ...initiative, kind: "initiative", url: o.urls.initiator(token) });
  }
  const ownApplications = await tx
    .select({
      id: applications.id,
      reference: applications.reference,
      title: applications.title,
      locale: people.locale,
      at: applications.submittedAt,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(and(eq(applications.tenantId, o.tenantId), sameAddress(people.email)))
    .orderBy(desc(applications.submittedAt));
  for (const application of ownApplications)
    found.push({ ...application, kind: "application", url: o.applicationUrl(application.id) });
  const ownChallenges = await tx
    .select({
      reference: challenges.reference,
      title: challenges.task,
      locale: challenges.locale,
      at: challenges.createdAt,
    })
    .from(challenges)
    .where(and(eq(challenges.tenantId, o.tenantId), sameAddress(challenges.contactEmail)))
    .orderBy(desc(challenges.createdAt));
  for (const challenge of ownChallenges) found.push({ ...challenge, kind: "challenge", url: o.registerUrl });
  if (found.length === 0) return false;
  const [newest] = [...found].sort((a, b) => b.at.getTime() - a.at.getTime());
  await enqueueMail(
    tx,
    {
      to: o.email,
      locale: newest!.locale,
      template: "initiator-links",
      params: {
        municipality: await municipalityName(tx, o.tenantId),
        links: found.map(({ kind, reference, title, url }) => ({ kind, reference, title, url })),
      },
    },
    { runAt: o.now },
  );
  return true;
}
