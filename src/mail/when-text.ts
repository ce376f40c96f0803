/** "donderdag 14 februari 2019, 10:00–12:30" in Dutch time, in the recipient's language. */
export function whenText(locale: "nl" | "en", startsAt: Date, endsAt: Date): string {
  const tag = locale === "nl" ? "nl-NL" : "en-GB";
  const day = new Intl.DateTimeFormat(tag, {
    timeZone: "Europe/Amsterdam",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const time = new Intl.DateTimeFormat(tag, { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" });
  return `${day.format(startsAt)}, ${time.format(startsAt)}–${time.format(endsAt)}`;
}
