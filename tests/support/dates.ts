/**
 * Calendar dates near the day the suite runs. Forms refuse an intake, an invoice or a workshop years away from
 * today, so a test that typed a fixed date would start failing once the calendar passed it.
 */
export const daysFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** "2027-03-14 10:30": how a clock in the Netherlands shows an instant, whatever the summer-time offset. */
export const dutchClock = (at: Date): string =>
  new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(at);
