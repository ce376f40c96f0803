import { and, asc, eq, inArray } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { notifyFollowers, type RequestFollowOptions, requestFollow, topicOf } from "../following/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { getResult } from "./count-round.ts";
import { BudgetingError } from "./errors.ts";
import { getRound } from "./get-round.ts";
import { type PublicPhoto, storePublicPhoto } from "./public-photo.ts";
import type { RealisationStatus } from "./rules.ts";

export type PostPlanUpdateOptions = {
  tenantId: string;
  roundSlug: string;
  planId: string;
  status: RealisationStatus;
  body: string;
  /** The day the update is about (`YYYY-MM-DD`). */
  happenedOn: string;
  photo?: PublicPhoto | null;
  /** Null for the demo seed, which posts as nobody. */
  actorPersonId: string | null;
  idempotencyKey: string;
  /** The public realisation page and the unsubscribe base for the mail to the plan's followers. */
  realisationUrl: string;
  unsubscribeBase: string;
  now: Date;
};

/** The plans a published result funded, by id: only these get realisation updates. */
async function fundedPlans(tx: Executor, tenantId: string, roundId: string): Promise<Set<string>> {
  const result = await getResult(tx, { tenantId, roundId, publishedOnly: true });
  if (!result) throw new BudgetingError("budgeting.result-not-ready");
  return new Set(result.outcome.areas.flatMap((area) => area.selected));
}

/**
 * Staff post a dated update on a funded plan once the result is published: its status, a text and an optional photo
 * with alt text. Updates are only ever added (the table refuses changes), so a correction is a new update. The
 * same form sent twice finds its own update; a refused photo leaves no update behind. A new update queues a mail to
 * each follower of the plan or of its round, once, in the same transaction (ADR 0011): nothing is sent while the
 * request runs, and a refused or repeated update mails no one.
 */
export async function postPlanUpdate(
  tx: Tx,
  o: PostPlanUpdateOptions,
): Promise<{ id: string; created: boolean; mailed: number }> {
  const round = await getRound(tx, { tenantId: o.tenantId, slug: o.roundSlug });
  const funded = await fundedPlans(tx, o.tenantId, round.id);
  if (!funded.has(o.planId)) throw new BudgetingError("budgeting.plan-not-funded");
  const [plan] = await tx
    .select({ title: schema.pbPlans.title, reference: schema.pbPlans.reference })
    .from(schema.pbPlans)
    .where(
      and(
        eq(schema.pbPlans.tenantId, o.tenantId),
        eq(schema.pbPlans.roundId, round.id),
        eq(schema.pbPlans.id, o.planId),
      ),
    );
  if (!plan) throw new BudgetingError("budgeting.plan-not-found");
  const u = schema.pbPlanUpdates;
  const mine = () =>
    tx
      .select({ id: u.id })
      .from(u)
      .where(and(eq(u.tenantId, o.tenantId), eq(u.idempotencyKey, o.idempotencyKey)));
  // The same form sent again: its update, without storing its photo a second time (the table takes no updates,
  // so the photo goes in with the row). Two sends at once still give one row through the unique key.
  const [sent] = await mine();
  if (sent) return { id: sent.id, created: false, mailed: 0 };
  const photoId = o.photo
    ? await storePublicPhoto(tx, { tenantId: o.tenantId, photo: o.photo, actorPersonId: o.actorPersonId, now: o.now })
    : null;
  const { row, created } = await insertOnce(
    () =>
      tx
        .insert(u)
        .values({
          tenantId: o.tenantId,
          planId: o.planId,
          status: o.status,
          body: o.body,
          happenedOn: o.happenedOn,
          photoId,
          createdBy: o.actorPersonId,
          idempotencyKey: o.idempotencyKey,
          createdAt: o.now,
        })
        .onConflictDoNothing({ target: [u.tenantId, u.idempotencyKey] })
        .returning({ id: u.id }),
    mine,
  );
  let mailed = 0;
  if (created) {
    mailed = await notifyFollowers(tx, {
      tenantId: o.tenantId,
      topic: topicOf("pb-plan", o.planId),
      template: "budgeting-plan-update",
      params: {
        round: round.title,
        plan: plan.title,
        status: o.status,
        happenedOn: o.happenedOn,
        body: o.body,
        url: `${o.realisationUrl}#uitvoering-${o.planId}`,
        followed: "plan",
      },
      // Who follows the whole round hears of every funded plan; who follows both gets this mail once.
      alsoTo: [{ topic: topicOf("pb-round", round.id), params: { followed: "round" } }],
      unsubscribeBase: o.unsubscribeBase,
      now: o.now,
    });
    await recordAudit(tx, {
      tenantId: o.tenantId,
      actorPersonId: o.actorPersonId,
      action: "budgeting.plan.update",
      subject: `${plan.reference}. ${plan.title}`,
      details: { roundId: round.id, planId: o.planId, status: o.status, happenedOn: o.happenedOn },
    });
  }
  return { id: row.id, created, mailed };
}

