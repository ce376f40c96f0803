/**
 * The programme under load: (1) track sign-ups, all at once for one track, through the same use case and
 * transactions the site uses; (2) the offer page next to a bare node:http server with the same bytes.
 * Prints figures; asserts nothing (it does report a wrong count of places, which would be a bug).
 *   npm run bench:programme [-- --people 500 --places 60 --seconds 10 --connections 10]
 * With DATABASE_URL the sign-ups run on that PostgreSQL server (a scratch database is made and dropped).
 */
import { parseArgs } from "node:util";
import { migrate, withPlatform, withTenant } from "../src/db/index.ts";
import { findOrCreatePerson } from "../src/domain/identity/index.ts";
import { addMeetingSlot, registerForSlot, scheduleMeeting } from "../src/domain/programme/index.ts";
import { createTenant } from "../src/domain/tenancy/index.ts";
import { startAppProcess, startBareServer } from "./support/app-process.ts";
import { scratchDatabase } from "./support/databases.ts";
import { pageAgainstBaseline, printTable, quantile } from "./support/measure.ts";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "500" },
    places: { type: "string", default: "60" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});
const people = Number(values.people);
const places = Number(values.places);

async function signUpBurst() {
  const database = await scratchDatabase();
  try {
    await migrate(database);
    const now = new Date("2030-01-01T09:00:00Z");
    const { tenantId, personIds } = await withPlatform(database.db, async (tx) => {
      const tenant = await createTenant(tx, {
        slug: "democratie-in-actie",
        name: "Democratie in Actie",
        kind: "programme",
      });
      const ids: string[] = [];
      for (let i = 0; i < people; i++) {
        ids.push((await findOrCreatePerson(tx, { email: `p${i}@example.org`, displayName: `P${i}` })).id);
      }
      return { tenantId: tenant.id, personIds: ids };
    });
    const slotId = await withTenant(database.db, { tenantId }, async (tx) => {
      const startsAt = new Date("2030-02-14T09:00:00Z");
      const endsAt = new Date("2030-02-14T15:00:00Z");
      const meeting = await scheduleMeeting(tx, {
        tenantId,
        slug: "bench",
        kind: "start-session",
        title: "Bench",
        startsAt,
        endsAt,
      });
      const slot = await addMeetingSlot(tx, {
        tenantId,
        meetingId: meeting.id,
        kind: "track",
        title: "Track",
        startsAt,
        endsAt,
        capacity: places,
      });
      return slot.id;
    });

    const latencies: number[] = [];
    const started = performance.now();
    const outcomes = await Promise.all(
      personIds.map(async (personId) => {
        const t0 = performance.now();
        const registration = await withTenant(database.db, { tenantId }, (tx) =>
          registerForSlot(tx, { tenantId, slotId, personId, now }),
        );
        latencies.push(performance.now() - t0);
        return registration.status;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const registered = outcomes.filter((s) => s === "registered").length;
    return {
      database: database.kind,
      rate: people / seconds,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      registered,
      waitListed: outcomes.length - registered,
    };
  } finally {
    await database.close();
  }
}

const burst = await signUpBurst();
console.log(`Sign-ups: ${people} at once for one track of ${places} places, ${burst.database} database`);
printTable(
  ["sign-ups/s", "p50 ms", "p99 ms", "registered", "wait-listed"],
  [
    [
      burst.rate.toFixed(0),
      burst.p50.toFixed(1),
      burst.p99.toFixed(1),
      String(burst.registered),
      String(burst.waitListed),
    ],
  ],
  0,
);
if (burst.registered !== Math.min(places, people)) console.log("WRONG: more or fewer places given than there are");

const load = { seconds: Number(values.seconds), connections: Number(values.connections) };
const app = await startAppProcess();
try {
  const rows = await pageAgainstBaseline(app.url, "/programma", { ...load, scratchDir: app.dataDir }, startBareServer);
  console.log(
    `\nThe offer page: ${load.connections} connections, ${load.seconds} s per run, one app process, loopback`,
  );
  printTable(["page", "server", "bytes", "req/s", "p50 ms", "p99 ms"], rows, 2);
} finally {
  await app.stop();
}
