import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf } from "../shared/index.ts";
import type { AdviceFileSide, AdviceStatus } from "./advice-states.ts";
import { CouncilsError } from "./errors.ts";
import { requireAdvisingSeat } from "./give-advice.ts";
import { isUuid } from "./lock-council.ts";

export type AdviceFileActor = {
  tenantId: string;
  adviceId: string;
  /**
   * The council the person acts for (its workspace), or null for staff with the advice right (checked by the route).
   * The council's officers handle the files of its advice; staff those of the request and the response.
   */
  councilId: string | null;
  actorPersonId: string;
  now: Date;
};

/**
 * The advice row, locked, so a file is attached or removed either before or after the step that makes its side
 * public, never in between; refused unless the person may handle the files of `side`.
 */
export async function lockAdviceForFiles(
  tx: Tx,
  o: AdviceFileActor & { side: AdviceFileSide },
): Promise<{ id: string; councilId: string; status: AdviceStatus }> {
  const a = schema.advice;
  const [advice] = isUuid(o.adviceId)
    ? await tx
        .select({ id: a.id, councilId: a.councilId, status: a.status })
        .from(a)
        .where(and(eq(a.tenantId, o.tenantId), eq(a.id, o.adviceId)))
        .for("update")
    : [];
  if (!advice || (o.councilId !== null && advice.councilId !== o.councilId))
    throw new CouncilsError("councils.advice-not-found");
  if ((o.councilId !== null) !== (o.side === "advice")) throw new CouncilsError("councils.advice-file-not-found");
  if (o.councilId !== null) await requireAdvisingSeat(tx, { ...o, councilId: o.councilId, today: dutchDateOf(o.now) });
  return advice;
}
