import { and, asc, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { ActionStatus } from "./agenda-action-steps.ts";

/** What one municipality of a learning group shows the others: only what the exchange needs (ADR 0036). */
export type GroupPeer = {
  applicationId: string;
  municipalityName: string;
  /** The first contact of the peer's application, and only when its coordinator opted in. */
  contact: { name: string; role: string; email: string } | null;
  actions: { id: string; text: string; status: ActionStatus }[];
};

/** A learning group as one of its municipalities sees it: its own opt-in and the other municipalities. */
export type LearningGroup = {
  applicationId: string;
  trajectoryTitle: string;
  trajectorySlug: string;
  contactShared: boolean;
  /** The own contact the opt-in would show, so the coordinator knows whom they share. */
  ownContact: GroupPeer["contact"];
  peers: GroupPeer[];
};

type PeerRow = {
  own_application_id: string;
  application_id: string;
  municipality_name: string;
  contact: GroupPeer["contact"];
  actions: GroupPeer["actions"];
};

/**
 * The learning groups of a municipality (one per trajectory it is admitted to) with the other admitted
 * municipalities of each. Run in the municipality's own transaction: its own applications come through row-level
 * security, the others only through `learning_group_peers()`, which reads the asker from the transaction's tenant and
 * returns the peers of its own groups and nothing else, contacts only where opted in.
 */
export async function listLearningGroups(tx: Executor, o: { municipalityId: string }): Promise<LearningGroup[]> {
  const own = await tx
    .select({
      applicationId: schema.applications.id,
      trajectoryTitle: schema.trajectories.title,
      trajectorySlug: schema.trajectories.slug,
      contactShared: schema.applications.contactShared,
      contacts: schema.applications.contacts,
    })
    .from(schema.applications)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.applications.trajectoryId))
    .where(and(eq(schema.applications.municipalityId, o.municipalityId), eq(schema.applications.status, "admitted")))
    .orderBy(asc(schema.trajectories.title), asc(schema.applications.id));
  if (own.length === 0) return [];
  const { rows } = (await tx.execute(sql`select * from learning_group_peers()`)) as unknown as { rows: PeerRow[] };
  return own.map(({ contacts, ...group }) => ({
    ...group,
    ownContact: contacts[0] ? { name: contacts[0].name, role: contacts[0].role, email: contacts[0].email } : null,
    peers: rows
      .filter((row) => row.own_application_id === group.applicationId)
      .map((row) => ({
        applicationId: row.application_id,
        municipalityName: row.municipality_name,
        contact: row.contact,
        actions: row.actions,
      })),
  }));
}
