import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import type { Decider } from "./ladder.ts";

export type UpdateProcessOptions = {
  tenantId: string;
  processId: string;
  title: string;
  description: string;
  fixed: string;
  open: string;
  decisionKind: string | null;
  decidedBy: Decider;
  responsible: string;
  actorPersonId: string | null;
};

/** The process's own rules of the game: what it is about, its kaders, who decides and who is responsible. */
export async function updateProcess(tx: Tx, o: UpdateProcessOptions): Promise<void> {
  const p = schema.processes;
  const { tenantId, processId, actorPersonId, ...values } = o;
  const [row] = await tx
    .update(p)
    .set(values)
    .where(and(eq(p.tenantId, tenantId), eq(p.id, processId)))
    .returning({ id: p.id });
  if (!row) throw new ProcessesError("processes.not-found");
  await recordAudit(tx, { tenantId, actorPersonId, action: "processes.updated", subject: processId });
}
