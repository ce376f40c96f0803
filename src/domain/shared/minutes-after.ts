/** The instant `minutes` after `now`: how long a link or an attempt stays valid. */
export const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);
