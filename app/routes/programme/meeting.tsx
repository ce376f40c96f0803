import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { DataList } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { getMeeting } from "../../../src/domain/programme/index.ts";
import { meetingPlace } from "../../../src/domain/programme/meeting-place.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { MeetingProgramme } from "../../components/meeting-programme.tsx";
import { MeetingSignUp } from "../../components/meeting-sign-up.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { meetingWhenText } from "../../components/programme-format.ts";
import { DutchContentNote, Fact, Paragraphs } from "../../components/programme-lists.tsx";
import { useContentLang, useLocale, useT } from "../../i18n/use-translation.ts";
import { notFound } from "../../server/http.server.ts";
import { trackStates } from "../../server/participation.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/meeting";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const meeting = await readProgramme(context, (tx, tenantId) => getMeeting(tx, { tenantId, slug: params.slug }));
  if (!meeting) notFound();
  return { meeting, past: meeting.endsAt < new Date(), signUp: await trackStates(request, context, meeting) };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ meeting }, t) => [
  { label: t("nav.programme"), to: "/programma" },
  ...(meeting.kind === "design-session"
    ? [{ label: t("designSessions.title"), to: "/programma/ontwerpsessies" }]
    : meeting.trajectory
      ? [{ label: meeting.trajectory.title, to: `/programma/trajecten/${meeting.trajectory.slug}` }]
      : []),
  { label: meeting.title, to: `/programma/bijeenkomsten/${meeting.slug}` },
]);

export default function MeetingPage({ loaderData: { meeting, past, signUp } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const lang = useContentLang();
  const place = meetingPlace(meeting);
  return (
    <PageShell title={meeting.title}>
      <Heading level={1} lang={lang}>
        {meeting.title}
      </Heading>
      {meeting.cancelledAt ? (
        <Paragraph className="samenspel-note">{t("meeting.cancelled")}</Paragraph>
      ) : (
        past && <Paragraph className="samenspel-note">{t("meeting.past")}</Paragraph>
      )}
      <DutchContentNote />
      <DataList className="samenspel-facts">
        <Fact label={t("meeting.kind")}>{t(`meetingKind.${meeting.kind}`)}</Fact>
        <Fact label={t("meeting.when")}>{meetingWhenText(t, locale, meeting)}</Fact>
        {meeting.region && (
          <Fact label={t("meeting.region")} lang={lang}>
            {meeting.region}
          </Fact>
        )}
        <Fact label={t("meeting.where")} lang={place ? lang : undefined}>
          {place ?? t("meeting.placeUnknown")}
        </Fact>
        {meeting.trajectory && (
          <Fact label={t("meeting.trajectory")}>
            <Link className="nl-link" to={`/programma/trajecten/${meeting.trajectory.slug}`} lang={lang}>
              {meeting.trajectory.title}
            </Link>
          </Fact>
        )}
      </DataList>

      <Paragraphs text={meeting.description} />

      <MeetingProgramme meeting={meeting} />
      <MeetingSignUp meetingSlug={meeting.slug} slots={meeting.slots} {...signUp} />
    </PageShell>
  );
}
