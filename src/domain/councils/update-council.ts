import { and, eq, gt, gte, isNull, notInArray, or } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf, recordAudit } from "../shared/index.ts";
import { type CreateCouncilOptions, councilAreasOf } from "./create-council.ts";
import { CouncilsError } from "./errors.ts";
import { lockCouncil } from "./lock-council.ts";

/** What a council is, as when it was made, except its slug. */
export type UpdateCouncilOptions = Omit<CreateCouncilOptions, "slug"> & { councilId: string };

/**
 * Changes what a council is: its name, kind, footing, description, member seats and areas. The slug stays (it is the
 * council's address). Under the council's row lock, so a seating cannot slip in between: fewer member seats are
 * refused while a running or coming term sits on one of the seats that would go.
 */
export async function updateCouncil(tx: Tx, o: UpdateCouncilOptions): Promise<void> {
  await lockCouncil(tx, o);
  const areaIds = await councilAreasOf(tx, o);
  const m = schema.councilMembers;
  const [blocking] = await tx
    .select({ seat: m.seat })
    .from(m)
    .where(
      and(
        eq(m.tenantId, o.tenantId),
        eq(m.councilId, o.councilId),
        eq(m.role, "member"),
        gt(m.seat, o.memberSeats),
        or(isNull(m.endsOn), gte(m.endsOn, dutchDateOf(o.now))),
      ),
    )
    .limit(1);
  if (blocking) throw new CouncilsError("councils.seats-in-use", { seat: blocking.seat });
  const c = schema.councils;
  await tx
    .update(c)
    .set({
      name: o.name,
      kind: o.kind,
      basis: o.basis,
      basisUrl: o.basisUrl,
      description: o.description,
      memberSeats: o.memberSeats,
    })
    .where(and(eq(c.tenantId, o.tenantId), eq(c.id, o.councilId)));
  const ca = schema.councilAreas;
  const mine = and(eq(ca.tenantId, o.tenantId), eq(ca.councilId, o.councilId));
  await tx.delete(ca).where(and(mine, notInArray(ca.areaId, areaIds)));
  await tx
    .insert(ca)
    .values(areaIds.map((areaId) => ({ tenantId: o.tenantId, councilId: o.councilId, areaId })))
    .onConflictDoNothing();
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.update",
    subject: o.councilId,
    details: { kind: o.kind, basis: o.basis, memberSeats: o.memberSeats, areas: areaIds.length },
  });
}
