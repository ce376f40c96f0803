/** The programme runs on Dutch time: every wall-clock moment it announces is in this zone. */
export const PROGRAMME_TIME_ZONE = "Europe/Amsterdam";

const offsetFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: PROGRAMME_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Milliseconds the zone is ahead of UTC at this instant (+1 h in winter, +2 h in summer). */
function zoneOffset(instant: number): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant a Dutch calendar date and clock time name: `dutchTime("2019-02-14", "09:30")` is 08:30 UTC,
 * `dutchTime("2018-06-14", "09:00")` 07:00 UTC. The offset is looked up for the moment itself, so summer time is right.
 */
export function dutchTime(on: string, at = "00:00"): Date {
  const date = DATE.exec(on);
  const time = TIME.exec(at);
  if (!date || !time) throw new RangeError(`not a date and time: ${on} ${at}`);
  const wall = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]), Number(time[1]), Number(time[2]));
  const first = wall - zoneOffset(wall);
  // Near a switch the offset at the first guess can differ from the offset at the answer; the second look settles it.
  return new Date(wall - zoneOffset(first));
}

/**
 * The Dutch wall-clock time of an instant, as a Date whose UTC fields read that time: for formats without a zone
 * (a spreadsheet cell), so 08:15 UTC on 1 July is written as 10:15.
 */
export function dutchWallClock(instant: Date): Date {
  return new Date(instant.getTime() + zoneOffset(instant.getTime()));
}

/** The Dutch calendar date (`YYYY-MM-DD`) of an instant: 23:30 UTC on 1 January is 2 January in the Netherlands. */
export const dutchDateOf = (instant: Date): string => dutchWallClock(instant).toISOString().slice(0, 10);
