import { data, type RouterContextProvider } from "react-router";
import { withPlatform } from "../../src/db/index.ts";
import { listMemberships, rolesGrant } from "../../src/domain/identity/index.ts";
import { findProgrammeTenant, type Tenant } from "../../src/domain/tenancy/index.ts";
import { services } from "./context.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";
import { requireActor } from "./session.server.ts";

type Context = Readonly<RouterContextProvider>;

/** The national programme's tenant, or a 404 on a platform that has none yet. */
export async function programmeTenant(context: Context): Promise<Tenant> {
  const programme = await findProgrammeTenant(services(context).db);
  if (!programme) throw data(null, { status: 404 });
  return programme;
}

export type CoordinatedMunicipality = { id: string; slug: string; name: string };

/** The municipalities in which this person may apply and request workshops (`programme:apply`). */
export async function coordinatedMunicipalities(
  context: Context,
  personId: string,
): Promise<CoordinatedMunicipality[]> {
  const memberships = await withPlatform(services(context).db, (tx) => listMemberships(tx, personId));
  const found = new Map<string, CoordinatedMunicipality>();
  for (const m of memberships) {
    if (rolesGrant([m.role], "programme:apply"))
      found.set(m.tenantId, { id: m.tenantId, slug: m.tenantSlug, name: m.tenantName });
  }
  return [...found.values()];
}

/** Signed in and coordinating at least one municipality (else 403): who may apply or request a workshop. */
export async function requireCoordinator(request: Request, context: Context) {
  const actor = await requireActor(request, context);
  const municipalities = await coordinatedMunicipalities(context, actor.personId);
  if (municipalities.length === 0) throw data(null, { status: 403 });
  return { actor, municipalities };
}

/** Where a municipality follows its applications; the link in every status mail. */
export const municipalApplicationsUrl = (context: Context, municipalitySlug: string) =>
  `${services(context).config.publicUrl}/${municipalitySlug}/beheer/aanmeldingen`;

export const municipalWorkshopsUrl = (context: Context, municipalitySlug: string) =>
  `${services(context).config.publicUrl}/${municipalitySlug}/beheer/workshops`;

type ApplicationErrorCode =
  | "programme.trajectory-not-found"
  | "programme.application-deadline-passed"
  | "programme.application-needs-contact"
  | "programme.application-already-open"
  | "programme.application-not-found"
  | "programme.application-transition-not-allowed"
  | "programme.intake-needs-date"
  | "programme.trajectory-full"
  | "programme.agenda-needs-admission"
  | "programme.agenda-action-not-found"
  | "programme.costs-need-admission"
  | "programme.amount-not-positive"
  | "programme.workshop-not-found"
  | "programme.too-many-participants"
  | "programme.participants-invalid"
  | "programme.workshop-request-not-found"
  | "programme.workshop-step-not-allowed"
  | "programme.ends-before-start";

/** Every refusal of the application, learning group, cost and workshop use cases, in plain words. */
export const applicationErrors = {
  "programme.trajectory-not-found": { status: 404, message: "applications.error.trajectoryNotFound" },
  "programme.application-deadline-passed": { status: 409, message: "applications.error.deadlinePassed" },
  "programme.application-needs-contact": { status: 400, message: "applications.contacts.required" },
  "programme.application-already-open": { status: 409, message: "applications.error.alreadyOpen" },
  "programme.application-not-found": { status: 404, message: "applications.error.notFound" },
  "programme.application-transition-not-allowed": { status: 409, message: "applications.error.transition" },
  "programme.intake-needs-date": { status: 400, message: "applications.error.intakeNeedsDate" },
  "programme.trajectory-full": { status: 409, message: "applications.error.full" },
  "programme.agenda-needs-admission": { status: 409, message: "applications.error.agendaNeedsAdmission" },
  "programme.agenda-action-not-found": { status: 404, message: "applications.error.actionNotFound" },
  "programme.costs-need-admission": { status: 409, message: "costs.error.needsAdmission" },
  "programme.amount-not-positive": { status: 400, message: "form.euro.positive", field: "amount" },
  "programme.workshop-not-found": { status: 404, message: "workshops.error.notFound" },
  "programme.too-many-participants": { status: 400, message: "workshops.error.tooMany", field: "participants" },
  "programme.participants-invalid": { status: 400, message: "form.number", field: "participants" },
  "programme.workshop-request-not-found": { status: 404, message: "workshops.error.requestNotFound" },
  "programme.workshop-step-not-allowed": { status: 409, message: "workshops.error.step" },
  "programme.ends-before-start": { status: 400, message: "workshops.error.endsBeforeStart", field: "endsTime" },
} satisfies Record<ApplicationErrorCode, DomainErrorAnswer>;
