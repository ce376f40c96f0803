/**
 * Setup for the `next-year` test project: the process's clock runs a year (366 days) ahead of the wall clock, so a
 * test, a fixture or a piece of code that depends on today's date fails here instead of on some day in the future.
 * Only `Date` moves; timers keep their real pace. On PGlite the database's `now()` moves with it (it reads the same
 * clock); on the PostgreSQL server it does not, which catches code that mixes the server's clock with ours.
 */
const AHEAD_MS = 366 * 86_400_000;
const RealDate = Date;

class NextYearDate extends RealDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(RealDate.now() + AHEAD_MS);
    else super(...(args as ConstructorParameters<DateConstructor>));
  }

  static override now(): number {
    return RealDate.now() + AHEAD_MS;
  }

  // Dates made before this file ran, or by Node itself, are still dates.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof RealDate;
  }
}

globalThis.Date = NextYearDate as DateConstructor;
