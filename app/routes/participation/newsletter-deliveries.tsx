import { Heading1, Paragraph, TableCell, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { data } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { listNewsletterDeliveries, listNewsletterEditions } from "../../../src/domain/programme/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { idOrNotFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/newsletter-deliveries";

/** Per recipient of one edition, what the mail server said: staff see who got it, who not, and why. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "newsletter:send");
  const editionId = idOrNotFound(params.editie);
  const found = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const [edition] = await listNewsletterEditions(tx, { tenantId: tenant.id, editionId });
      if (!edition) return undefined;
      return { edition, deliveries: await listNewsletterDeliveries(tx, { tenantId: tenant.id, editionId }) };
    },
  );
  if (!found) throw data(null, { status: 404 });
  return found;
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ edition }, t) => [
  { label: t("staff.nav.overview"), to: "/beheer" },
  { label: t("participation.edition.nav"), to: "/beheer/nieuwsbrief" },
  { label: edition.subject, to: `/beheer/nieuwsbrief/${edition.id}` },
]);

export default function NewsletterDeliveries({ loaderData: { edition, deliveries } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const title = t("participation.delivery.title", { subject: edition.subject });
  return (
    <PageShell title={title}>
      <Heading1>{title}</Heading1>
      <StaffNav base="/beheer" />
      <Paragraph>
        {t("participation.delivery.summary", {
          theme: edition.theme,
          date: `${formatDate(locale, edition.createdAt)} ${formatTime(locale, edition.createdAt)}`,
          count: edition.recipientCount ?? 0,
        })}
      </Paragraph>
      {deliveries.length === 0 ? (
        <Paragraph>{t("participation.delivery.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("participation.delivery.caption")}
          columns={[
            t("participation.delivery.email"),
            t("participation.delivery.status"),
            t("participation.delivery.attempts"),
            t("participation.delivery.updated"),
            t("participation.delivery.error"),
          ]}
        >
          {deliveries.map((delivery) => (
            <TableRow key={delivery.email}>
              <TableHeaderCell scope="row">{delivery.email}</TableHeaderCell>
              <TableCell>{t(`participation.delivery.status.${delivery.status}`)}</TableCell>
              <TableCell>{delivery.attempts}</TableCell>
              <TableCell>
                {formatDate(locale, delivery.updatedAt)} {formatTime(locale, delivery.updatedAt)}
              </TableCell>
              <TableCell>{delivery.lastError ?? ""}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PageShell>
  );
}
