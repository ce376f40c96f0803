import { and, asc, desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Executor, schema } from "../../db/index.ts";
import { isLate } from "../shared/index.ts";
import { InitiativesError } from "./errors.ts";
import type { InitiativeStatus } from "./initiative-states.ts";
import type { InitiativeSupportKind } from "./submit-initiative.ts";

const table = schema.initiatives;
const contacts = alias(schema.people, "contact_people");

/** Whether the contact person came (or is still coming) after the municipality's term. */
export const assignmentLate = (o: { assignDueOn: string; assignedAt: Date | null; now: Date }) =>
  isLate({ dueOn: o.assignDueOn, doneAt: o.assignedAt, now: o.now });

export type InitiativeListItem = {
  id: string;
  reference: string;
  title: string;
  areaName: string | null;
  status: InitiativeStatus;
  contactName: string | null;
  submittedOn: string;
  assignDueOn: string;
  assigned: boolean;
  /** Assigned after the term, or not assigned and the term is over: the work list flags it. */
  late: boolean;
};

/** The staff work list: open initiatives first, the oldest first within. */
export async function listInitiatives(tx: Executor, o: { tenantId: string; now: Date }): Promise<InitiativeListItem[]> {
  const rows = await tx
    .select({
      id: table.id,
      reference: table.reference,
      title: table.title,
      areaName: schema.areas.name,
      status: table.status,
      contactName: contacts.displayName,
      submittedOn: table.submittedOn,
      assignDueOn: table.assignDueOn,
      assignedAt: table.assignedAt,
    })
    .from(table)
    .leftJoin(schema.areas, and(eq(schema.areas.tenantId, table.tenantId), eq(schema.areas.id, table.areaId)))
    .leftJoin(contacts, eq(contacts.id, table.contactPersonId))
    .where(eq(table.tenantId, o.tenantId))
    .orderBy(asc(table.submittedOn), asc(table.reference));
  const open = (s: InitiativeStatus) => s === "received" || s === "in-progress";
  return rows
    .map(({ assignedAt, ...row }) => ({
      ...row,
      assigned: assignedAt !== null,
      late: assignmentLate({ assignDueOn: row.assignDueOn, assignedAt, now: o.now }),
    }))
    .sort((a, b) => Number(open(b.status)) - Number(open(a.status)));
}

export type InitiativeMessage = {
  id: string;
  author: "initiator" | "municipality";
  authorName: string | null;
  body: string;
  status: InitiativeStatus | null;
  createdAt: Date;
};

export type InitiativeDetail = {
  id: string;
  reference: string;
  title: string;
  description: string;
  areaId: string | null;
  areaName: string | null;
  location: string;
  involved: string;
  support: InitiativeSupportKind[];
  supportNote: string;
  initiatorName: string;
  initiatorEmail: string;
  showcase: boolean;
  status: InitiativeStatus;
  statusReason: string;
  contactPersonId: string | null;
  contactName: string | null;
  submittedOn: string;
  assignDueOn: string;
  late: boolean;
  messages: InitiativeMessage[];
};

/** One initiative with its thread, for staff and for its initiator (through the secret link). */
export async function getInitiative(
  tx: Executor,
  o: { tenantId: string; initiativeId: string; now: Date },
): Promise<InitiativeDetail> {
  const [row] = await tx
    .select({
      initiative: table,
      areaName: schema.areas.name,
      contactName: contacts.displayName,
    })
    .from(table)
    .leftJoin(schema.areas, and(eq(schema.areas.tenantId, table.tenantId), eq(schema.areas.id, table.areaId)))
    .leftJoin(contacts, eq(contacts.id, table.contactPersonId))
    .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.initiativeId)));
  if (!row) throw new InitiativesError("initiatives.initiative-not-found");
  const { initiative: i } = row;
  const messages = await tx
    .select({
      id: schema.initiativeMessages.id,
      author: schema.initiativeMessages.author,
      authorName: schema.people.displayName,
      body: schema.initiativeMessages.body,
      status: schema.initiativeMessages.status,
      createdAt: schema.initiativeMessages.createdAt,
    })
    .from(schema.initiativeMessages)
    .leftJoin(schema.people, eq(schema.people.id, schema.initiativeMessages.authorPersonId))
    .where(and(eq(schema.initiativeMessages.tenantId, o.tenantId), eq(schema.initiativeMessages.initiativeId, i.id)))
    .orderBy(asc(schema.initiativeMessages.seq));
  return {
    id: i.id,
    reference: i.reference,
    title: i.title,
    description: i.description,
    areaId: i.areaId,
    areaName: row.areaName,
    location: i.location,
    involved: i.involved,
    support: i.support,
    supportNote: i.supportNote,
    initiatorName: i.initiatorName,
    initiatorEmail: i.initiatorEmail,
    showcase: i.showcase,
    status: i.status,
    statusReason: i.statusReason,
    contactPersonId: i.contactPersonId,
    contactName: row.contactName,
    submittedOn: i.submittedOn,
    assignDueOn: i.assignDueOn,
    late: assignmentLate({ assignDueOn: i.assignDueOn, assignedAt: i.assignedAt, now: o.now }),
    messages: messages.map((m) => ({ ...m, authorName: m.author === "municipality" ? m.authorName : null })),
  };
}

export type ShowcaseItem = {
  reference: string;
  title: string;
  description: string;
  area: { code: string; name: string } | null;
  support: InitiativeSupportKind[];
  status: InitiativeStatus;
  submittedOn: string;
};

/**
 * The public showcase: initiatives whose initiators opted in and that were not declined, with what they are about
 * and where, never who. The columns are chosen here, so no personal field can slip into the page or the API.
 */
export async function listShowcase(tx: Executor, o: { tenantId: string }): Promise<ShowcaseItem[]> {
  const rows = await tx
    .select({
      reference: table.reference,
      title: table.title,
      description: table.description,
      areaCode: schema.areas.code,
      areaName: schema.areas.name,
      support: table.support,
      status: table.status,
      submittedOn: table.submittedOn,
    })
    .from(table)
    .leftJoin(schema.areas, and(eq(schema.areas.tenantId, table.tenantId), eq(schema.areas.id, table.areaId)))
    .where(and(eq(table.tenantId, o.tenantId), eq(table.showcase, true), ne(table.status, "declined")))
    .orderBy(desc(table.submittedOn), desc(table.reference));
  return rows.map(({ areaCode, areaName, ...row }) => ({
    ...row,
    area: areaCode && areaName ? { code: areaCode, name: areaName } : null,
  }));
}
