import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf, insertOnce, recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import { type InstrumentLinks, linkableInstrument } from "./instruments.ts";
import type { MomentMethod } from "./ladder.ts";
import { scheduleMomentMails } from "./moment-jobs.ts";

export type AddMomentOptions = Partial<InstrumentLinks> & {
  tenantId: string;
  tenantSlug: string;
  phaseId: string;
  title: string;
  subject: string;
  method: MomentMethod;
  methodDetail: string;
  opensAt: Date;
  closesAt: Date;
  feedbackOn: string;
  feedbackHow: string;
  idempotencyKey: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * A moment of influence in a phase: what can be influenced, how, until when, and when and how feedback follows.
 * It opens within its phase. On a published process its mails are queued at once.
 */
export async function addMoment(tx: Tx, o: AddMomentOptions): Promise<{ id: string }> {
  if (o.opensAt >= o.closesAt) throw new ProcessesError("processes.moment-dates");
  const links = await linkableInstrument(tx, o.tenantId, o);
  const ph = schema.processPhases;
  const [phase] = await tx
    .select({ processId: ph.processId, startsOn: ph.startsOn, endsOn: ph.endsOn, status: schema.processes.status })
    .from(ph)
    .innerJoin(schema.processes, eq(schema.processes.id, ph.processId))
    .where(and(eq(ph.tenantId, o.tenantId), eq(ph.id, o.phaseId)));
  if (!phase) throw new ProcessesError("processes.phase-not-found");
  const opensOn = dutchDateOf(o.opensAt);
  if (opensOn < phase.startsOn || opensOn > phase.endsOn) throw new ProcessesError("processes.moment-outside-phase");
  const m = schema.processMoments;
  const { row, created } = await insertOnce(
    () =>
      tx
        .insert(m)
        .values({
          tenantId: o.tenantId,
          processId: phase.processId,
          phaseId: o.phaseId,
          title: o.title,
          subject: o.subject,
          method: o.method,
          methodDetail: o.methodDetail,
          ...links,
          opensAt: o.opensAt,
          closesAt: o.closesAt,
          feedbackOn: o.feedbackOn,
          feedbackHow: o.feedbackHow,
          idempotencyKey: o.idempotencyKey,
        })
        .onConflictDoNothing()
        .returning({ id: m.id, opensAt: m.opensAt, closesAt: m.closesAt }),
    () =>
      tx
        .select({ id: m.id, opensAt: m.opensAt, closesAt: m.closesAt })
        .from(m)
        .where(and(eq(m.tenantId, o.tenantId), eq(m.idempotencyKey, o.idempotencyKey))),
  );
  if (!created) return { id: row.id };
  if (phase.status === "published") {
    await scheduleMomentMails(tx, { tenantId: o.tenantId, tenantSlug: o.tenantSlug, moment: row, now: o.now });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.moment-added",
    subject: row.id,
    details: { title: o.title, method: o.method },
  });
  return { id: row.id };
}
