import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { listRounds } from "../../../src/domain/budgeting/index.ts";
import { PageShell } from "../../components/page-shell.tsx";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import type { Route } from "./+types/home";

/** Each instrument's card, with the pages where residents use it on the municipality's site. */
const tools: { id: string; title: MessageKey; body: MessageKey; links: { page: string; label: MessageKey }[] }[] = [
  {
    id: "initiatieven",
    title: "municipality.tools.initiatives",
    body: "municipality.tools.initiatives.body",
    links: [
      { page: "initiatieven", label: "municipality.tools.initiatives.desk" },
      { page: "fondsen", label: "municipality.tools.initiatives.funds" },
      { page: "uitdaagrecht", label: "municipality.tools.initiatives.challenge" },
    ],
  },
  {
    id: "burgerbegroting",
    title: "municipality.tools.budgeting",
    body: "municipality.tools.budgeting.body",
    links: [],
  },
  {
    id: "raden",
    title: "municipality.tools.councils",
    body: "municipality.tools.councils.body",
    links: [
      { page: "raden", label: "municipality.tools.councils.list" },
      { page: "advies", label: "municipality.tools.councils.advice" },
      { page: "gebiedsbudgetten", label: "municipality.tools.councils.budgets" },
    ],
  },
  {
    id: "spelregels",
    title: "municipality.tools.rules",
    body: "municipality.tools.rules.body",
    links: [{ page: "processen", label: "municipality.tools.rules.calendar" }],
  },
];

/** The municipality's burgerbegroting rounds that residents can open: every one past its preparation. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const rounds = await inTenant(context, tenant.id, (tx) => listRounds(tx, { tenantId: tenant.id }));
  return {
    rounds: rounds
      .filter((round) => round.phase !== "preparation")
      .map((round) => ({ slug: round.slug, title: round.title })),
  };
}

export default function MunicipalityHome({ matches, loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { branding, tenant } = matches[1].loaderData;
  const intro = locale === "nl" ? tenant.introNl : tenant.introEn || tenant.introNl;
  return (
    <PageShell title={branding.name}>
      <div className="samenspel-municipality-heading">
        {branding.logoPath && (
          <img
            className="samenspel-municipality-heading__logo"
            src={branding.logoPath}
            alt={t("municipality.logoAlt", { name: branding.name })}
          />
        )}
        <Heading level={1}>{branding.name}</Heading>
      </div>
      {tenant.province && <Paragraph>{t("municipality.province", { province: tenant.province })}</Paragraph>}
      {intro && <Paragraph purpose="lead">{intro}</Paragraph>}
      <section aria-labelledby="instrumenten">
        <Heading level={2} id="instrumenten">
          {t("municipality.tools.title")}
        </Heading>
        <ul className="samenspel-cards">
          {tools.map((tool) => {
            const links = [
              ...tool.links.map((link) => ({ to: `/${branding.slug}/${link.page}`, label: t(link.label) })),
              ...(tool.id === "burgerbegroting"
                ? loaderData.rounds.map((round) => ({
                    to: `/${branding.slug}/burgerbegroting/${round.slug}`,
                    label: round.title,
                  }))
                : []),
            ];
            return (
              <li key={tool.id} className="samenspel-card">
                <Heading level={3}>{t(tool.title)}</Heading>
                <Paragraph>{t(tool.body)}</Paragraph>
                {links.length > 0 ? (
                  <ul className="samenspel-card__links">
                    {links.map((link) => (
                      <li key={link.to}>
                        <Link className="nl-link" to={link.to}>
                          {link.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Paragraph>{t("municipality.tools.none")}</Paragraph>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </PageShell>
  );
}
