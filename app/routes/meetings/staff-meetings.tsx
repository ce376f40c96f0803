import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { listMeetings } from "../../../src/domain/programme/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { meetingWhenText } from "../../components/programme-format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-meetings";

/** Every meeting of the programme, past and to come, with its state; staff open one to manage it. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "meetings:manage");
  const meetings = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listMeetings(tx, { tenantId: tenant.id }),
  );
  return { meetings, now: new Date() };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>((_, t) => [
  { label: t("staff.nav.overview"), to: "/beheer" },
  { label: t("meetings.staff.title"), to: "/beheer/bijeenkomsten" },
]);

export default function StaffMeetings({ loaderData: { meetings, now } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const title = t("meetings.staff.title");
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <StaffNav base="/beheer" />
      <Paragraph>{t("meetings.staff.intro")}</Paragraph>
      <Paragraph>
        <Link className="nl-link" to="/beheer/bijeenkomsten/nieuw">
          {t("meetings.new.title")}
        </Link>
      </Paragraph>
      {meetings.length === 0 ? (
        <Paragraph>{t("programme.meetings.empty")}</Paragraph>
      ) : (
        <DataTable
          caption={t("meetings.staff.caption")}
          columns={[t("meetings.field.title"), t("meeting.kind"), t("meeting.when"), t("meetings.state")]}
        >
          {meetings.map((meeting) => (
            <TableRow key={meeting.id}>
              <TableCell>
                <Link className="nl-link" to={`/beheer/bijeenkomsten/${meeting.slug}`}>
                  {meeting.title}
                </Link>
              </TableCell>
              <TableCell>{t(`meetingKind.${meeting.kind}`)}</TableCell>
              <TableCell>{meetingWhenText(t, locale, meeting)}</TableCell>
              <TableCell>
                {t(
                  meeting.cancelledAt
                    ? "meetings.state.cancelled"
                    : meeting.endsAt < now
                      ? "meetings.state.past"
                      : "meetings.state.planned",
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PageShell>
  );
}
