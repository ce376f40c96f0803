import { and, count, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { lockMeeting } from "./meeting-access.ts";

export type PublishMeetingOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  actorPersonId: string;
  now: Date;
};

/**
 * Draft → published: from now on the public page, the calendar feed and the open data show the meeting and its
 * public items. A meeting without an agenda is not published. A conditional update: a second publish changes nothing
 * and hears that it was published already.
 */
export async function publishMeeting(tx: Tx, o: PublishMeetingOptions): Promise<void> {
  await lockMeeting(tx, o);
  const i = schema.councilAgendaItems;
  const [items] = await tx
    .select({ n: count() })
    .from(i)
    .where(and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId)));
  if (!items?.n) throw new CouncilsError("councils.meeting-agenda-empty");
  const m = schema.councilMeetings;
  const [published] = await tx
    .update(m)
    .set({ status: "published", publishedAt: o.now })
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.meetingId), eq(m.status, "draft")))
    .returning({ id: m.id });
  if (!published) throw new CouncilsError("councils.meeting-already-published");
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.meeting-publish",
    subject: o.meetingId,
    details: { councilId: o.councilId },
  });
}
