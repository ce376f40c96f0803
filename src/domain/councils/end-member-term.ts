import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid, lockCouncil } from "./lock-council.ts";

export type EndMemberTermOptions = {
  tenantId: string;
  councilId: string;
  memberId: string;
  /** The member's last day on the seat (resigned, moved away); from the next day the seat is free. */
  lastDayOn: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Ends a term early. A conditional update: only a term that has begun by that day and would run past it changes,
 * so a repeat or a later, earlier end is refused and nothing moves. A term that simply runs out needs none of this.
 */
export async function endMemberTerm(tx: Tx, o: EndMemberTermOptions): Promise<void> {
  await lockCouncil(tx, o);
  if (!isUuid(o.memberId)) throw new CouncilsError("councils.member-not-found");
  const m = schema.councilMembers;
  const mine = and(eq(m.tenantId, o.tenantId), eq(m.councilId, o.councilId), eq(m.id, o.memberId));
  const [ended] = await tx
    .update(m)
    .set({ endsOn: o.lastDayOn })
    .where(and(mine, lte(m.startsOn, o.lastDayOn), or(isNull(m.endsOn), gt(m.endsOn, o.lastDayOn))))
    .returning({ id: m.id });
  if (!ended) {
    const [member] = await tx.select({ startsOn: m.startsOn, endsOn: m.endsOn }).from(m).where(mine);
    if (!member) throw new CouncilsError("councils.member-not-found");
    if (member.startsOn > o.lastDayOn) throw new CouncilsError("councils.term-invalid");
    throw new CouncilsError("councils.term-already-ended", { endsOn: member.endsOn ?? "" });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.end-term",
    subject: o.councilId,
    details: { member: o.memberId, lastDayOn: o.lastDayOn },
  });
}
