import type { FieldMetadata } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { MeetingDocument, MeetingReportKind } from "../../src/domain/councils/index.ts";
import { formatDate, formatTimeRange } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";
import { ErrorSummary, TextField } from "./form-fields.tsx";

/** A meeting as pages receive it from a loader: instants as ISO strings. */
export type MeetingView = {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string | null;
  reportKind: MeetingReportKind | null;
  /** Why it was called off; null while it goes ahead. */
  cancellationReason: string | null;
};

/** An agenda item as a page shows it; `closed` items on public pages carry nothing but their place. */
export type AgendaItemView =
  | {
      position: number;
      visibility: "public" | "closed";
      title: string;
      explanation: string;
      report: string | null;
      withdrawn: boolean;
      documents: MeetingDocument[];
    }
  | { position: number; visibility: "closed"; title?: undefined };

/**
 * The council's own page above its meeting pages: the workspace (`/{gemeente}/raad/{raad}`) or the staff page
 * (`/{gemeente}/beheer/raden/{raad}`), whichever the meetings are mounted under.
 */
export const councilHome = (meetingsBase: string) => meetingsBase.replace(/\/vergaderingen$/, "");

export function useMeetingWhen() {
  const t = useT();
  const locale = useLocale();
  return (meeting: Pick<MeetingView, "startsAt" | "endsAt">) =>
    t("councilMeetings.when", {
      date: formatDate(locale, new Date(meeting.startsAt)),
      time: formatTimeRange(locale, new Date(meeting.startsAt), new Date(meeting.endsAt)),
    });
}

