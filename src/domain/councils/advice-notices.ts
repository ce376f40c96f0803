import { and, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { enqueue, type JobHandlers, tenantJob } from "../../platform/queue/index.ts";
import { listTeam, rolesGrant } from "../identity/index.ts";
import { dutchDateOf } from "../shared/index.ts";
import { escalationAt, reminderAt } from "./advice-deadlines.ts";
import { type MailRecipient, requireCouncil } from "./require-council.ts";

export const ADVICE_NOTICE_JOB = "councils.advice-notice";

/** What happened, or which deadline is near (`reminder`) or past (`escalation`). */
export type AdviceEvent = "requested" | "given" | "responded" | "reminder" | "escalation";
/** Whose deadline: the council's advice, or the municipality's response. */
export type AdviceSide = "advice" | "response";
type NoticePayload = { tenantId: string; adviceId: string; event: AdviceEvent; side: AdviceSide; dueOn: string | null };

/**
 * Queues the mail about what just happened, and for a deadline its reminder (`reminderDays` before) and escalation
 * (the morning after). Each job carries the deadline it was planned for; when it runs it checks that the advice is
 * still waiting for that deadline, so an answer in time silences both.
 */
export async function scheduleAdviceNotices(
  tx: Executor,
  o: {
    tenantId: string;
    adviceId: string;
    event: AdviceEvent;
    side: AdviceSide;
    dueOn: string | null;
    reminderDays: number;
    now: Date;
  },
): Promise<void> {
  const base = { tenantId: o.tenantId, adviceId: o.adviceId, side: o.side, dueOn: o.dueOn };
  await enqueue(tx, ADVICE_NOTICE_JOB, { ...base, event: o.event }, { runAt: o.now });
  if (!o.dueOn) return;
  const reminder = reminderAt(o.dueOn, o.reminderDays);
  if (reminder && reminder > o.now)
    await enqueue(tx, ADVICE_NOTICE_JOB, { ...base, event: "reminder" }, { runAt: reminder });
  const escalation = escalationAt(o.dueOn);
  await enqueue(
    tx,
    ADVICE_NOTICE_JOB,
    { ...base, event: "escalation" },
    { runAt: new Date(Math.max(escalation.getTime(), o.now.getTime())) },
  );
}

/** Who hears of each event: the council's secretary, the municipality's advice staff, or both. */
const audience: Record<AdviceEvent, Record<AdviceSide, readonly ("secretary" | "staff")[]>> = {
  requested: { advice: ["secretary", "staff"], response: [] },
  given: { advice: [], response: ["staff"] },
  responded: { advice: [], response: ["secretary"] },
  reminder: { advice: ["secretary"], response: ["staff"] },
  escalation: { advice: ["secretary", "staff"], response: ["staff", "secretary"] },
};

/** The status an advice must still have for a deadline's reminder or escalation to make sense. */
const waitingFor = { advice: "requested", response: "advised" } as const;

async function adviceStaff(tx: Executor, tenantId: string): Promise<MailRecipient[]> {
  const team = await listTeam(tx, { tenantId });
  return team
    .filter((member) => rolesGrant([member.role], "advice:manage"))
    .map(({ email, locale }) => ({ email, locale }));
}

/**
 * The worker's side: mails the people of the event, each in their own language, in the tenant's transaction, at
 * the worker's time.
 */
export async function deliverAdviceNotice(
  tx: Tx,
  o: NoticePayload & { publicUrl: string; now: Date },
): Promise<number> {
  const [row] = await tx
    .select({ advice: schema.advice, slug: schema.tenants.slug })
    .from(schema.advice)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.advice.tenantId))
    .where(and(eq(schema.advice.tenantId, o.tenantId), eq(schema.advice.id, o.adviceId)));
  if (!row) return 0;
  const { advice, slug } = row;
  if (o.event === "reminder" || o.event === "escalation") {
    const due = o.side === "advice" ? advice.adviceDueOn : advice.responseDueOn;
    if (advice.status !== waitingFor[o.side] || due !== o.dueOn) return 0;
  }
  const council = await requireCouncil(tx, {
    tenantId: o.tenantId,
    councilId: advice.councilId,
    today: dutchDateOf(o.now),
  });
  const urls = {
    staff: `${o.publicUrl}/${slug}/beheer/advies/${advice.id}`,
    secretary: `${o.publicUrl}/${slug}/raad/${council.slug}/advies`,
  };
  const sent = new Set<string>();
  for (const who of audience[o.event][o.side]) {
    const recipients = who === "staff" ? await adviceStaff(tx, o.tenantId) : council.secretaries;
    for (const { email: to, locale } of recipients) {
      if (sent.has(to)) continue;
      sent.add(to);
      await enqueueMail(
        tx,
        {
          to,
          locale,
          template: "advice-notice",
          params: {
            event: o.event,
            side: o.side,
            council: council.name,
            subject: advice.subject,
            dueOn: o.dueOn,
            url: urls[who],
          },
        },
        { runAt: o.now },
      );
    }
  }
  return sent.size;
}

export function adviceJobHandlers(o: { publicUrl: string }): JobHandlers {
  return {
    [ADVICE_NOTICE_JOB]: tenantJob<NoticePayload>((tx, payload, now) =>
      deliverAdviceNotice(tx, { ...payload, publicUrl: o.publicUrl, now }),
    ),
  };
}
