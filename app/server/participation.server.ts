import type { RouterContextProvider } from "react-router";
import { type Tx, withTenant } from "../../src/db/index.ts";
import {
  type Audience,
  isInAudience,
  isRegistrationClosed,
  listPersonRegistrations,
  listSlotOccupancy,
  type MeetingLink,
  type ProgrammeSlot,
} from "../../src/domain/programme/index.ts";
import type { TrackState } from "../components/track-sign-up.tsx";
import { services } from "./context.ts";
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

/**
 * What the meeting page shows under each track: places left and the visitor's own registration; and who may sign up,
 * with whether the signed-in visitor is outside that audience (then the page says so instead of showing the form).
 */
export async function trackStates(
  request: Request,
  context: Context,
  meeting: Audience & { id: string; slug: string; startsAt: Date; cancelledAt: Date | null; slots: ProgrammeSlot[] },
) {
  const actor = await getActor(request, context);
  const tenantId = (await programmeTenant(context)).id;
  const [occupancy, mine, inAudience] = await withTenant(
    services(context).db,
    { tenantId, ...(actor ? { personId: actor.personId } : {}) },
    // One after the other: a transaction is one connection, and pg does not queue queries sent at once on it.
    async (tx) =>
      [
        await listSlotOccupancy(tx, { tenantId, meetingId: meeting.id }),
        actor ? await listPersonRegistrations(tx, { tenantId, personId: actor.personId, meetingId: meeting.id }) : [],
        actor ? await isInAudience(tx, { tenantId, audience: meeting, personId: actor.personId }) : true,
      ] as const,
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
  const closed = isRegistrationClosed(meeting, new Date());
  return {
    tracks,
    closed,
    audience: { audience: meeting.audience, invited: meeting.invited.map(({ name }) => name) },
    /** Only while sign-ups are open: a closed meeting says that instead. */
    outsideAudience: !closed && !inAudience,
    signInUrl: actor ? undefined : `/inloggen?${new URLSearchParams({ terug: url.pathname })}`,
  };
}
