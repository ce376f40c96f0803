import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { requireMeetingEditor } from "./meeting-access.ts";

export type CreateMeetingOptions = {
  tenantId: string;
  councilId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string | null;
  /** The form's hidden key: submitting the same form twice makes one meeting. */
  idempotencyKey: string;
  actorPersonId: string;
  now: Date;
};

/** A new meeting of the council, as a draft: nobody outside the council sees it until it is published. */
export async function createMeeting(tx: Tx, o: CreateMeetingOptions): Promise<{ id: string }> {
  await requireMeetingEditor(tx, o);
  if (o.endsAt <= o.startsAt) throw new CouncilsError("councils.meeting-times-invalid");
  const m = schema.councilMeetings;
  const { row, created } = await insertOnce(
    () =>
      tx
        .insert(m)
        .values({
          tenantId: o.tenantId,
          councilId: o.councilId,
          title: o.title,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          place: o.place,
          onlineUrl: o.onlineUrl,
          idempotencyKey: o.idempotencyKey,
          createdAt: o.now,
        })
        .onConflictDoNothing({ target: [m.tenantId, m.idempotencyKey] })
        .returning({ id: m.id }),
    () =>
      tx
        .select({ id: m.id })
        .from(m)
        .where(and(eq(m.tenantId, o.tenantId), eq(m.councilId, o.councilId), eq(m.idempotencyKey, o.idempotencyKey))),
  );
  if (created)
    await recordAudit(tx, {
      tenantId: o.tenantId,
      actorPersonId: o.actorPersonId,
      action: "councils.meeting-create",
      subject: row.id,
      details: { councilId: o.councilId, startsAt: o.startsAt.toISOString() },
    });
  return row;
}
