import { withTenant } from "../../db/index.ts";
import type { JobHandlers } from "../../platform/queue/index.ts";
import { notifyFollowers, topicOf } from "../following/index.ts";
import { findTenantById } from "../tenancy/index.ts";
import { isResultPublished } from "./count-round.ts";
import { getRound } from "./get-round.ts";
import { ROUND_NEWS_JOB, type RoundNews } from "./round-phases.ts";

type RoundNewsPayload = { tenantId: string; roundId: string; news: RoundNews };

/**
 * The worker's side of a round's news for its followers (ADR 0011): voting opened, or the result is out. Checked
 * again at run time, so a round that already left voting does not invite anyone to vote.
 */
export function roundNewsJobHandlers(o: { publicUrl: string }): JobHandlers {
  return {
    [ROUND_NEWS_JOB]: async (payload, _job, { now, db }) => {
      const { tenantId, roundId, news } = payload as RoundNewsPayload;
      await withTenant(db, { tenantId }, async (tx) => {
        const tenant = await findTenantById(tx, tenantId);
        if (!tenant) return;
        const round = await getRound(tx, { tenantId, id: roundId });
        const page = `${o.publicUrl}/${tenant.slug}/burgerbegroting/${round.slug}`;
        const base = {
          tenantId,
          topic: topicOf("pb-round", round.id),
          unsubscribeBase: `${o.publicUrl}/${tenant.slug}/volgen/afmelden`,
          now,
        };
        if (news === "voting-opened" && round.track.phase === "voting") {
          const closesAt = round.track.schedule.find((d) => d.phase === "counting")?.startsAt ?? null;
          await notifyFollowers(tx, {
            ...base,
            template: "budgeting-voting-opened",
            params: { round: round.title, closesAt: closesAt?.toISOString() ?? null, url: page },
          });
        }
        if (news === "result-published" && (await isResultPublished(tx, { tenantId, roundId }))) {
          await notifyFollowers(tx, {
            ...base,
            template: "budgeting-result-published",
            params: { round: round.title, url: `${page}/uitslag` },
          });
        }
      });
    },
  };
}
