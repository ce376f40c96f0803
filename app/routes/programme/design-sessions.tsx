import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { listDesignSessions } from "../../../src/domain/programme/index.ts";
import { meetingPlace } from "../../../src/domain/programme/meeting-place.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { DutchContentNote } from "../../components/programme-lists.tsx";
import { formatDate, formatTimeRange } from "../../i18n/format.ts";
import { useContentLang, useLocale, useT } from "../../i18n/use-translation.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/design-sessions";

export async function loader({ context }: Route.LoaderArgs) {
  return { sessions: (await readProgramme(context, listDesignSessions)) ?? [] };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>((_data, t) => [
  { label: t("nav.programme"), to: "/programma" },
  { label: t("designSessions.title"), to: "/programma/ontwerpsessies" },
]);

export default function DesignSessions({ loaderData: { sessions } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const lang = useContentLang();
  return (
    <PageShell title={t("designSessions.title")}>
      <Heading level={1}>{t("designSessions.title")}</Heading>
      <Paragraph purpose="lead">{t("designSessions.intro")}</Paragraph>
      <DutchContentNote />
      <DataTable
        caption={t("designSessions.caption")}
        columns={[
          t("designSessions.region"),
          t("designSessions.city"),
          t("designSessions.date"),
          t("designSessions.time"),
          t("designSessions.location"),
        ]}
      >
        {sessions.map((session) => (
          <TableRow key={session.id}>
            <TableHeaderCell scope="row" lang={lang}>
              <Link className="nl-link" to={`/programma/bijeenkomsten/${session.slug}`}>
                {session.region}
              </Link>
            </TableHeaderCell>
            <TableCell lang={lang}>{session.city}</TableCell>
            <TableCell>{formatDate(locale, session.startsAt)}</TableCell>
            <TableCell>{formatTimeRange(locale, session.startsAt, session.endsAt)}</TableCell>
            <TableCell lang={lang}>{meetingPlace(session)}</TableCell>
          </TableRow>
        ))}
      </DataTable>
    </PageShell>
  );
}
