import type { Tx } from "../../db/index.ts";
import { schema } from "../../db/index.ts";
import { dutchDateOf, recordAudit, termCalendarOf } from "../shared/index.ts";
import { adviceDueOn } from "./advice-deadlines.ts";
import { scheduleAdviceNotices } from "./advice-notices.ts";
import { getAdviceTerms } from "./advice-terms.ts";
import { findAdviceByKey } from "./read-advice.ts";
import { requireCouncil } from "./require-council.ts";

export type RequestAdviceOptions = {
  tenantId: string;
  councilId: string;
  subject: string;
  question: string;
  /** The form's hidden key: a second submission of the same form returns the first request. */
  idempotencyKey?: string | null;
  actorPersonId: string | null;
  now: Date;
};

/**
 * The municipality asks a council for advice. The council's deadline is fixed now, from today's Dutch date, the
 * municipality's term and its calendar; the secretary and staff hear of it, and the reminder and escalation wait in
 * the queue.
 */
export async function requestAdvice(tx: Tx, o: RequestAdviceOptions): Promise<{ id: string; adviceDueOn: string }> {
  if (o.idempotencyKey) {
    const repeat = await findAdviceByKey(tx, { tenantId: o.tenantId, key: o.idempotencyKey });
    if (repeat?.adviceDueOn) return { id: repeat.id, adviceDueOn: repeat.adviceDueOn };
  }
  const requestedOn = dutchDateOf(o.now);
  await requireCouncil(tx, { ...o, today: requestedOn });
  const terms = await getAdviceTerms(tx, o);
  const due = adviceDueOn(requestedOn, terms.councilTerm, await termCalendarOf(tx, o));
  const [created] = await tx
    .insert(schema.advice)
    .values({
      tenantId: o.tenantId,
      councilId: o.councilId,
      kind: "solicited",
      status: "requested",
      subject: o.subject,
      question: o.question,
      requestedOn,
      requestedAt: o.now,
      requestedById: o.actorPersonId,
      adviceTermLength: terms.councilTerm.length,
      adviceTermUnit: terms.councilTerm.unit,
      adviceDueOn: due,
      idempotencyKey: o.idempotencyKey ?? null,
      createdAt: o.now,
    })
    .onConflictDoNothing()
    .returning({ id: schema.advice.id });
  if (!created) {
    // The same form's key, sent twice at once: the other transaction created it.
    const repeat = await findAdviceByKey(tx, { tenantId: o.tenantId, key: o.idempotencyKey ?? "" });
    return { id: repeat!.id, adviceDueOn: repeat!.adviceDueOn! };
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.advice-requested",
    subject: created.id,
    details: { councilId: o.councilId, adviceDueOn: due },
  });
  await scheduleAdviceNotices(tx, {
    tenantId: o.tenantId,
    adviceId: created.id,
    event: "requested",
    side: "advice",
    dueOn: due,
    reminderDays: terms.reminderDays,
    now: o.now,
  });
  return { id: created.id, adviceDueOn: due };
}