/** When, where and how to watch online. */
export function MeetingFacts({ meeting, extra = [] }: { meeting: MeetingView; extra?: [string, string][] }) {
  const t = useT();
  const when = useMeetingWhen();
  return (
    <DataList className="samenspel-facts">
      {meeting.cancellationReason !== null && (
        <DataListItem>
          <DataListKey>{t("councilMeetings.fact.cancelled")}</DataListKey>
          <DataListValue>{meeting.cancellationReason}</DataListValue>
        </DataListItem>
      )}
      <DataListItem>
        <DataListKey>{t("councilMeetings.fact.when")}</DataListKey>
        <DataListValue>{when(meeting)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t("councilMeetings.fact.place")}</DataListKey>
        <DataListValue>{meeting.place}</DataListValue>
      </DataListItem>
      {meeting.onlineUrl && (
        <DataListItem>
          <DataListKey>{t("councilMeetings.fact.online")}</DataListKey>
          <DataListValue>
            <a className="nl-link" href={meeting.onlineUrl} rel="noopener noreferrer">
              {meeting.onlineUrl}
            </a>
          </DataListValue>
        </DataListItem>
      )}
      {extra.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

/** Links to a meeting's PDFs, served after the check of who may see them; `action` adds a control to each. */
export function DocumentLinks<Document extends MeetingDocument>({
  documents,
  href,
  action,
}: {
  documents: Document[];
  href: (id: string) => string;
  action?: (document: Document) => ReactNode;
}) {
  const t = useT();
  if (documents.length === 0) return null;
  return (
    <UnorderedList>
      {documents.map((document) => (
        <UnorderedListItem key={document.id}>
          <a className="nl-link" href={href(document.id)}>
            {t("councilMeetings.document.link", {
              title: document.title,
              size: Math.max(1, Math.round(document.byteSize / 1024)),
            })}
          </a>
          {action?.(document)}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/**
 * One agenda item: its subject, explanation, documents and report, or only that it is closed. A withdrawn item keeps
 * its number and says so. `actions` and `documentAction` add the secretary's controls.
 */
export function AgendaItemBody({
  item,
  documentHref,
  reportKind,
  actions,
  documentAction,
}: {
  item: AgendaItemView;
  documentHref: (id: string) => string;
  reportKind: MeetingReportKind | null;
  actions?: ReactNode;
  documentAction?: (document: MeetingDocument) => ReactNode;
}) {
  const t = useT();
  const id = `punt-${item.position}`;
  if (item.title === undefined)
    return (
      <article aria-labelledby={id} className="samenspel-panel">
        <Heading level={3} id={id}>
          {t("councilMeetings.item.closedPublic", { position: item.position })}
        </Heading>
        <Paragraph>{t("councilMeetings.item.closedBody")}</Paragraph>
      </article>
    );
  return (
    <article aria-labelledby={id} className="samenspel-panel">
      <Heading level={3} id={id}>
        {t("councilMeetings.item.heading", { position: item.position, title: item.title })}
        {item.visibility === "closed" && ` (${t("councilMeetings.item.closed")})`}
        {item.withdrawn && ` (${t("councilMeetings.item.withdrawn")})`}
      </Heading>
      {item.withdrawn && <Paragraph>{t("councilMeetings.item.withdrawnBody")}</Paragraph>}
      {item.explanation && <Paragraph className="samenspel-pre-line">{item.explanation}</Paragraph>}
      {item.documents.length > 0 && (
        <>
          <Heading level={4}>{t("councilMeetings.item.documents")}</Heading>
          <DocumentLinks documents={item.documents} href={documentHref} action={documentAction} />
        </>
      )}
      {item.report && (
        <>
          <Heading level={4}>
            {reportKind ? t(`councilMeetings.reportKind.${reportKind}`) : t("councilMeetings.item.report")}
          </Heading>
          <Paragraph className="samenspel-pre-line">{item.report}</Paragraph>
        </>
      )}
      {actions}
    </article>
  );
}

/** Upcoming and earlier published meetings, each linking to its page. */
export function MeetingLists({
  meetings,
  now,
  href,
}: {
  meetings: MeetingView[];
  now: string;
  href: (id: string) => string;
}) {
  const t = useT();
  const when = useMeetingWhen();
  const upcoming = meetings.filter((meeting) => meeting.endsAt >= now);
  const past = meetings.filter((meeting) => meeting.endsAt < now).reverse();
  const list = (items: MeetingView[], none: string) =>
    items.length === 0 ? (
      <Paragraph>{none}</Paragraph>
    ) : (
      <UnorderedList>
        {items.map((meeting) => (
          <UnorderedListItem key={meeting.id}>
            <Link className="nl-link" to={href(meeting.id)}>
              {meeting.title}
            </Link>
            : {when(meeting)}
            {meeting.cancellationReason !== null && ` (${t("councilMeetings.status.cancelled").toLowerCase()})`}
            {meeting.reportKind &&
              ` (${t("councilMeetings.public.hasReport", {
                kind: t(`councilMeetings.reportKind.${meeting.reportKind}`).toLowerCase(),
              })})`}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    );
  return (
    <>
      <Heading level={3}>{t("councilMeetings.public.upcoming")}</Heading>
      {list(upcoming, t("councilMeetings.public.noUpcoming"))}
      <Heading level={3}>{t("councilMeetings.public.past")}</Heading>
      {list(past, t("councilMeetings.public.noPast"))}
    </>
  );
}

/** The meetings section of a council's public page, with the calendar feed. */
export function CouncilMeetingsSection({
  gemeente,
  councilSlug,
  meetings,
  now,
}: {
  gemeente: string;
  councilSlug: string;
  meetings: MeetingView[];
  now: string;
}) {
  const t = useT();
  const base = `/${gemeente}/raden/${councilSlug}`;
  return (
    <section aria-labelledby="vergaderingen">
      <Heading level={2} id="vergaderingen">
        {t("councilMeetings.public.section")}
      </Heading>
      <MeetingLists meetings={meetings} now={now} href={(id) => `${base}/vergaderingen/${id}`} />
      <Paragraph>
        <a className="nl-link" href={`${base}/agenda.ics`}>
          {t("councilMeetings.public.calendar")}
        </a>
      </Paragraph>
    </section>
  );
}

type MeetingFactFields = Record<
  "title" | "date" | "startTime" | "endTime" | "place" | "onlineUrl",
  FieldMetadata<string | undefined>
>;

/** A meeting's facts as form fields, with their error summary: the new-meeting form and the change form. */
export function MeetingFactsFields({
  fields,
  formErrors,
}: {
  fields: MeetingFactFields;
  formErrors: string[] | undefined;
}) {
  const t = useT();
  const field = (name: keyof MeetingFactFields) => ({ meta: fields[name], label: t(`councilMeetings.field.${name}`) });
  return (
    <>
      <ErrorSummary
        formErrors={formErrors}
        fields={(["title", "date", "startTime", "endTime", "place", "onlineUrl"] as const).map(field)}
      />
      <TextField {...field("title")} description={t("councilMeetings.field.title.hint")} />
      <TextField {...field("date")} type="date" />
      <TextField {...field("startTime")} type="time" />
      <TextField {...field("endTime")} type="time" />
      <TextField {...field("place")} description={t("councilMeetings.field.place.hint")} />
      <TextField {...field("onlineUrl")} type="url" />
    </>
  );
}
