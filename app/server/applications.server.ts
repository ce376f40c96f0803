import { data, type RouterContextProvider } from "react-router";
import { withPlatform } from "../../src/db/index.ts";
import { listMemberships, rolesGrant } from "../../src/domain/identity/index.ts";
import { services } from "./context.ts";
import { requireActor } from "./session.server.ts";

type Context = Readonly<RouterContextProvider>;

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
