import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf, recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import { type InstrumentLinks, linkableInstrument } from "./instruments.ts";
import type { MomentMethod } from "./ladder.ts";
import { scheduleMomentMails } from "./moment-jobs.ts";

export type UpdateMomentOptions = Partial<InstrumentLinks> & {
  tenantId: string;
  tenantSlug: string;
  momentId: string;
  /** The moment's version the form was filled in on. */
  expectedVersion: number;
  title: string;
  subject: string;
  method: MomentMethod;
  methodDetail: string;
  opensAt: Date;
  closesAt: Date;
  feedbackOn: string;
  feedbackHow: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Adapts a moment of influence: what, how (or which round, advice request or fund), until when, and the feedback promise.
 * It still opens within its phase. On a published process new dates queue new mails; the jobs of the old dates
 * find their moment moved and send nothing. The moment is locked, and a form filled in on an older version is refused
 * (`processes.moment-changed`): of two staff members saving at once, the one who saves second sees the other's change
 * instead of silently undoing it.
 */
export async function updateMoment(tx: Tx, o: UpdateMomentOptions): Promise<void> {
  if (o.opensAt >= o.closesAt) throw new ProcessesError("processes.moment-dates");
  const m = schema.processMoments;
  const ph = schema.processPhases;
  const [moment] = await tx
    .select({
      id: m.id,
      version: m.version,
      opensAt: m.opensAt,
      closesAt: m.closesAt,
      startsOn: ph.startsOn,
      endsOn: ph.endsOn,
      status: schema.processes.status,
    })
    .from(m)
    .innerJoin(ph, eq(ph.id, m.phaseId))
    .innerJoin(schema.processes, eq(schema.processes.id, m.processId))
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.momentId)))
    .for("update", { of: m });
  if (!moment) throw new ProcessesError("processes.moment-not-found");
  if (moment.version !== o.expectedVersion) throw new ProcessesError("processes.moment-changed");
  const opensOn = dutchDateOf(o.opensAt);
  if (opensOn < moment.startsOn || opensOn > moment.endsOn) throw new ProcessesError("processes.moment-outside-phase");
  const links = await linkableInstrument(tx, o.tenantId, o);
  await tx
    .update(m)
    .set({
      title: o.title,
      subject: o.subject,
      method: o.method,
      methodDetail: o.methodDetail,
      ...links,
      opensAt: o.opensAt,
      closesAt: o.closesAt,
      feedbackOn: o.feedbackOn,
      feedbackHow: o.feedbackHow,
      version: moment.version + 1,
    })
    .where(eq(m.id, moment.id));
  const moved = moment.opensAt.getTime() !== o.opensAt.getTime() || moment.closesAt.getTime() !== o.closesAt.getTime();
  if (moved && moment.status === "published") {
    await scheduleMomentMails(tx, {
      tenantId: o.tenantId,
      tenantSlug: o.tenantSlug,
      moment: { id: moment.id, opensAt: o.opensAt, closesAt: o.closesAt },
      now: o.now,
    });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.moment-updated",
    subject: moment.id,
    details: { title: o.title, method: o.method, ...links, version: moment.version + 1 },
  });
}
