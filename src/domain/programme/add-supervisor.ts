import { and, count, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import { requireText } from "./input-rules.ts";

export type Supervisor = typeof schema.trajectorySupervisors.$inferSelect;

export type AddSupervisorOptions = {
  tenantId: string;
  trajectoryId: string;
  name: string;
  organisation: string;
  personId?: string | null;
};

/** A begeleider, listed after the ones already named; the trajectory row is locked so two additions keep their order. */
export async function addSupervisor(tx: Executor, o: AddSupervisorOptions): Promise<Supervisor> {
  requireText("name", o.name);
  requireText("organisation", o.organisation);
  const [trajectory] = await tx
    .select({ id: schema.trajectories.id })
    .from(schema.trajectories)
    .where(and(eq(schema.trajectories.tenantId, o.tenantId), eq(schema.trajectories.id, o.trajectoryId)))
    .for("update");
  if (!trajectory) throw new ProgrammeError("programme.trajectory-not-found");
  const [existing] = await tx
    .select({ n: count() })
    .from(schema.trajectorySupervisors)
    .where(eq(schema.trajectorySupervisors.trajectoryId, trajectory.id));
  const [supervisor] = await tx
    .insert(schema.trajectorySupervisors)
    .values({
      tenantId: o.tenantId,
      trajectoryId: trajectory.id,
      name: o.name.trim(),
      organisation: o.organisation.trim(),
      personId: o.personId ?? null,
      position: (existing?.n ?? 0) + 1,
    })
    .returning();
  return supervisor!;
}
