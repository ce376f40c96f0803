import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { enqueue, type JobHandlers, tenantJob } from "../../platform/queue/index.ts";
import { notifyFollowers, topicOf } from "../following/index.ts";

export const MOMENT_OPENED_JOB = "processes.moment-opened";
export const MOMENT_CLOSING_JOB = "processes.moment-closing";
/** Followers hear this long before a moment closes that it is about to. */
export const CLOSING_NOTICE_MS = 3 * 86_400_000;

type MomentPayload = { tenantId: string; tenantSlug: string; momentId: string; at: string };

/**
 * Queues the two mails of a moment of influence: when it opens, and three days before it closes (if that is after
 * it opens). The job carries the instant it was planned for; a job whose moment moved or is gone does nothing.
 */
export async function scheduleMomentMails(
  tx: Executor,
  o: { tenantId: string; tenantSlug: string; moment: { id: string; opensAt: Date; closesAt: Date }; now: Date },
): Promise<void> {
  const base = { tenantId: o.tenantId, tenantSlug: o.tenantSlug, momentId: o.moment.id };
  if (o.moment.opensAt > o.now) {
    await enqueue(tx, MOMENT_OPENED_JOB, { ...base, at: o.moment.opensAt.toISOString() }, { runAt: o.moment.opensAt });
  }
  const closing = new Date(o.moment.closesAt.getTime() - CLOSING_NOTICE_MS);
  if (closing > o.now && closing > o.moment.opensAt) {
    await enqueue(tx, MOMENT_CLOSING_JOB, { ...base, at: o.moment.closesAt.toISOString() }, { runAt: closing });
  }
}

/** The public page of a process, for mails and feeds. */
export const processUrl = (publicUrl: string, tenantSlug: string, processSlug: string) =>
  `${publicUrl}/${tenantSlug}/processen/${processSlug}`;

async function findPublishedMoment(tx: Executor, tenantId: string, momentId: string) {
  const m = schema.processMoments;
  const p = schema.processes;
  const [row] = await tx
    .select({
      id: m.id,
      title: m.title,
      opensAt: m.opensAt,
      closesAt: m.closesAt,
      processId: p.id,
      process: p.title,
      slug: p.slug,
    })
    .from(m)
    .innerJoin(p, eq(p.id, m.processId))
    .where(and(eq(m.tenantId, tenantId), eq(m.id, momentId), eq(p.status, "published")));
  return row;
}

/**
 * The worker's side: mail the process's followers, in the tenant's transaction and at the time the worker gives
 * (a job whose moment moved or is gone does nothing).
 */
export function processJobHandlers(o: { publicUrl: string }): JobHandlers {
  const send = (template: "process-moment-opened" | "process-moment-closing", field: "opensAt" | "closesAt") =>
    tenantJob<MomentPayload>(async (tx, { tenantId, tenantSlug, momentId, at }, now) => {
      const moment = await findPublishedMoment(tx, tenantId, momentId);
      if (!moment || moment[field].toISOString() !== at) return;
      await notifyFollowers(tx, {
        tenantId,
        topic: topicOf("process", moment.processId),
        template,
        params: {
          process: moment.process,
          moment: moment.title,
          closesAt: moment.closesAt.toISOString(),
          url: processUrl(o.publicUrl, tenantSlug, moment.slug),
        },
        unsubscribeBase: `${o.publicUrl}/${tenantSlug}/volgen/afmelden`,
        now,
      });
    });
  return {
    [MOMENT_OPENED_JOB]: send("process-moment-opened", "opensAt"),
    [MOMENT_CLOSING_JOB]: send("process-moment-closing", "closesAt"),
  };
}
