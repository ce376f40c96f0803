import {
  Heading1,
  Heading2,
  Paragraph,
  SecondaryActionButton,
  TableCell,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { Form, Link, redirect, useSearchParams } from "react-router";
import { findCalendarFeed, issueCalendarFeed, listPersonRegistrations } from "../../../src/domain/programme/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatTimeRange } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { inProgramme } from "../../server/participation.server.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/my-registrations";

const PATH = "/programma/mijn-aanmeldingen";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(request, context);
  const { registrations, token } = await inProgramme(context, actor.personId, async (tx, tenantId) => ({
    registrations: await listPersonRegistrations(tx, { tenantId, personId: actor.personId }),
    token: await findCalendarFeed(tx, { tenantId, personId: actor.personId }),
  }));
  const feedUrl = token && `${services(context).config.publicUrl}/programma/mijn-agenda/${token}`;
  return { registrations, feedUrl };
}

/** Makes (or replaces) the secret feed address; the old one stops working. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(request, context);
  await inProgramme(context, actor.personId, (tx, tenantId) =>
    issueCalendarFeed(tx, { tenantId, personId: actor.personId, renew: true, now: new Date() }),
  );
  return redirect(`${PATH}?melding=nieuw-adres`);
}

const notices = {
  afgemeld: ["ok", "participation.notice.withdrawn"],
  "afmelden-mislukt": ["error", "participation.notice.withdrawFailed"],
  "nieuw-adres": ["ok", "participation.feed.renewed"],
} as const satisfies Record<string, readonly ["ok" | "error", MessageKey]>;

export default function MyRegistrations({ loaderData: { registrations, feedUrl } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const notice = notices[search.get("melding") as keyof typeof notices];
  return (
    <PageShell title={t("participation.mine.title")}>
      <Heading1>{t("participation.mine.title")}</Heading1>
      {notice && <Notice type={notice[0]} message={t(notice[1])} />}
      <Paragraph>{t("participation.mine.intro")}</Paragraph>
      {registrations.length === 0 ? (
        <Paragraph>{t("participation.mine.empty")}</Paragraph>
      ) : (
        <DataTable
          caption={t("participation.mine.caption")}
          columns={[
            t("participation.mine.when"),
            t("participation.mine.what"),
            t("participation.mine.status"),
            t("participation.mine.action"),
          ]}
        >
          {registrations.map((registration) => (
            <TableRow key={registration.id}>
              <TableHeaderCell scope="row">
                {formatDate(locale, registration.startsAt)},{" "}
                {formatTimeRange(locale, registration.startsAt, registration.endsAt)}
              </TableHeaderCell>
              <TableCell>
                <Link className="nl-link" to={`/programma/bijeenkomsten/${registration.meeting.slug}`}>
                  {registration.meeting.title}
                </Link>
                : {registration.track}
              </TableCell>
              <TableCell>
                {registration.status === "registered"
                  ? t("participation.status.registered")
                  : t("participation.status.waitListed", { position: registration.waitListPosition ?? 1 })}
              </TableCell>
              <TableCell>
                <Form method="post" action={`/programma/bijeenkomsten/${registration.meeting.slug}/afmelden`}>
                  <input type="hidden" name="registrationId" value={registration.id} />
                  <input type="hidden" name="terug" value={PATH} />
                  <SecondaryActionButton type="submit">
                    {t("participation.withdraw.submit", { track: registration.track })}
                  </SecondaryActionButton>
                </Form>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="agenda">
        <Heading2 id="agenda">{t("participation.feed.title")}</Heading2>
        <Paragraph>{t("participation.feed.intro")}</Paragraph>
        <Paragraph>
          <a className="nl-link" href="/programma/agenda.ics">
            {t("participation.feed.programme")}
          </a>
        </Paragraph>
        {feedUrl && (
          <Paragraph>
            {t("participation.feed.label")}: <code data-testid="feed-url">{feedUrl}</code>
          </Paragraph>
        )}
        <Form method="post">
          {feedUrl && <Paragraph>{t("participation.feed.renewDescription")}</Paragraph>}
          <SecondaryActionButton type="submit">
            {feedUrl ? t("participation.feed.renew") : t("participation.feed.create")}
          </SecondaryActionButton>
        </Form>
      </section>
    </PageShell>
  );
}
