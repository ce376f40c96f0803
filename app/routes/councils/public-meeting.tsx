import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { getCouncil, getPublicMeeting } from "../../../src/domain/councils/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { AgendaItemBody, DocumentLinks, MeetingFacts } from "../../components/council-meeting.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireMunicipality, todayOf } from "../../server/councils.server.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/public-meeting";

/**
 * A published meeting for everyone: when and where, the public agenda items with their documents and report, and
 * of a closed item only that it is on the agenda. A draft is a 404.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const tenant = await requireMunicipality(context, params.gemeente);
  const found = await withTenant(services(context).db, { tenantId: tenant.id }, async (tx) => {
    const council = await getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today: todayOf(new Date()) });
    if (!council) return undefined;
    const meeting = await getPublicMeeting(tx, {
      tenantId: tenant.id,
      councilId: council.id,
      meetingId: params.vergadering,
    });
    return meeting && { council, meeting };
  });
  if (!found) notFound();
  const { council, meeting } = found;
  return {
    gemeente: tenant.slug,
    council: { slug: council.slug, name: council.name },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      reportKind: meeting.reportKind,
      cancellationReason: meeting.cancellationReason,
      report: meeting.report,
      documents: meeting.documents,
      items: meeting.items,
    },
  };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ gemeente, council, meeting }, t) => [
  { label: t("councils.nav"), to: `/${gemeente}/raden` },
  { label: council.name, to: `/${gemeente}/raden/${council.slug}` },
  { label: meeting.title, to: `/${gemeente}/raden/${council.slug}/vergaderingen/${meeting.id}` },
]);

export default function PublicMeetingPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { gemeente, council, meeting } = loaderData;
  const documentHref = (id: string) =>
    `/${gemeente}/raden/${council.slug}/vergaderingen/${meeting.id}/documenten/${id}`;
  return (
    <PageShell title={meeting.title}>
      <Heading level={1}>{meeting.title}</Heading>
      <Paragraph purpose="lead">{t("councilMeetings.public.lead", { council: council.name })}</Paragraph>
      <MeetingFacts meeting={meeting} />
      {meeting.documents.length > 0 && (
        <>
          <Heading level={2}>{t("councilMeetings.meetingDocuments")}</Heading>
          <DocumentLinks documents={meeting.documents} href={documentHref} />
        </>
      )}
      {meeting.report && meeting.reportKind && (
        <>
          <Heading level={2}>{t(`councilMeetings.reportKind.${meeting.reportKind}`)}</Heading>
          <Paragraph className="samenspel-pre-line">{meeting.report}</Paragraph>
        </>
      )}
      <Heading level={2}>{t("councilMeetings.agenda")}</Heading>
      {meeting.items.map((item) => (
        <AgendaItemBody key={item.position} item={item} documentHref={documentHref} reportKind={meeting.reportKind} />
      ))}
      <Paragraph>
        <Link className="nl-link" to={`/${gemeente}/raden/${council.slug}`}>
          {t("councilMeetings.public.back", { council: council.name })}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
