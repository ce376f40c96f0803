import ical, { ICalCalendarMethod } from "ical-generator";

export type CalendarEvent = {
  /** Stable across feeds and mails, so a calendar app updates the event instead of adding it twice. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description?: string;
  location?: string;
  url?: string;
};

/** An iCalendar (RFC 5545) document: a feed to subscribe to, or the attachment of a confirmation mail. */
export function toICalendar(o: {
  name: string;
  events: readonly CalendarEvent[];
  method?: "publish" | "cancel";
}): string {
  const calendar = ical({
    name: o.name,
    prodId: { company: "Samenspel", product: "samenspel", language: "NL" },
    method: o.method === "cancel" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  for (const event of o.events) {
    calendar.createEvent({
      id: event.uid,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.title,
      description: event.description ?? null,
      location: event.location ?? null,
      url: event.url ?? null,
    });
  }
  return calendar.toString();
}
