import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { DataList } from "@utrecht/component-library-react";
import { getWorkshop } from "../../../src/domain/programme/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { DutchContentNote, Fact, Paragraphs, TextList } from "../../components/programme-lists.tsx";
import { useContentLang, useT } from "../../i18n/use-translation.ts";
import { notFound } from "../../server/http.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/workshop";

export async function loader({ params, context }: Route.LoaderArgs) {
  const workshop = await readProgramme(context, (tx, tenantId) => getWorkshop(tx, { tenantId, slug: params.slug }));
  if (!workshop) notFound();
  return { workshop };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ workshop }, t) => [
  { label: t("nav.programme"), to: "/programma" },
  { label: workshop.title, to: `/programma/workshops/${workshop.slug}` },
]);

export default function WorkshopPage({ loaderData: { workshop } }: Route.ComponentProps) {
  const t = useT();
  const lang = useContentLang();
  return (
    <PageShell title={workshop.title}>
      <Heading level={1} lang={lang}>
        {workshop.title}
      </Heading>
      <Paragraph purpose="lead" lang={lang}>
        {workshop.summary}
      </Paragraph>
      <DutchContentNote />
      <Paragraph>
        <a className="nl-link" href={`/programma/workshops/${workshop.slug}/aanvragen`}>
          {t("workshops.request.link")}
        </a>
      </Paragraph>
      <section aria-labelledby="in-het-kort">
        <Heading level={2} id="in-het-kort">
          {t("workshop.facts")}
        </Heading>
        <DataList className="samenspel-facts">
          <Fact label={t("workshop.format")}>{t(`format.${workshop.format}`)}</Fact>
          <Fact label={t("workshop.targetGroups")}>
            {workshop.targetGroups.map((group) => t(`targetGroup.${group}`)).join(", ")}
          </Fact>
          {workshop.themes.length > 0 && (
            <Fact label={t("workshop.themes")} lang={lang}>
              {workshop.themes.join(", ")}
            </Fact>
          )}
          <Fact label={t("workshop.maxParticipants")}>{workshop.maxParticipants}</Fact>
          <Fact label={t("workshop.duration")}>
            {workshop.dayparts === 1 ? t("workshop.daypartsOne") : t("workshop.dayparts", { count: workshop.dayparts })}
          </Fact>
          <Fact label={t("workshop.investment")}>{t(`investment.${workshop.investment}`)}</Fact>
        </DataList>
      </section>
      <section aria-labelledby="over">
        <Heading level={2} id="over">
          {t("workshop.about")}
        </Heading>
        <Paragraphs text={workshop.description} />
      </section>
      <TextList id="vragen" title={t("workshop.questions")} items={workshop.questions} />
    </PageShell>
  );
}