/**
 * A resident asks to follow a funded plan by e-mail: the shared double opt-in of the following context (ADR 0011)
 * on the topic `pb-plan:<id>`, so every later update on the plan reaches them. Only a funded plan of a published
 * round can be followed: the others get no updates.
 */
export async function followPlan(
  tx: Tx,
  o: Omit<RequestFollowOptions, "topic" | "title"> & { roundSlug: string; planId: string },
): Promise<void> {
  const round = await getRound(tx, { tenantId: o.tenantId, slug: o.roundSlug });
  const funded = await fundedPlans(tx, o.tenantId, round.id);
  if (!funded.has(o.planId)) throw new BudgetingError("budgeting.plan-not-funded");
  const [plan] = await tx
    .select({ title: schema.pbPlans.title })
    .from(schema.pbPlans)
    .where(and(eq(schema.pbPlans.tenantId, o.tenantId), eq(schema.pbPlans.id, o.planId)));
  if (!plan) throw new BudgetingError("budgeting.plan-not-found");
  await requestFollow(tx, {
    tenantId: o.tenantId,
    email: o.email,
    locale: o.locale,
    linkFor: o.linkFor,
    topic: topicOf("pb-plan", o.planId),
    title: plan.title,
    now: o.now,
  });
}

export type PlanUpdate = {
  id: string;
  status: RealisationStatus;
  body: string;
  happenedOn: string;
  photo: { id: string; altText: string } | null;
};

export type PlanRealisation = {
  id: string;
  reference: string;
  title: string;
  areaName: string;
  /** The latest update's status, or "planned" before the first update. */
  status: RealisationStatus;
  /** Oldest first: the order in which things happened. */
  updates: PlanUpdate[];
};

/** Every funded plan of a round with its updates, in the result's order; empty before the result is published. */
export async function listRealisation(
  tx: Executor,
  o: { tenantId: string; roundId: string },
): Promise<PlanRealisation[]> {
  const result = await getResult(tx, { tenantId: o.tenantId, roundId: o.roundId, publishedOnly: true });
  if (!result) return [];
  const funded = result.outcome.areas.flatMap((area) =>
    area.selected.map((id) => {
      const plan = area.plans.find((p) => p.id === id);
      return { id, reference: plan?.reference ?? "", title: plan?.title ?? "", areaName: area.name };
    }),
  );
  if (funded.length === 0) return [];
  const u = schema.pbPlanUpdates;
  const rows = await tx
    .select({
      id: u.id,
      planId: u.planId,
      status: u.status,
      body: u.body,
      happenedOn: u.happenedOn,
      photoId: schema.uploads.id,
      altText: schema.uploads.altText,
    })
    .from(u)
    .leftJoin(schema.uploads, eq(schema.uploads.id, u.photoId))
    .where(
      and(
        eq(u.tenantId, o.tenantId),
        inArray(
          u.planId,
          funded.map((plan) => plan.id),
        ),
      ),
    )
    .orderBy(asc(u.happenedOn), asc(u.createdAt));
  return funded.map((plan) => {
    const updates = rows
      .filter((row) => row.planId === plan.id)
      .map((row) => ({
        id: row.id,
        status: row.status,
        body: row.body,
        happenedOn: row.happenedOn,
        photo: row.photoId ? { id: row.photoId, altText: row.altText ?? "" } : null,
      }));
    return { ...plan, status: updates.at(-1)?.status ?? "planned", updates };
  });
}
