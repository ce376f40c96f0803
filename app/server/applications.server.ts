import { data, type RouterContextProvider } from "react-router";
import { type Tx, withPlatform, withTenant } from "../../src/db/index.ts";
import { listMemberships, rolesGrant } from "../../src/domain/identity/index.ts";
import { getTrajectory } from "../../src/domain/programme/index.ts";
import { type MessageKey, type Translate, translator } from "../i18n/catalogue.ts";
import { services } from "./context.ts";
import { notFound } from "./http.server.ts";
import { localeOf } from "./locale.server.ts";
import { requireActor, requireTenantPermission } from "./session.server.ts";
import { type Cell, spreadsheetResponse } from "./spreadsheet.server.ts";

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

/** One column of a download: its heading and what each row puts in it. */
export type DownloadColumn<Row> = readonly [heading: string, cell: (row: Row) => Cell];

/**
 * A staff download about one trajectory (its applications, its designers' sign-ups), as CSV or XLSX by the address's
 * ending: for those who manage applications, read in the programme's tenant, 404 for a trajectory that does not
 * exist. The file is named `<name>-<trajectory slug>`.
 */
export async function trajectoryDownload<Row>(
  request: Request,
  context: Context,
  slug: string,
  o: {
    name: string;
    sheet: MessageKey;
    read: (tx: Tx, about: { programmeTenantId: string; trajectoryId: string }) => Promise<Row[]>;
    columns: (t: Translate) => readonly DownloadColumn<Row>[];
  },
): Promise<Response> {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "applications:manage");
  const rows = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const trajectory = await getTrajectory(tx, { tenantId: tenant.id, slug });
    return trajectory && o.read(tx, { programmeTenantId: tenant.id, trajectoryId: trajectory.id });
  });
  if (!rows) notFound();
  const t = translator(await localeOf(request));
  const columns = o.columns(t);
  return spreadsheetResponse(request, {
    name: `${o.name}-${slug}`,
    sheet: t(o.sheet),
    header: columns.map(([heading]) => heading),
    rows: rows.map((row) => columns.map(([, cell]) => cell(row))),
  });
}
