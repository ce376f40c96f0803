import { Heading1, Paragraph } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { listRounds } from "../../../src/domain/budgeting/index.ts";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-rounds";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const rounds = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listRounds(tx, { tenantId: tenant.id }),
  );
  return { tenant: { name: tenant.name }, base: staffBase(params.gemeente), rounds };
}

export default function StaffRounds({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { tenant, base, rounds } = loaderData;
  const title = t("budgeting.staff.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading1>{title}</Heading1>
      <StaffNav base={base} />
      <Paragraph>
        <Link className="utrecht-link" to={`${base}/burgerbegroting/nieuw`}>
          {t("budgeting.staff.new")}
        </Link>
      </Paragraph>
      {rounds.length === 0 ? (
        <Paragraph>{t("budgeting.staff.none")}</Paragraph>
      ) : (
        <DataTable
          label={title}
          columns={[t("budgeting.field.title"), t("budgeting.phase.schedule"), ""]}
          items={rounds}
          keyOf={(r) => r.id}
          cells={(r) => [
            <Link key="manage" className="utrecht-link" to={`${base}/burgerbegroting/${r.slug}`}>
              {r.title}
            </Link>,
            t(`budgeting.phase.${r.phase}`),
            <Link key="public" className="utrecht-link" to={`/${params.gemeente}/burgerbegroting/${r.slug}`}>
              {t("budgeting.staff.public")}
            </Link>,
          ]}
        />
      )}
    </PageShell>
  );
}
