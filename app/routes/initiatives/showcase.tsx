import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { listShowcase } from "../../../src/domain/initiatives/index.ts";
import { ActionLinks } from "../../components/action-links.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import type { Route } from "./+types/showcase";

/** The public showcase: initiatives whose initiators said yes to it; what and where, never who. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const items = await inTenant(context, tenant.id, (tx) => listShowcase(tx, { tenantId: tenant.id }));
  return { tenant: { name: tenant.name }, items };
}

export default function ShowcasePage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { tenant, items } = loaderData;
  const title = t("initiatives.showcase.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("initiatives.showcase.intro")}</Paragraph>
      <ActionLinks
        links={[
          { to: `/${params.gemeente}/initiatieven/indienen`, label: t("initiatives.showcase.submitLink") },
          { to: `/${params.gemeente}/uitdaagrecht`, label: t("initiatives.showcase.challengeLink") },
          { to: `/${params.gemeente}/initiatieven/link-kwijt`, label: t("initiatives.lostLink.ask") },
        ]}
      />
      <Heading level={2}>{t("initiatives.showcase.listTitle")}</Heading>
      {items.length === 0 ? (
        <Paragraph>{t("initiatives.showcase.none")}</Paragraph>
      ) : (
        <ul className="samenspel-cards">
          {items.map((item) => (
            <li key={item.reference} className="samenspel-card">
              <Heading level={3}>{item.title}</Heading>
              <Paragraph>
                {t(`initiatives.status.${item.status}`)}
                {item.area ? ` · ${item.area.name}` : ""} · {formatCalendarDate(locale, item.submittedOn)}
              </Paragraph>
              <Paragraph>{item.description}</Paragraph>
              <Paragraph>
                {t("initiatives.support.asked", {
                  support: item.support.map((kind) => t(`initiatives.support.${kind}`)).join(", "),
                })}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </PageShell>
  );
}
