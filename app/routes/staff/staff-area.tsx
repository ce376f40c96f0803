import { Heading1, Heading2, Paragraph } from "@utrecht/component-library-react";
import { withTenant } from "../../../src/db/index.ts";
import { listAuditLog } from "../../../src/domain/shared/index.ts";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { useIsMessageKey, useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import type { Route } from "./+types/staff-area";
import { StaffNav, staffBase } from "./staff-nav.tsx";

/** Mounted twice: `/beheer` (programme staff) and `/:gemeente/beheer` (that municipality's staff). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const gemeente = "gemeente" in params ? (params.gemeente as string) : undefined;
  const { actor, tenant, roles } = await requireTenantPermission(request, context, gemeente, "staff-area:view");
  const audit = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listAuditLog(tx, { tenantId: tenant.id }),
  );
  return { tenant: { name: tenant.name }, base: staffBase(gemeente), roles, audit };
}

export default function StaffArea({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const isMessageKey = useIsMessageKey();
  const locale = useLocale();
  const { tenant, base, roles, audit } = loaderData;
  return (
    <PageShell>
      <title>{`${t("staff.title", { tenant: tenant.name })} – ${t("site.name")}`}</title>
      <Heading1>{t("staff.title", { tenant: tenant.name })}</Heading1>
      <Paragraph>{t("staff.intro", { roles: roles.map((role) => t(`role.${role}`)).join(", ") })}</Paragraph>
      <StaffNav base={base} />
      <Heading2>{t("staff.audit.title")}</Heading2>
      {audit.length === 0 ? (
        <Paragraph>{t("staff.audit.empty")}</Paragraph>
      ) : (
        <DataTable
          label={t("staff.audit.title")}
          columns={[t("staff.audit.when"), t("staff.audit.who"), t("staff.audit.what"), t("staff.audit.subject")]}
          items={audit}
          keyOf={(line) => String(line.id)}
          cells={(line) => [
            `${formatDate(locale, new Date(line.at))} ${formatTime(locale, new Date(line.at))}`,
            line.actor === "system"
              ? t("staff.audit.system")
              : line.actor === "gone"
                ? t("staff.audit.someone")
                : line.actor.name,
            actionLabel(t, isMessageKey, line.action),
            line.subject === "gone" ? t("staff.audit.gone") : (line.subject?.name ?? ""),
          ]}
        />
      )}
    </PageShell>
  );
}

/**
 * Every action the code writes has its name (audit-actions.test.ts); a row written by an older version of the code,
 * with an action since renamed, shows its code.
 */
function actionLabel(
  t: ReturnType<typeof useT>,
  isMessageKey: (key: string) => key is MessageKey,
  action: string,
): string {
  const key = `audit.${action}`;
  return isMessageKey(key) ? t(key) : action;
}
