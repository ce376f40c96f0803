import type { RouterContextProvider } from "react-router";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import {
  type Council,
  type CouncilMeetingErrorCode,
  getCouncil,
  listMeetings,
  listSeatsOf,
} from "../../src/domain/councils/index.ts";
import { rolesGrant, rolesInTenant } from "../../src/domain/identity/index.ts";
import type { Tenant } from "../../src/domain/tenancy/index.ts";
import type { UploadErrorCode } from "../../src/platform/uploads/index.ts";
import { services } from "./context.ts";
import { requireCouncilSeat, todayOf } from "./councils.server.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";
import { notFound } from "./http.server.ts";
import { type Actor, getActor, requireTenantPermission } from "./session.server.ts";

type Context = Readonly<RouterContextProvider>;

/** A council's PDF (a meeting's document, a file of its advice) refused by the upload module, at the file field. */
export const pdfUploadErrors = {
  "uploads.empty": { status: 400, message: "councilMeetings.error.upload.empty", field: "file" },
  "uploads.too-large": { status: 413, message: "councilMeetings.error.upload.tooLarge", field: "file" },
  "uploads.type-not-allowed": { status: 415, message: "councilMeetings.error.upload.type", field: "file" },
  "uploads.alt-text-required": { status: 400, message: "councilMeetings.error.upload.altText", field: "file" },
} as const satisfies Record<UploadErrorCode, DomainErrorAnswer>;

/** The refusals of the meeting forms, with their status and plain-language message. */
export const meetingErrors = {
  "councils.not-found": { status: 404, message: "councils.error.notFound" },
  "councils.meeting-not-found": { status: 404, message: "councilMeetings.error.notFound" },
  "councils.meeting-secretary-only": { status: 403, message: "councilMeetings.error.secretaryOnly" },
  "councils.meeting-times-invalid": { status: 400, message: "councilMeetings.error.times", field: "endTime" },
  "councils.meeting-already-published": { status: 409, message: "councilMeetings.error.alreadyPublished" },
  "councils.meeting-agenda-empty": { status: 409, message: "councilMeetings.error.agendaEmpty" },
  "councils.meeting-not-published": { status: 409, message: "councilMeetings.error.notPublished" },
  "councils.meeting-not-held-yet": { status: 409, message: "councilMeetings.error.notHeldYet" },
  "councils.meeting-report-empty": { status: 400, message: "councilMeetings.error.reportEmpty", field: "report" },
  "councils.agenda-item-not-found": { status: 404, message: "councilMeetings.error.itemNotFound", field: "item" },
  "councils.meeting-cancelled": { status: 409, message: "councilMeetings.error.cancelled" },
  "councils.meeting-changed-meanwhile": { status: 409, message: "councilMeetings.error.changedMeanwhile" },
  "councils.meeting-held": { status: 409, message: "councilMeetings.error.held" },
  "councils.meeting-document-not-found": { status: 404, message: "councilMeetings.error.documentNotFound" },
  ...pdfUploadErrors,
} as const satisfies Record<CouncilMeetingErrorCode | UploadErrorCode | "councils.not-found", DomainErrorAnswer>;

export type MeetingAccess = {
  actor: Actor;
  tenant: Tenant;
  council: Council;
  /** The secretary, or staff with the councils right; other members only read. */
  canEdit: boolean;
  /** Where this council's meeting pages are: in the workspace, or in the staff area. */
  base: string;
};

/**
 * The meeting pages are mounted twice: in the council's workspace (`/{gemeente}/raad/{raad}/vergaderingen`) for
 * whoever holds a seat today, and in the staff area (`/{gemeente}/beheer/raden/{raad}/vergaderingen`) for staff with
 * the councils right. The domain checks the right to change anything again.
 */
export async function requireMeetingAccess(
  request: Request,
  context: Context,
  params: { gemeente: string; raad: string },
): Promise<MeetingAccess> {
  const asStaff = new URL(request.url).pathname.startsWith(`/${params.gemeente}/beheer/`);
  if (!asStaff) {
    const { actor, tenant, council, seat } = await requireCouncilSeat(request, context, params);
    const base = `/${tenant.slug}/raad/${council.slug}/vergaderingen`;
    return { actor, tenant, council, canEdit: seat.role === "secretary", base };
  }
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "councils:manage");
  const council = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today: todayOf(new Date()) }),
  );
  if (!council) notFound();
  return { actor, tenant, council, canEdit: true, base: `/${tenant.slug}/beheer/raden/${council.slug}/vergaderingen` };
}

/**
 * Who asks for a meeting's document: the council (a seat today) and staff with the councils right see every
 * document, everyone else only the public ones of a published meeting.
 */
export async function documentAudience(
  request: Request,
  context: Context,
  tenant: Tenant,
  councilId: string,
): Promise<"everyone" | "council"> {
  const actor = await getActor(request, context);
  if (!actor) return "everyone";
  const { db } = services(context);
  const roles = await withPlatform(db, (tx) => rolesInTenant(tx, { personId: actor.personId, tenantId: tenant.id }));
  if (rolesGrant(roles, "councils:manage")) return "council";
  const seats = await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listSeatsOf(tx, { tenantId: tenant.id, personId: actor.personId, today: todayOf(new Date()) }),
  );
  return seats.some((seat) => seat.councilId === councilId) ? "council" : "everyone";
}

/** A council's published meetings as the public page lists them (instants as ISO strings), with the time of asking. */
export async function publishedMeetingsOf(context: Context, tenantId: string, councilId: string) {
  const meetings = await withTenant(services(context).db, { tenantId }, (tx) =>
    listMeetings(tx, { tenantId, councilId, publishedOnly: true }),
  );
  return {
    now: new Date().toISOString(),
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      place: m.place,
      onlineUrl: m.onlineUrl,
      reportKind: m.reportKind,
      cancellationReason: m.cancellationReason,
    })),
  };
}
