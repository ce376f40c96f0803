import type { Tx } from "../../db/index.ts";
import { type RequestFollowOptions, requestFollow, topicOf } from "../following/index.ts";
import { getRound } from "./get-round.ts";

/**
 * A resident asks to follow a whole round by e-mail: the shared double opt-in (ADR 0011) on the topic
 * `pb-round:<id>`. Its followers hear when voting opens, when the result is out (round-news.ts) and of every
 * update on a funded plan (plan-updates.ts).
 */
export async function followRound(
  tx: Tx,
  o: Omit<RequestFollowOptions, "topic" | "title"> & { roundSlug: string },
): Promise<void> {
  const round = await getRound(tx, { tenantId: o.tenantId, slug: o.roundSlug });
  await requestFollow(tx, {
    tenantId: o.tenantId,
    email: o.email,
    locale: o.locale,
    linkFor: o.linkFor,
    topic: topicOf("pb-round", round.id),
    title: round.title,
    now: o.now,
  });
}
