import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export type CalendarEvent = {
  /** Stable across feeds and mails, so a calendar app updates the event instead of adding it twice. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  /** RFC 5545 SEQUENCE: raised with every change, so a calendar replaces its copy of the event. */
  sequence?: number;
  /** A called-off event stays in the feed with STATUS:CANCELLED, so subscribed calendars drop it. */
  cancelled?: boolean;
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
      sequence: event.sequence ?? 0,
      ...(event.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  }
  return calendar.toString();
}

/**
 * An iCalendar as a mail attachment (an invitation, its update or its cancellation): the same events as the feeds,
 * so the calendar app that holds one copy replaces it. `cancel` sends METHOD:CANCEL.
 */
export function calendarAttachment(o: {
  name: string;
  events: readonly CalendarEvent[];
  method: "publish" | "cancel";
}): { filename: string; contentType: string; content: string } {
  return {
    filename: "uitnodiging.ics",
    contentType: `text/calendar; charset=utf-8; method=${o.method.toUpperCase()}`,
    content: toICalendar(o),
  };
}
