import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { listProcesses, positionOf } from "../../../src/domain/processes/index.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { publicMunicipality } from "../../server/following.server.ts";
import type { Route } from "./+types/calendar";

/** The participation calendar: every published process with where it is now and at which level of the ladder. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const tenant = await publicMunicipality(context, params.gemeente);
  const processes = await withTenant(services(context).db, { tenantId: tenant.id }, (tx) =>
    listProcesses(tx, { tenantId: tenant.id, publishedOnly: true }),
  );
  return {
    name: tenant.name,
    processes: processes.map((process) => {
      const { state, current } = positionOf(process);
      const first = process.phases[0];
      const last = process.phases.at(-1);
      return {
        slug: process.slug,
        title: process.title,
        state,
        current: current && { title: current.title, level: current.level, endsOn: current.endsOn },
        startsOn: first?.startsOn ?? null,
        endsOn: last?.endsOn ?? null,
      };
    }),
  };
}

export default function ParticipationCalendar({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { name, processes } = loaderData;
  const title = t("processes.calendar.title", { tenant: name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("processes.calendar.intro")}</Paragraph>
      {processes.length === 0 ? (
        <Paragraph>{t("processes.calendar.none")}</Paragraph>
      ) : (
        <ul className="samenspel-cards">
          {processes.map((process) => (
            <li key={process.slug} className="samenspel-card">
              <Heading level={2}>
                <Link className="nl-link" to={`/${params.gemeente}/processen/${process.slug}`}>
                  {process.title}
                </Link>
              </Heading>
              <Paragraph>
                {process.current
                  ? t("processes.calendar.current", {
                      phase: process.current.title,
                      level: t(`processes.level.${process.current.level}`),
                      until: formatCalendarDate(locale, process.current.endsOn),
                    })
                  : t(`processes.state.${process.state}`)}
              </Paragraph>
              {process.startsOn && process.endsOn && (
                <Paragraph>
                  {t("processes.calendar.period", {
                    from: formatCalendarDate(locale, process.startsOn),
                    to: formatCalendarDate(locale, process.endsOn),
                  })}
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <a className="nl-link" href={`/${params.gemeente}/processen/agenda.ics`}>
          {t("processes.calendar.feed")}
        </a>
      </Paragraph>
    </PageShell>
  );
}
