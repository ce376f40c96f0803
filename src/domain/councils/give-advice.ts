import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf, recordAudit, termCalendarOf } from "../shared/index.ts";
import { responseDueOn } from "./advice-deadlines.ts";
import { scheduleAdviceNotices } from "./advice-notices.ts";
import { refusalOf } from "./advice-states.ts";
import { getAdviceTerms } from "./advice-terms.ts";
import { CouncilsError } from "./errors.ts";
import type { CouncilRole } from "./kinds.ts";
import { findAdviceByKey } from "./read-advice.ts";
import { listSeatsOf } from "./read-councils.ts";
import { requireCouncil } from "./require-council.ts";

export type GiveAdviceOptions = {
  tenantId: string;
  councilId: string;
  /** The advice: to a request (`requestId`), or unasked (`subject`). */
  answer: { requestId: string } | { subject: string };
  adviceText: string;
  idempotencyKey?: string | null;
  /** Who sends it: they must hold the council's secretary's or chair's seat today. */
  actorPersonId: string;
  now: Date;
};

/** The officers who send a council's advice on its behalf. */
const ADVISING_ROLES: readonly CouncilRole[] = ["secretary", "chair"];

/** Refused unless the person holds the council's secretary's or chair's seat on `today`: they act for the council. */
export async function requireAdvisingSeat(
  tx: Tx,
  o: { tenantId: string; councilId: string; actorPersonId: string; today: string },
): Promise<void> {
  const seat = (await listSeatsOf(tx, { tenantId: o.tenantId, personId: o.actorPersonId, today: o.today })).find(
    (s) => s.councilId === o.councilId,
  );
  if (!seat) throw new CouncilsError("councils.not-on-council");
  if (!ADVISING_ROLES.includes(seat.role)) throw new CouncilsError("councils.advice-secretary-only");
}

/**
 * A council gives its advice, to a request or unasked, sent by its secretary or chair. The municipality's response term starts today (Dutch date)
 * and its deadline is fixed now. Answering a request is a conditional update (`where status = 'requested'`), so of
 * two answers sent at once exactly one counts and the other hears that the advice was already given.
 */
export async function giveAdvice(tx: Tx, o: GiveAdviceOptions): Promise<{ id: string; responseDueOn: string }> {
  const advisedOn = dutchDateOf(o.now);
  await requireCouncil(tx, { ...o, today: advisedOn });
  await requireAdvisingSeat(tx, { ...o, today: advisedOn });
  const terms = await getAdviceTerms(tx, o);
  const due = responseDueOn(advisedOn, terms.responseTerm, await termCalendarOf(tx, o));
  const advised = {
    status: "advised" as const,
    adviceText: o.adviceText,
    advisedOn,
    advisedAt: o.now,
    advisedById: o.actorPersonId,
    responseTermLength: terms.responseTerm.length,
    responseTermUnit: terms.responseTerm.unit,
    responseDueOn: due,
  };
  let id: string;
  if ("requestId" in o.answer) {
    const mine = and(
      eq(schema.advice.tenantId, o.tenantId),
      eq(schema.advice.id, o.answer.requestId),
      eq(schema.advice.councilId, o.councilId),
    );
    const [updated] = await tx
      .update(schema.advice)
      .set(advised)
      .where(and(mine, eq(schema.advice.status, "requested")))
      .returning({ id: schema.advice.id });
    if (!updated) {
      const [current] = await tx.select({ status: schema.advice.status }).from(schema.advice).where(mine);
      throw new CouncilsError(
        current ? (refusalOf("give", current.status) ?? "councils.advice-not-found") : "councils.advice-not-found",
      );
    }
    id = updated.id;
  } else {
    if (o.idempotencyKey) {
      const repeat = await findAdviceByKey(tx, { tenantId: o.tenantId, key: o.idempotencyKey });
      if (repeat?.responseDueOn) return { id: repeat.id, responseDueOn: repeat.responseDueOn };
    }
    const [created] = await tx
      .insert(schema.advice)
      .values({
        tenantId: o.tenantId,
        councilId: o.councilId,
        kind: "unsolicited",
        subject: o.answer.subject,
        idempotencyKey: o.idempotencyKey ?? null,
        createdAt: o.now,
        ...advised,
      })
      .onConflictDoNothing()
      .returning({ id: schema.advice.id });
    if (!created) {
      const repeat = await findAdviceByKey(tx, { tenantId: o.tenantId, key: o.idempotencyKey ?? "" });
      return { id: repeat!.id, responseDueOn: repeat!.responseDueOn! };
    }
    id = created.id;
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.advice-given",
    subject: id,
    details: { councilId: o.councilId, responseDueOn: due },
  });
  await scheduleAdviceNotices(tx, {
    tenantId: o.tenantId,
    adviceId: id,
    event: "given",
    side: "response",
    dueOn: due,
    reminderDays: terms.reminderDays,
    now: o.now,
  });
  return { id, responseDueOn: due };
}
