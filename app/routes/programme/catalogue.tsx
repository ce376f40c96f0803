import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button } from "@utrecht/component-library-react";
import { Form, Link } from "react-router";
import {
  listMeetings,
  listTrajectories,
  listTrajectoryThemes,
  listWorkshops,
} from "../../../src/domain/programme/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { DutchContentNote, MeetingList, TrajectoryList } from "../../components/programme-lists.tsx";
import { ThemeSelect } from "../../components/theme-select.tsx";
import { useContentLang, useT } from "../../i18n/use-translation.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/catalogue";

export async function loader({ request, context }: Route.LoaderArgs) {
  const requested = new URL(request.url).searchParams.get("thema")?.trim() || undefined;
  const content = await readProgramme(context, async (tx, tenantId) => {
    const themes = await listTrajectoryThemes(tx, tenantId);
    // An unknown theme (an old link, a typo) shows the whole offer rather than an empty page.
    const theme = requested && themes.includes(requested) ? requested : undefined;
    return {
      theme,
      themes,
      trajectories: await listTrajectories(tx, { tenantId, theme }),
      meetings: await listMeetings(tx, { tenantId }),
      workshops: await listWorkshops(tx, tenantId),
    };
  });
  return content ?? { theme: undefined, themes: [], trajectories: [], meetings: [], workshops: [] };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>((_data, t) => [
  { label: t("nav.programme"), to: "/programma" },
]);

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useContentLang();
  const { theme, themes, trajectories, meetings, workshops } = loaderData;
  return (
    <PageShell title={theme ? t("programme.filter.titleWithTheme", { theme }) : t("programme.title")}>
      <Heading level={1}>{t("programme.title")}</Heading>
      <Paragraph purpose="lead">{t("programme.intro")}</Paragraph>
      <DutchContentNote />

      <section aria-labelledby="trajecten">
        <Heading level={2} id="trajecten">
          {t("programme.trajectories.title")}
        </Heading>
        <Form method="get" className="samenspel-filter">
          <ThemeSelect
            label={t("programme.filter.label")}
            allLabel={t("programme.filter.all")}
            themes={themes}
            selected={theme}
          />
          <Button type="submit" appearance="secondary-action-button">
            {t("programme.filter.submit")}
          </Button>
        </Form>
        <Paragraph role="status">
          {trajectories.length === 1
            ? t("programme.filter.countOne")
            : t("programme.filter.count", { count: trajectories.length })}
        </Paragraph>
        {trajectories.length === 0 ? (
          <Paragraph>{t("programme.trajectories.empty")}</Paragraph>
        ) : (
          <TrajectoryList trajectories={trajectories} level={3} />
        )}
      </section>

      <section aria-labelledby="bijeenkomsten">
        <Heading level={2} id="bijeenkomsten">
          {t("programme.meetings.title")}
        </Heading>
        <Paragraph>
          <Link className="nl-link" to="/programma/ontwerpsessies">
            {t("programme.designSessions.link")}
          </Link>
        </Paragraph>
        <Paragraph>
          <a className="nl-link" href="/programma/agenda.ics">
            {t("participation.feed.programme")}
          </a>
        </Paragraph>
        <Paragraph>
          <Link className="nl-link" to="/nieuwsbrief">
            {t("participation.newsletter.link")}
          </Link>
        </Paragraph>
        {meetings.length === 0 ? (
          <Paragraph>{t("programme.meetings.empty")}</Paragraph>
        ) : (
          <MeetingList meetings={meetings.filter((m) => m.kind !== "design-session")} />
        )}
      </section>

      {workshops.length > 0 && (
        <section aria-labelledby="workshops">
          <Heading level={2} id="workshops">
            {t("programme.workshops.title")}
          </Heading>
          <ul className="samenspel-cards">
            {workshops.map((workshop) => (
              <li key={workshop.id} className="samenspel-card">
                <Heading level={3} lang={lang}>
                  <Link className="nl-link" to={`/programma/workshops/${workshop.slug}`}>
                    {workshop.title}
                  </Link>
                </Heading>
                <Paragraph lang={lang}>{workshop.summary}</Paragraph>
              </li>
            ))}
          </ul>
        </section>
      )}
    </PageShell>
  );
}
