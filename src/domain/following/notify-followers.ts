import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { enqueueMail, type MailAttachment, type MailTemplate, type MailTemplates } from "../../mail/index.ts";
import { enqueue, type JobHandlers, tenantJob } from "../../platform/queue/index.ts";

export const FOLLOW_DELIVERY_JOB = "following.deliver";

const f = schema.follows;

/** The mails a follower can get: each carries the one-click unsubscribe address, filled in per follower. */
export type FollowMail = {
  [T in MailTemplate]: MailTemplates[T] extends { unsubscribeUrl: string } ? T : never;
}[MailTemplate];

export type Follower = { email: string; locale: "nl" | "en"; unsubscribeToken: string };

const confirmed = (tenantId: string, topic: string) =>
  and(eq(f.tenantId, tenantId), eq(f.topic, topic), isNotNull(f.confirmedAt), isNull(f.unsubscribedAt));

/** Who follows a topic: confirmed and not stopped, never anyone else. */
export function listFollowers(tx: Executor, o: { tenantId: string; topic: string }): Promise<Follower[]> {
  return tx
    .select({ email: f.email, locale: f.locale, unsubscribeToken: f.unsubscribeToken })
    .from(f)
    .where(confirmed(o.tenantId, o.topic))
    .orderBy(f.email);
}

export type NotifyFollowersOptions<T extends FollowMail> = {
  tenantId: string;
  topic: string;
  template: T;
  params: Omit<MailTemplates[T], "unsubscribeUrl">;
  /** The same for every follower, e.g. a meeting's updated `.ics`. */
  attachments?: MailAttachment[];
  /** The unsubscribe page's address without the secret; each mail appends its follower's. */
  unsubscribeBase: string;
  now: Date;
};

/**
 * Queues one mail per follower in the caller's transaction (sent after it commits). Each delivery checks again at
 * send time, so someone who stopped following in between gets nothing.
 */
export async function notifyFollowers<T extends FollowMail>(tx: Executor, o: NotifyFollowersOptions<T>) {
  const followers = await listFollowers(tx, o);
  for (const follower of followers) {
    await enqueue(
      tx,
      FOLLOW_DELIVERY_JOB,
      {
        tenantId: o.tenantId,
        topic: o.topic,
        email: follower.email,
        template: o.template,
        params: o.params,
        ...(o.attachments ? { attachments: o.attachments } : {}),
        unsubscribeBase: o.unsubscribeBase,
      },
      { runAt: o.now },
    );
  }
  return followers.length;
}

type DeliveryPayload = {
  tenantId: string;
  topic: string;
  email: string;
  template: FollowMail;
  params: Record<string, unknown>;
  attachments?: MailAttachment[];
  unsubscribeBase: string;
};

/**
 * One delivery, in the tenant's transaction the worker opens: checked again at send time, so someone who stopped
 * following in between gets nothing; the mail goes through the mail queue with one-click unsubscribe headers
 * (RFC 8058).
 */
export async function deliverFollowMail(tx: Executor, p: DeliveryPayload & { now: Date }): Promise<boolean> {
  const [follower] = await tx
    .select({ email: f.email, locale: f.locale, unsubscribeToken: f.unsubscribeToken })
    .from(f)
    .where(and(confirmed(p.tenantId, p.topic), eq(f.email, p.email)));
  if (!follower) return false;
  const unsubscribeUrl = `${p.unsubscribeBase}/${follower.unsubscribeToken}`;
  await enqueueMail(
    tx,
    {
      to: follower.email,
      locale: follower.locale,
      template: p.template,
      params: { ...p.params, unsubscribeUrl } as never,
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
