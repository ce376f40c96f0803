import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import type { MeetingDetails } from "../../src/domain/programme/index.ts";
import { formatTimeRange } from "../i18n/format.ts";
import { useContentLang, useLocale, useT } from "../i18n/use-translation.ts";
import { DataTable } from "./data-table.tsx";

/**
 * A meeting's programme in time order, parallel tracks counted, as the public page and the staff page show it.
 * Without parts it shows `empty`, or nothing when there is no such text.
 */
export function MeetingProgramme({
  meeting,
  empty,
}: {
  meeting: Pick<MeetingDetails, "title" | "slots">;
  empty?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const lang = useContentLang();
  if (meeting.slots.length === 0 && !empty) return null;
  const parallel = (slot: (typeof meeting.slots)[number]) =>
    meeting.slots.filter((other) => other.kind === "track" && other.startsAt.getTime() === slot.startsAt.getTime())
      .length;
  return (
    <section aria-labelledby="programma">
      <Heading level={2} id="programma">
        {t("meeting.programme")}
      </Heading>
      {meeting.slots.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <DataTable
          caption={t("meeting.programme.caption", { title: meeting.title })}
          columns={[
            t("meeting.programme.time"),
            t("meeting.programme.part"),
            t("meeting.programme.kind"),
            t("meeting.programme.seats"),
          ]}
        >
          {meeting.slots.map((slot) => (
            <TableRow key={slot.id}>
              <TableHeaderCell scope="row">{formatTimeRange(locale, slot.startsAt, slot.endsAt)}</TableHeaderCell>
              <TableCell lang={lang}>
                {slot.trajectory ? (
                  <Link className="nl-link" to={`/programma/trajecten/${slot.trajectory.slug}`}>
                    {slot.title}
                  </Link>
                ) : (
                  slot.title
                )}
              </TableCell>
              <TableCell>
                {slot.kind === "track"
                  ? t("meeting.programme.parallel", { count: parallel(slot) })
                  : t(`slotKind.${slot.kind}`)}
              </TableCell>
              <TableCell>{slot.capacity ?? t("meeting.programme.open")}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
