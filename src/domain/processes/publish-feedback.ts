import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { notifyFollowers, topicOf } from "../following/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import type { FeedbackOutcome } from "./ladder.ts";

export type PublishFeedbackOptions = {
  tenantId: string;
  momentId: string;
  points: readonly { point: string; outcome: FeedbackOutcome; reason: string }[];
  /** The process page and the unsubscribe base for the followers' mail. */
  processUrl: string;
  unsubscribeBase: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Staff publish what was done with a moment's input, point by point: taken over, partly or not, each with its
 * reason. Publishing again replaces the points (a correction) but mails the followers only the first time. Under
 * the moment's row lock, so two publications are decided one after the other.
 */
export async function publishFeedback(tx: Tx, o: PublishFeedbackOptions): Promise<{ mailed: number }> {
  if (o.points.length === 0) throw new ProcessesError("processes.feedback-empty");
  const m = schema.processMoments;
  const [moment] = await tx
    .select({ id: m.id, title: m.title, processId: m.processId, publishedAt: m.feedbackPublishedAt })
    .from(m)
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.momentId)))
    .for("update");
  if (!moment) throw new ProcessesError("processes.moment-not-found");
  const [process] = await tx
    .select({ title: schema.processes.title, status: schema.processes.status })
    .from(schema.processes)
    .where(eq(schema.processes.id, moment.processId));
  await tx.delete(schema.processFeedback).where(eq(schema.processFeedback.momentId, moment.id));
  await tx
    .insert(schema.processFeedback)
    .values(
      o.points.map((point, index) => ({ tenantId: o.tenantId, momentId: moment.id, position: index + 1, ...point })),
    );
  let mailed = 0;
  if (!moment.publishedAt) {
    await tx.update(m).set({ feedbackPublishedAt: o.now }).where(eq(m.id, moment.id));
    if (process?.status === "published") {
      mailed = await notifyFollowers(tx, {
        tenantId: o.tenantId,
        topic: topicOf("process", moment.processId),
        template: "process-feedback-published",
        params: { process: process.title, moment: moment.title, url: o.processUrl },
        unsubscribeBase: o.unsubscribeBase,
        now: o.now,
      });
    }
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.feedback-published",
    subject: moment.id,
    details: { points: o.points.length, correction: Boolean(moment.publishedAt) },
  });
  return { mailed };
}
