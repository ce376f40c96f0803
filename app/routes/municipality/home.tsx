import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { PageShell } from "../../components/page-shell.tsx";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import type { Route } from "./+types/home";

/** `page`: where the instrument lives on the municipality's site, once it is built. */
const tools: { id: string; title: MessageKey; body: MessageKey; page?: string }[] = [
  { id: "initiatieven", title: "municipality.tools.initiatives", body: "municipality.tools.initiatives.body" },
  { id: "burgerbegroting", title: "municipality.tools.budgeting", body: "municipality.tools.budgeting.body" },
  { id: "raden", title: "municipality.tools.councils", body: "municipality.tools.councils.body", page: "raden" },
  { id: "spelregels", title: "municipality.tools.rules", body: "municipality.tools.rules.body" },
];

export default function MunicipalityHome({ matches }: Route.ComponentProps) {
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
        <Paragraph>{t("municipality.tools.intro", { name: branding.name })}</Paragraph>
        <ul className="samenspel-cards">
          {tools.map((tool) => (
            <li key={tool.id} className="samenspel-card">
              <Heading level={3}>
                {tool.page ? (
                  <Link className="nl-link" to={`/${branding.slug}/${tool.page}`}>
                    {t(tool.title)}
                  </Link>
                ) : (
                  t(tool.title)
                )}
              </Heading>
              <Paragraph>{t(tool.body)}</Paragraph>
            </li>
          ))}
        </ul>
      </section>
    </PageShell>
  );
}
