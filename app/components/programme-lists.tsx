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
import { Link } from "react-router";
import type { MeetingSummary, TrajectorySummary } from "../../src/domain/programme/index.ts";
import { meetingPlace } from "../../src/domain/programme/meeting-place.ts";
import { useContentLang, useLocale, useT } from "../i18n/use-translation.ts";
import { useCostShareRule } from "./cost-share-rule.tsx";
import { meetingWhenText, periodText, placesText } from "./programme-format.ts";

type HeadingLevel = 2 | 3;

/** The offer's trajectories, each with its theme, period and number of places. */
export function TrajectoryList({ trajectories, level }: { trajectories: TrajectorySummary[]; level: HeadingLevel }) {
  const lang = useContentLang();
  return (
    <ul className="samenspel-cards">
      {trajectories.map((trajectory) => (
        <li key={trajectory.id} className="samenspel-card">
          <Heading level={level} lang={lang}>
            <Link className="nl-link" to={`/programma/trajecten/${trajectory.slug}`}>
              {trajectory.title}
            </Link>
          </Heading>
          <Paragraph lang={lang}>{trajectory.summary}</Paragraph>
          <DataList className="samenspel-facts">
            <TrajectoryFacts trajectory={trajectory} />
          </DataList>
        </li>
      ))}
    </ul>
  );
}

/**
 * Theme, period, number of places and, where it applies, how the programme shares the costs of local support: the
 * facts every listing of a trajectory starts with.
 */
export function TrajectoryFacts({ trajectory }: { trajectory: TrajectorySummary }) {
  const t = useT();
  const locale = useLocale();
  const lang = useContentLang();
  const costShareRule = useCostShareRule();
  return (
    <>
      <Fact label={t("trajectory.theme")} lang={lang}>
        {trajectory.theme}
      </Fact>
      <Fact label={t("trajectory.period")}>{periodText(t, locale, trajectory)}</Fact>
      <Fact label={t("trajectory.places")}>{placesText(t, trajectory)}</Fact>
      {trajectory.sharesLocalSupport && <Fact label={t("trajectory.localSupport")}>{costShareRule}</Fact>}
    </>
  );
}

/** One label and value of a data list. */
export function Fact({
  label,
  lang,
  children,
}: {
  label: string;
  lang?: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue lang={lang}>{children}</DataListValue>
    </DataListItem>
  );
}

/** Meetings in date order: when, what (linked) and where. */
export function MeetingList({ meetings }: { meetings: MeetingSummary[] }) {
  const t = useT();
  const locale = useLocale();
  const lang = useContentLang();
  return (
    <ul className="samenspel-meetings">
      {meetings.map((meeting) => {
        const place = meetingPlace(meeting);
        return (
          <li key={meeting.id}>
            <Link className="nl-link" to={`/programma/bijeenkomsten/${meeting.slug}`} lang={lang}>
              {meeting.title}
            </Link>
            <Paragraph>
              {meetingWhenText(t, locale, meeting)}
              {place && (
                <>
                  <br />
                  <span lang={lang}>{place}</span>
                </>
              )}
            </Paragraph>
          </li>
        );
      })}
    </ul>
  );
}

/** The programme's own texts: paragraphs separated by a blank line. */
export function Paragraphs({ text }: { text: string }) {
  const lang = useContentLang();
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => (
      <Paragraph key={paragraph.slice(0, 40)} lang={lang}>
        {paragraph}
      </Paragraph>
    ));
}

/** On an English page, a note that the programme's texts below are Dutch. */
export function DutchContentNote() {
  const t = useT();
  return useLocale() === "nl" ? null : <Paragraph className="samenspel-note">{t("content.dutchOnly")}</Paragraph>;
}

/** A headed list of the programme's own (Dutch) lines; nothing when it is empty. */
export function TextList({ id, title, items }: { id: string; title: string; items: readonly string[] }) {
  const lang = useContentLang();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      <UnorderedList lang={lang}>
        {items.map((item) => (
          <UnorderedListItem key={item}>{item}</UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
