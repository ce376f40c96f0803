import type { RouterContextProvider } from "react-router";
import { type Tx, withTenant } from "../../src/db/index.ts";
import { findFollowedRound } from "../../src/domain/budgeting/index.ts";
import { cachedTenantBySlug } from "../../src/domain/tenancy/index.ts";
import { services } from "./context.ts";
import { notFound } from "./http.server.ts";

type Context = Readonly<RouterContextProvider>;

/** The municipality a public page belongs to, or 404. */
export async function publicMunicipality(context: Context, slug: string) {
  const tenant = await cachedTenantBySlug(services(context).db, slug);
  if (tenant?.kind !== "municipality") notFound();
  return tenant;
}

/** A change in a municipality's tenant on behalf of nobody (token links, anonymous forms); mail goes after commit. */
export async function inMunicipality<T>(
  context: Context,
  slug: string,
  change: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T> {
  const tenant = await publicMunicipality(context, slug);
  const result = await withTenant(services(context).db, { tenantId: tenant.id }, (tx) => change(tx, tenant.id));
  services(context).queue.wake();
  return result;
}

/** Where the confirmation and unsubscribe links of a municipality's follow mails point. */
export const followLinks = (context: Context, slug: string) => {
  const base = `${services(context).config.publicUrl}/${slug}/volgen`;
  return { confirm: (token: string) => `${base}/bevestigen/${token}`, unsubscribeBase: `${base}/afmelden` };
};

/**
 * The page a topic is about, to link back to after confirming. A round's or a plan's topic holds only its id, so the
 * round is looked up: the way back is the round's page, or the plan on its realisation page, where it was followed.
 */
export async function topicPage(tx: Tx, o: { slug: string; tenantId: string; topic: string }): Promise<string> {
  const [kind, id] = o.topic.split(":");
  if (kind === "process" && id) return `/${o.slug}/processen/${id}`;
  // A council's page goes by its slug; the topic holds its id, so the list of councils is the way back.
  if (kind === "council") return `/${o.slug}/raden`;
  if ((kind === "pb-round" || kind === "pb-plan") && id) {
    const round = await findFollowedRound(tx, { tenantId: o.tenantId, kind, id });
    if (round) {
      const page = `/${o.slug}/burgerbegroting/${round.roundSlug}`;
      return kind === "pb-round" ? page : `${page}/uitvoering#uitvoering-${id}`;
    }
  }
  return `/${o.slug}`;
}
