import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { readUpload, type StoredFile } from "../../platform/uploads/index.ts";
import { isUuid } from "./lock-council.ts";
import type { AgendaItemVisibility, CouncilMeetingStatus, MeetingReportKind } from "./meeting-kinds.ts";

export type CouncilMeetingSummary = {
  id: string;
  councilId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string | null;
  status: CouncilMeetingStatus;
  publishedAt: Date | null;
  reportKind: MeetingReportKind | null;
  /** Raised by every change: the feed's SEQUENCE and the version a change form carries. */
  sequence: number;
  cancelledAt: Date | null;
  cancellationReason: string | null;
};

export type MeetingDocument = { id: string; title: string; fileName: string; byteSize: number };

export type AgendaItem = {
  id: string;
  position: number;
  visibility: AgendaItemVisibility;
  title: string;
  explanation: string;
  report: string | null;
  /** Taken off a published agenda (vervallen): it keeps its number; its documents are no longer listed or served. */
  withdrawn: boolean;
  documents: MeetingDocument[];
};

/** What the public learns of a closed item: that it is on the agenda, and where. */
export type ClosedAgendaItem = { position: number; visibility: "closed" };
export type PublicAgendaItem = (AgendaItem & { visibility: "public" }) | ClosedAgendaItem;

export type CouncilMeeting = CouncilMeetingSummary & {
  report: string | null;
  /** Documents of the meeting as a whole. */
  documents: MeetingDocument[];
  items: AgendaItem[];
  /** Documents taken off after publication (kept, served to no one): the secretary may put them back. */
  removedDocuments: (MeetingDocument & { itemPosition: number | null })[];
};

export type PublicCouncilMeeting = Omit<CouncilMeeting, "items" | "removedDocuments"> & { items: PublicAgendaItem[] };

const m = schema.councilMeetings;
const summary = {
  id: m.id,
  councilId: m.councilId,
  title: m.title,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  place: m.place,
  onlineUrl: m.onlineUrl,
  status: m.status,
  publishedAt: m.publishedAt,
  reportKind: m.reportKind,
  sequence: m.sequence,
  cancelledAt: m.cancelledAt,
  cancellationReason: m.cancellationReason,
};

/** A council's meetings, or every council's, by date; drafts only for the council's own pages, cancelled ones marked. */
export async function listMeetings(
  tx: Executor,
  o: { tenantId: string; councilId?: string; publishedOnly: boolean },
): Promise<CouncilMeetingSummary[]> {
  return tx
    .select(summary)
    .from(m)
    .where(
      and(
        eq(m.tenantId, o.tenantId),
        o.councilId === undefined ? undefined : eq(m.councilId, o.councilId),
        o.publishedOnly ? eq(m.status, "published") : undefined,
      ),
    )
    .orderBy(asc(m.startsAt), asc(m.id));
}

/** One meeting of the council with its whole agenda, closed items included: for the council and staff only. */
export async function getMeeting(
  tx: Executor,
  o: { tenantId: string; councilId: string; meetingId: string },
): Promise<CouncilMeeting | undefined> {
  if (!isUuid(o.meetingId)) return undefined;
  const [meeting] = await tx
    .select({ ...summary, report: m.report })
    .from(m)
    .where(and(eq(m.tenantId, o.tenantId), eq(m.councilId, o.councilId), eq(m.id, o.meetingId)));
  if (!meeting) return undefined;
  const i = schema.councilAgendaItems;
  const items = await tx
    .select({
      id: i.id,
      position: i.position,
      visibility: i.visibility,
      title: i.title,
      explanation: i.explanation,
      report: i.report,
      withdrawnAt: i.withdrawnAt,
    })
    .from(i)
    .where(and(eq(i.tenantId, o.tenantId), eq(i.meetingId, meeting.id)))
    .orderBy(asc(i.position));
  const d = schema.councilMeetingDocuments;
  const u = schema.uploads;
  const documents = await tx
    .select({
      id: d.id,
      itemId: d.itemId,
      title: d.title,
      fileName: u.fileName,
      byteSize: u.byteSize,
      removed: isNotNull(d.removedAt).mapWith(Boolean),
    })
    .from(d)
    .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.uploadId)))
    .where(and(eq(d.tenantId, o.tenantId), eq(d.meetingId, meeting.id)))
    .orderBy(asc(d.createdAt), asc(d.id));
  const shown = documents.filter((doc) => !doc.removed);
  const of = (itemId: string | null) =>
    shown.filter((doc) => doc.itemId === itemId).map(({ itemId: _, removed: __, ...doc }) => doc);
  const positionOf = (itemId: string | null) => items.find((item) => item.id === itemId)?.position ?? null;
  return {
    ...meeting,
    documents: of(null),
    items: items.map(({ withdrawnAt, ...item }) => ({
      ...item,
      withdrawn: withdrawnAt !== null,
      documents: withdrawnAt === null ? of(item.id) : [],
    })),
    removedDocuments: documents
      .filter((doc) => doc.removed)
      .map(({ itemId, removed: _, ...doc }) => ({ ...doc, itemPosition: positionOf(itemId) })),
  };
}

/**
 * A published meeting as the public may see it: a closed item keeps only its place on the agenda, never its title,
 * explanation, report or documents. Undefined for a draft, as for a meeting that does not exist.
 */
export async function getPublicMeeting(
  tx: Executor,
  o: { tenantId: string; councilId: string; meetingId: string },
): Promise<PublicCouncilMeeting | undefined> {
  const meeting = await getMeeting(tx, o);
  if (meeting?.status !== "published") return undefined;
  const { removedDocuments: _, ...shown } = meeting;
  return {
    ...shown,
    items: shown.items.map(
      (item): PublicAgendaItem =>
        item.visibility === "public"
          ? { ...item, visibility: "public" }
          : { position: item.position, visibility: "closed" },
    ),
  };
}

/**
 * A meeting's document with its bytes. For the public (`everyone`) only when the meeting is published and the
 * document belongs to the whole meeting or to a public item; the council and staff (`council`) get every one. A
 * removed document, or one of a withdrawn item, is served to no one here (staff still reach the file by its upload).
 */
export async function readMeetingDocument(
  tx: Executor,
  o: { tenantId: string; councilId: string; meetingId: string; documentId: string; audience: "everyone" | "council" },
): Promise<StoredFile | undefined> {
  if (!isUuid(o.meetingId) || !isUuid(o.documentId)) return undefined;
  const d = schema.councilMeetingDocuments;
  const i = schema.councilAgendaItems;
  const [found] = await tx
    .select({ uploadId: d.uploadId, status: m.status, itemVisibility: i.visibility, itemWithdrawnAt: i.withdrawnAt })
    .from(d)
    .innerJoin(m, and(eq(m.tenantId, d.tenantId), eq(m.id, d.meetingId)))
    .leftJoin(i, and(eq(i.tenantId, d.tenantId), eq(i.id, d.itemId)))
    .where(
      and(
        eq(d.tenantId, o.tenantId),
        eq(d.id, o.documentId),
        eq(d.meetingId, o.meetingId),
        eq(m.councilId, o.councilId),
        isNull(d.removedAt),
      ),
    );
  if (!found || found.itemWithdrawnAt) return undefined;
  const isPublic = found.status === "published" && found.itemVisibility !== "closed";
  if (o.audience === "everyone" && !isPublic) return undefined;
  return readUpload(tx, { tenantId: o.tenantId, uploadId: found.uploadId });
}
