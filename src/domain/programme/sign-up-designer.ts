import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { normaliseEmail, recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { applicationDeadlinePassed } from "./find-application-refusal.ts";
import { requireText } from "./input-rules.ts";

export type SignUpDesignerOptions = {
  programmeTenantId: string;
  slug: string;
  name: string;
  email: string;
  /** Their organisation, or their discipline when they work alone. */
  organisation: string;
  motivation: string;
  /** They ticked that the programme may keep these details for the trajectory. */
  consent: boolean;
  locale: "nl" | "en";
  /** The trajectory's public page, for the confirmation mail. */
  trajectoryUrl: string;
  now: Date;
};

export type DesignerSignUp = typeof schema.designerSignups.$inferSelect;

/** Enough to catch a typing error; the confirmation mail is the real test of an address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a trajectory takes designers' sign-ups now: staff turned it on, and its deadline day has not passed. */
export const takesDesignerSignUpsNow = (
  trajectory: { takesDesignerSignUps: boolean; applicationDeadlineOn: string | null },
  now: Date,
): boolean => trajectory.takesDesignerSignUps && !applicationDeadlinePassed(trajectory.applicationDeadlineOn, now);

/**
 * A designer (ontwerper, stadmaker) signs up for a trajectory from its public page, without an account (ADR 0035):
 * the row and the confirmation mail are all there is. They sign up by the same deadline as the municipalities. A
 * second sign-up from the same address is refused and changes nothing; the unique index decides, so two
 * simultaneous posts make one row and one mail.
 */
export async function signUpDesigner(tx: Tx, o: SignUpDesignerOptions): Promise<DesignerSignUp> {
  for (const field of ["name", "organisation", "motivation"] as const) requireText(field, o[field]);
  const email = normaliseEmail(o.email);
  if (!EMAIL.test(email) || email.length > 254) throw new ProgrammeError("programme.invalid-email", { field: "email" });
  if (!o.consent) throw new ProgrammeError("programme.consent-required", { field: "consent" });
  const t = schema.trajectories;
  const [trajectory] = await tx
    .select({
      id: t.id,
      title: t.title,
      takesDesignerSignUps: t.takesDesignerSignUps,
      applicationDeadlineOn: t.applicationDeadlineOn,
      contactEmail: t.contactEmail,
    })
    .from(t)
    .where(and(eq(t.tenantId, o.programmeTenantId), eq(t.slug, o.slug)));
  if (!trajectory) throw new ProgrammeError("programme.trajectory-not-found");
  if (!takesDesignerSignUpsNow(trajectory, o.now)) throw new ProgrammeError("programme.designer-sign-ups-closed");
  const [row] = await tx
    .insert(schema.designerSignups)
    .values({
      tenantId: o.programmeTenantId,
      trajectoryId: trajectory.id,
      name: o.name.trim(),
      email,
      organisation: o.organisation.trim(),
      motivation: o.motivation.trim(),
      consentedAt: o.now,
      locale: o.locale,
      createdAt: o.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ProgrammeError("programme.designer-already-signed-up", { field: "email" });
  // Who signed up is in the row; the audit line says only that someone did, so deleting the row removes them.
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: null,
    action: "programme.designer.sign-up",
    subject: row.id,
    details: { trajectoryId: trajectory.id },
  });
  await enqueueMail(
    tx,
    {
      to: email,
      locale: o.locale,
      template: "designer-signed-up",
      params: {
        trajectory: trajectory.title,
        name: row.name,
        url: o.trajectoryUrl,
        contact: trajectory.contactEmail,
      },
    },
    { runAt: o.now },
  );
  return row;
}
