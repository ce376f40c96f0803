import { data, type RouterContextProvider } from "react-router";
import { type Executor, withTenant } from "../../src/db/index.ts";
import { listAreas } from "../../src/domain/areas/index.ts";
import {
  type Council,
  type CouncilBasis,
  type CouncilKind,
  type CouncilSeat,
  type CouncilsErrorCode,
  councilBases,
  councilKinds,
  getCouncil,
  listSeatsOf,
} from "../../src/domain/councils/index.ts";
import { dutchDateOf } from "../../src/domain/shared/index.ts";
import { cachedTenantBySlug, type Tenant } from "../../src/domain/tenancy/index.ts";
import { services } from "./context.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";
import { notFound } from "./http.server.ts";
import { type Actor, requireActor } from "./session.server.ts";

/** Every refusal of a council form, with its status and plain-language message. */
export const councilErrors = {
  "councils.not-found": { status: 404, message: "councils.error.notFound" },
  "councils.slug-taken": { status: 409, message: "councils.error.slugTaken", field: "slug" },
  "councils.area-not-found": { status: 400, message: "councils.error.areaNotFound", field: "areas" },
  "councils.no-area": { status: 400, message: "councils.error.noArea", field: "areas" },
  "councils.seat-taken": { status: 409, message: "councils.error.seatTaken", field: "role" },
  "councils.person-seated": { status: 409, message: "councils.error.personSeated", field: "email" },
  "councils.no-free-seat": { status: 409, message: "councils.error.noFreeSeat", field: "role" },
  "councils.term-invalid": { status: 400, message: "councils.error.termInvalid", field: "endsOn" },
  "councils.member-not-found": { status: 404, message: "councils.error.memberNotFound" },
  "councils.term-already-ended": { status: 409, message: "councils.error.termAlreadyEnded" },
  "councils.seats-in-use": { status: 409, message: "councils.error.seatsInUse", field: "memberSeats" },
  "councils.no-secretary": { status: 409, message: "councils.error.noSecretary" },
  "councils.not-on-council": { status: 403, message: "advice.error.notOnCouncil" },
  "councils.advice-secretary-only": { status: 403, message: "advice.error.secretaryOnly" },
  "councils.advice-not-found": { status: 404, message: "advice.error.notFound" },
  "councils.advice-already-given": { status: 409, message: "advice.error.alreadyGiven" },
  "councils.advice-not-given-yet": { status: 409, message: "advice.error.notGivenYet" },
  "councils.advice-already-answered": { status: 409, message: "advice.error.alreadyAnswered" },
  "councils.advice-term-invalid": { status: 400, message: "advice.error.termLength" },
  "councils.advice-file-not-found": { status: 404, message: "advice.error.fileNotFound" },
  "councils.advice-files-closed": { status: 409, message: "advice.error.filesClosed" },
} as const satisfies Record<CouncilsErrorCode, DomainErrorAnswer>;

/** The contact form's refusals: a council without a secretary, and a sender past the rate limit. */
export const contactErrors = {
  ...councilErrors,
  "identity.rate-limited": { status: 429, message: "councils.contact.rateLimited" },
} as const satisfies Record<CouncilsErrorCode | "identity.rate-limited", DomainErrorAnswer>;

/** Today's Dutch calendar date: terms are in days, and a term's last day counts in full. */
export const todayOf = (now: Date) => dutchDateOf(now);

type Context = Readonly<RouterContextProvider>;

/** A municipality by its slug, or a 404. */
export async function requireMunicipality(context: Context, slug: string): Promise<Tenant> {
  const tenant = await cachedTenantBySlug(services(context).db, slug);
  if (tenant?.kind !== "municipality") notFound();
  return tenant;
}

export type CouncilAccess = { actor: Actor; tenant: Tenant; council: Council; seat: CouncilSeat; today: string };

/**
 * For a council's workspace: signed in, and holding a seat on this council today. Staff rights, a seat on another
 * council or a term that has run out open nothing here (403); an unknown municipality or council is a 404.
 */
export async function requireCouncilSeat(
  request: Request,
  context: Context,
  slugs: { gemeente: string; raad: string },
): Promise<CouncilAccess> {
  const tenant = await requireMunicipality(context, slugs.gemeente);
  const actor = await requireActor(request, context);
  const today = todayOf(new Date());
  const { db } = services(context);
  const found = await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const council = await getCouncil(tx, { tenantId: tenant.id, slug: slugs.raad, today });
    if (!council) return undefined;
    const seats = await listSeatsOf(tx, { tenantId: tenant.id, personId: actor.personId, today });
    return { council, seat: seats.find((s) => s.councilId === council.id) };
  });
  if (!found) notFound();
  if (!found.seat) throw data(null, { status: 403 });
  return { actor, tenant, council: found.council, seat: found.seat, today };
}

/** The councils a signed-in person sits on today, in one municipality: for the link to their workspace. */
export async function seatsOf(context: Context, tenant: Tenant, personId: string): Promise<CouncilSeat[]> {
  return withTenant(services(context).db, { tenantId: tenant.id, personId }, (tx) =>
    listSeatsOf(tx, { tenantId: tenant.id, personId, today: todayOf(new Date()) }),
  );
}

/** What the staff's council forms offer: the kinds, the footings, and the municipality's areas below itself. */
export async function councilChoices(tx: Executor, tenantId: string) {
  const areas = await listAreas(tx, { tenantId });
  return {
    kinds: councilKinds,
    bases: councilBases,
    areas: areas.filter((area) => area.kind !== "municipality").map(({ id, name, code }) => ({ id, name, code })),
  };
}

/** A council form's fields as the domain takes them (create and update share them). */
export const councilDetails = (value: {
  name: string;
  kind: CouncilKind;
  basis: CouncilBasis;
  basisUrl?: string | undefined;
  description?: string | undefined;
  memberSeats: number;
  areas: string[];
}) => ({
  name: value.name,
  kind: value.kind,
  basis: value.basis,
  basisUrl: value.basisUrl ?? null,
  description: value.description ?? "",
  memberSeats: value.memberSeats,
  areaIds: value.areas,
});
