import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

export type DescribeTrajectoryOptions = {
  programmeTenantId: string;
  slug: string;
  /** Whether the programme shares the costs of local support by the rule in `share-costs.ts`. */
  sharesLocalSupport: boolean;
  /** Whether the public page takes sign-ups from designers as well as municipalities. */
  takesDesignerSignUps: boolean;
  /** "Meer over het traject", in the rich-text subset; empty for none. */
  moreText: string;
  actorPersonId: string;
};

/**
 * Staff say what the public page of a trajectory states beyond its facts. The row is locked while it changes; the
 * audit row keeps what it said before.
 */
export async function describeTrajectory(tx: Tx, o: DescribeTrajectoryOptions): Promise<void> {
  const t = schema.trajectories;
  const where = and(eq(t.tenantId, o.programmeTenantId), eq(t.slug, o.slug));
  const [before] = await tx
    .select({
      id: t.id,
      sharesLocalSupport: t.sharesLocalSupport,
      takesDesignerSignUps: t.takesDesignerSignUps,
      moreText: t.moreText,
    })
    .from(t)
    .where(where)
    .for("update");
  if (!before) throw new ProgrammeError("programme.trajectory-not-found");
  await tx
    .update(t)
    .set({
      sharesLocalSupport: o.sharesLocalSupport,
      takesDesignerSignUps: o.takesDesignerSignUps,
      moreText: o.moreText.trim(),
    })
    .where(where);
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.trajectory.describe",
    subject: before.id,
    details: {
      before: {
        sharesLocalSupport: before.sharesLocalSupport,
        takesDesignerSignUps: before.takesDesignerSignUps,
        moreText: before.moreText,
      },
    },
  });
}
