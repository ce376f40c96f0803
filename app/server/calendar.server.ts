import { type CalendarEvent, toICalendar } from "../../src/platform/icalendar.ts";

/** An iCalendar feed answer; calendar apps poll it, so it may be cached briefly. */
export function calendarResponse(name: string, entries: readonly CalendarEvent[], options: { private?: boolean } = {}) {
  return new Response(toICalendar({ name, events: entries }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="agenda.ics"',
      "Cache-Control": options.private ? "private, no-store" : "public, max-age=300",
      ...(options.private ? { "X-Robots-Tag": "noindex" } : {}),
    },
  });
}
