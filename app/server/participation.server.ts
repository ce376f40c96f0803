import type { RouterContextProvider } from "react-router";
import { type Tx, withPlatform, withTenant } from "../../src/db/index.ts";
import { hitRateLimit } from "../../src/domain/identity/index.ts";
import {
  isRegistrationClosed,
  listPersonRegistrations,
  listSlotOccupancy,
  type MeetingLink,
  type ProgrammeSlot,
} from "../../src/domain/programme/index.ts";
import type { TrackState } from "../components/track-sign-up.tsx";
import { requestState, services } from "./context.ts";
import { programmeTenant } from "./programme.server.ts";
import { getActor } from "./session.server.ts";

type Context = Readonly<RouterContextProvider>;

/** A change in the programme's tenant on behalf of a person (or of nobody, for token links). */
export async function inProgramme<T>(
  context: Context,
  personId: string | undefined,
  change: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T> {
  const tenantId = (await programmeTenant(context)).id;
  const result = await withTenant(services(context).db, { tenantId, ...(personId ? { personId } : {}) }, (tx) =>
    change(tx, tenantId),
  );
  // Whatever mail the change queued can go now that it has committed.
  services(context).queue.wake();
  return result;
}

export const meetingLink =
  (context: Context): MeetingLink =>
  (slug) =>
    `${services(context).config.publicUrl}/programma/bijeenkomsten/${slug}`;

/** What the meeting page shows under each track: places left and the visitor's own registration. */
export async function trackStates(
  request: Request,
  context: Context,
  meeting: { id: string; slug: string; startsAt: Date; slots: ProgrammeSlot[] },
) {
  const actor = await getActor(request, context);
  const tenantId = (await programmeTenant(context)).id;
  const [occupancy, mine] = await withTenant(
    services(context).db,
    { tenantId, ...(actor ? { personId: actor.personId } : {}) },
    (tx) =>
      Promise.all([
        listSlotOccupancy(tx, { tenantId, meetingId: meeting.id }),
        actor ? listPersonRegistrations(tx, { tenantId, personId: actor.personId, meetingId: meeting.id }) : [],
      ]),
  );
  const tracks: TrackState[] = meeting.slots
    .filter((slot) => slot.kind !== "walk-in")
    .map((slot) => {
      const own = mine.find((registration) => registration.slotId === slot.id);
      return {
        slotId: slot.id,
        title: slot.title,
        capacity: slot.capacity,
        registered: occupancy.find((o) => o.slotId === slot.id)?.registered ?? 0,
        mine: own && { id: own.id, status: own.status, waitListPosition: own.waitListPosition },
      };
    });
  const url = new URL(request.url);
  return {
    tracks,
    closed: isRegistrationClosed(meeting, new Date()),
    signInUrl: actor ? undefined : `/inloggen?${new URLSearchParams({ terug: url.pathname })}`,
  };
}

/**
 * The subscribe form mails whatever address it is given: at most 5 requests an hour per address and 30 per
 * visitor address, so it cannot be used to flood someone's mailbox.
 */
export async function limitNewsletterRequests(context: Context, email: string): Promise<void> {
  const { db } = services(context);
  const now = new Date();
  const window = { windowSeconds: 3600, now };
  const ip = requestState(context).clientIp;
  await withPlatform(db, (tx) => hitRateLimit(tx, { key: `newsletter:ip:${ip}`, limit: 30, ...window }));
  await withPlatform(db, (tx) => hitRateLimit(tx, { key: `newsletter:email:${email}`, limit: 5, ...window }));
}
