import { and, eq, sql } from "drizzle-orm";
import { postgresCode, schema, type Tx } from "../../db/index.ts";
import { findOrCreatePerson } from "../identity/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import type { CouncilRole } from "./kinds.ts";
import { lockCouncil } from "./lock-council.ts";

export type SeatMemberOptions = {
  tenantId: string;
  councilId: string;
  role: CouncilRole;
  /** The name the public page shows. */
  name: string;
  /** The account that opens the council's workspace; null for a member who does not sign in. */
  personId: string | null;
  /** Instead of `personId`: the e-mail address of that account, which is made on first sight (staff seat by address). */
  email?: string | null;
  startsOn: string;
  /** The last day of the term, or null: until further notice. */
  endsOn: string | null;
  actorPersonId: string | null;
  now: Date;
};

export type SeatedMember = { id: string; role: CouncilRole; seat: number };

/**
 * Seats a person for a term. Officers have one seat each; a member gets the lowest member seat that is free for the
 * whole term. Decided under the council's row lock; the database's exclusion constraints refuse a second holder of
 * a seat, or a second seat for a person, whatever the code does.
 */
export async function seatMember(tx: Tx, o: SeatMemberOptions): Promise<SeatedMember> {
  if (o.endsOn !== null && o.endsOn < o.startsOn) throw new CouncilsError("councils.term-invalid");
  const council = await lockCouncil(tx, o);
  const personId =
    o.personId ?? (o.email ? (await findOrCreatePerson(tx, { email: o.email, displayName: o.name })).id : null);
  const seat = o.role === "member" ? await freeMemberSeat(tx, o, council.memberSeats) : 1;
  let member: { id: string } | undefined;
  try {
    [member] = await tx
      .insert(schema.councilMembers)
      .values({
        tenantId: o.tenantId,
        councilId: o.councilId,
        role: o.role,
        seat,
        personId,
        name: o.name,
        startsOn: o.startsOn,
        endsOn: o.endsOn,
        createdAt: o.now,
      })
      .returning({ id: schema.councilMembers.id });
  } catch (error) {
    throw seatRefusal(error) ?? error;
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.seat",
    subject: o.councilId,
    details: { member: member!.id, role: o.role, seat, startsOn: o.startsOn, endsOn: o.endsOn },
  });
  return { id: member!.id, role: o.role, seat };
}

const term = (startsOn: string, endsOn: string | null) => sql`daterange(${startsOn}::date, ${endsOn}::date, '[]')`;

async function freeMemberSeat(tx: Tx, o: SeatMemberOptions, seats: number): Promise<number> {
  const taken = await tx
    .select({ seat: schema.councilMembers.seat })
    .from(schema.councilMembers)
    .where(
      and(
        eq(schema.councilMembers.tenantId, o.tenantId),
        eq(schema.councilMembers.councilId, o.councilId),
        eq(schema.councilMembers.role, "member"),
        sql`${term(o.startsOn, o.endsOn)} && daterange(${schema.councilMembers.startsOn}, ${schema.councilMembers.endsOn}, '[]')`,
      ),
    );
  const occupied = new Set(taken.map((row) => row.seat));
  for (let seat = 1; seat <= seats; seat++) if (!occupied.has(seat)) return seat;
  throw new CouncilsError("councils.no-free-seat", { seats });
}

/** An exclusion constraint's refusal as the context's error: which of the two rules said no. */
function seatRefusal(error: unknown): CouncilsError | undefined {
  if (postgresCode(error) !== "23P01") return undefined;
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (constraint === "council_members_one_seat_per_person") return new CouncilsError("councils.person-seated");
  }
  return new CouncilsError("councils.seat-taken");
}
