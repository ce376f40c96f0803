import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, FormFieldTextbox } from "@utrecht/component-library-react";
import { Form, Link } from "react-router";
import { listLessonThemes, listPublishedLessons, searchLessons } from "../../../src/domain/programme/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { DutchContentNote, Paragraphs } from "../../components/programme-lists.tsx";
import { ThemeSelect } from "../../components/theme-select.tsx";
import { useContentLang, useT } from "../../i18n/use-translation.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/knowledge";

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const query = params.get("zoek")?.trim().slice(0, 200) ?? "";
  const requestedTheme = params.get("thema")?.trim() || undefined;
  const found = await readProgramme(context, async (tx) => {
    const themes = await listLessonThemes(tx);
    const theme = requestedTheme && themes.includes(requestedTheme) ? requestedTheme : undefined;
    const lessons = query
      ? await searchLessons(tx, { query, theme })
      : (await listPublishedLessons(tx, { theme })).map((lesson) => ({ ...lesson, snippet: undefined }));
    return { themes, theme, lessons };
  });
  return { query, ...(found ?? { themes: [], theme: undefined, lessons: [] }) };
}

export const handle = breadcrumbs((_data, t) => [{ label: t("knowledge.nav"), to: "/kennisbank" }]);

export default function Knowledge({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useContentLang();
  const { query, themes, theme, lessons } = loaderData;
  return (
    <PageShell title={t("knowledge.title")}>
      <Heading level={1}>{t("knowledge.title")}</Heading>
      <Paragraph purpose="lead">{t("knowledge.intro")}</Paragraph>
      <DutchContentNote />
      <Form method="get" role="search" className="samenspel-filter">
        <FormFieldTextbox
          id="zoek"
          name="zoek"
          type="search"
          label={t("knowledge.search.label")}
          description={t("knowledge.search.description")}
          defaultValue={query}
        />
        <ThemeSelect
          label={t("knowledge.theme.label")}
          allLabel={t("knowledge.theme.all")}
          themes={themes}
          selected={theme}
        />
        <Button type="submit" appearance="primary-action-button">
          {t("knowledge.search.submit")}
        </Button>
      </Form>
      <Paragraph role="status">
        {lessons.length === 0
          ? t("knowledge.none")
          : lessons.length === 1
            ? t("knowledge.countOne")
            : t("knowledge.count", { count: lessons.length })}
      </Paragraph>
      <ul className="samenspel-cards">
        {lessons.map((lesson) => (
          <li key={lesson.id} className="samenspel-card">
            <article lang={lang}>
              <Heading level={2}>{lesson.title}</Heading>
              <Paragraph>
                {lesson.kind === "municipal" && lesson.municipalityName
                  ? t("knowledge.kind.municipal", { municipality: lesson.municipalityName })
                  : t("knowledge.kind.common-thread")}
                {" · "}
                {lesson.theme}
                {" · "}
                <Link className="nl-link" to={`/programma/trajecten/${lesson.trajectory.slug}`}>
                  {t("knowledge.from", { trajectory: lesson.trajectory.title })}
                </Link>
              </Paragraph>
              {lesson.snippet ? (
                // The database escaped the text before ts_headline added <mark>: this is the only markup in it.
                // biome-ignore lint/security/noDangerouslySetInnerHtml: see the comment above
                <p className="nl-paragraph" dangerouslySetInnerHTML={{ __html: `…${lesson.snippet}…` }} />
              ) : (
                <Paragraphs text={lesson.body} />
              )}
            </article>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
