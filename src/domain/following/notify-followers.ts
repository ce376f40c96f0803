import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { enqueueMail, type MailAttachment, type MailTemplate, type MailTemplates } from "../../mail/index.ts";
import { enqueue, type JobHandlers, tenantJob } from "../../platform/queue/index.ts";

export const FOLLOW_DELIVERY_JOB = "following.deliver";

const f = schema.follows;

/** The mails a follower can get: each carries the one-click unsubscribe address, filled in per follower. */
export type FollowMail = {
  [T in MailTemplate]: MailTemplates[T] extends { unsubscribeUrl: string } ? T : never;
}[MailTemplate];

const confirmedIn = (tenantId: string, topics: readonly string[]) =>
  and(eq(f.tenantId, tenantId), inArray(f.topic, [...topics]), isNotNull(f.confirmedAt), isNull(f.unsubscribedAt));

type FollowParams<T extends FollowMail> = Omit<MailTemplates[T], "unsubscribeUrl">;

export type NotifyFollowersOptions<T extends FollowMail> = {
  tenantId: string;
  topic: string;
  template: T;
  params: FollowParams<T>;
  /**
   * Broader subjects whose followers get this mail too (a plan's round), each with the parameters that differ for
   * them (why they get it). Someone who follows several gets one mail, for the first of `topic`, then these in order.
   */
  alsoTo?: ReadonlyArray<{ topic: string; params: Partial<FollowParams<T>> }>;
  /** The same for every follower, e.g. a meeting's updated `.ics`. */
  attachments?: MailAttachment[];
  /** The unsubscribe page's address without the secret; each mail appends its follower's. */
  unsubscribeBase: string;
  now: Date;
};

/**
 * Queues one mail per follower of the topic or of any `alsoTo` (once per address) in the caller's transaction, sent
 * after it commits. Each delivery checks again at send time, so someone who stopped following in between gets
 * nothing.
 */
export async function notifyFollowers<T extends FollowMail>(tx: Executor, o: NotifyFollowersOptions<T>) {
  const topics = [o.topic, ...(o.alsoTo ?? []).map((also) => also.topic)];
  const emails = await tx
    .selectDistinct({ email: f.email })
    .from(f)
    .where(confirmedIn(o.tenantId, topics))
    .orderBy(f.email);
  for (const { email } of emails) {
    await enqueue(
      tx,
      FOLLOW_DELIVERY_JOB,
      {
        tenantId: o.tenantId,
        topic: o.topic,
        email,
        template: o.template,
        params: o.params,
        ...(o.attachments ? { attachments: o.attachments } : {}),
        ...(o.alsoTo ? { alsoTo: o.alsoTo } : {}),
        unsubscribeBase: o.unsubscribeBase,
      },
      { runAt: o.now },
    );
  }
  return emails.length;
}

type DeliveryPayload = {
  tenantId: string;
  topic: string;
  email: string;
  template: FollowMail;
  params: Record<string, unknown>;
  attachments?: MailAttachment[];
  alsoTo?: { topic: string; params: Record<string, unknown> }[];
  unsubscribeBase: string;
};

/**
 * One delivery, in the tenant's transaction the worker opens: checked again at send time, so someone who stopped
 * following in between gets nothing; the mail goes through the mail queue with one-click unsubscribe headers
 * (RFC 8058).
 */
export async function deliverFollowMail(tx: Executor, p: DeliveryPayload & { now: Date }): Promise<boolean> {
  const reasons = [{ topic: p.topic, params: {} }, ...(p.alsoTo ?? [])];
  const follows = await tx
    .select({ email: f.email, locale: f.locale, unsubscribeToken: f.unsubscribeToken, topic: f.topic })
    .from(f)
    .where(
      and(
        confirmedIn(
          p.tenantId,
          reasons.map((r) => r.topic),
        ),
        eq(f.email, p.email),
      ),
    );
  // The first subject still followed decides the unsubscribe link and what the mail says about it.
  const reason = reasons.find((r) => follows.some((follow) => follow.topic === r.topic));
  const follower = follows.find((follow) => follow.topic === reason?.topic);
  if (!reason || !follower) return false;
  const unsubscribeUrl = `${p.unsubscribeBase}/${follower.unsubscribeToken}`;
  await enqueueMail(
    tx,
    {
      to: follower.email,
      locale: follower.locale,
      template: p.template,
      params: { ...p.params, ...reason.params, unsubscribeUrl } as never,
      ...(p.attachments ? { attachments: p.attachments } : {}),
      headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    },
    { runAt: p.now },
  );
  return true;
}

/** The worker's side: it brings the tenant's transaction and the clock. */
export function followingJobHandlers(): JobHandlers {
  return {
    [FOLLOW_DELIVERY_JOB]: tenantJob<DeliveryPayload>((tx, payload, now) => deliverFollowMail(tx, { ...payload, now })),
  };
}
