import { schema, type Tx } from "../../db/index.ts";
import { addDays, dutchTime, recordAudit } from "../shared/index.ts";
import { slugify } from "./dates.ts";
import { ProcessesError } from "./errors.ts";
import { findTemplate } from "./templates.ts";

export type CreateProcessOptions = {
  tenantId: string;
  template: string;
  title: string;
  /** The first phase's start; the template's phases follow from it. */
  startsOn: string;
  responsible: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Staff start a process from a template: the process as a draft, its phases with dates counted from the start, and
 * the template's moments of influence (open from 09:00 on the phase's first day to 17:00 on its last; feedback four
 * weeks later). Everything can be adapted before it is published.
 */
export async function createProcess(tx: Tx, o: CreateProcessOptions): Promise<{ id: string; slug: string }> {
  const template = findTemplate(o.template);
  if (!template) throw new ProcessesError("processes.unknown-template");
  const slug = slugify(o.title);
  const [process] = await tx
    .insert(schema.processes)
    .values({
      tenantId: o.tenantId,
      slug,
      title: o.title,
      description: template.description,
      fixed: template.fixed,
      open: template.open,
      decisionKind: template.decisionKind,
      decidedBy: template.decidedBy,
      responsible: o.responsible,
      template: template.id,
      createdAt: o.now,
    })
    // The unique slug decides between two staff members creating the same title at once, not an earlier look.
    .onConflictDoNothing({ target: [schema.processes.tenantId, schema.processes.slug] })
    .returning({ id: schema.processes.id, slug: schema.processes.slug });
  if (!process) throw new ProcessesError("processes.slug-taken", { slug });
  for (const phase of template.phases) {
    const startsOn = addDays(o.startsOn, phase.offsetDays);
    const endsOn = addDays(startsOn, phase.days - 1);
    const [row] = await tx
      .insert(schema.processPhases)
      .values({
        tenantId: o.tenantId,
        processId: process.id,
        stage: phase.stage,
        title: phase.title,
        startsOn,
        endsOn,
        level: phase.level,
        participants: phase.participants,
      })
      .returning({ id: schema.processPhases.id });
    for (const moment of phase.moments) {
      await tx.insert(schema.processMoments).values({
        tenantId: o.tenantId,
        processId: process.id,
        phaseId: row!.id,
        ...moment,
        opensAt: dutchTime(startsOn, "09:00"),
        closesAt: dutchTime(endsOn, "17:00"),
        feedbackOn: addDays(endsOn, 28),
      });
    }
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.created",
    subject: process.id,
    details: { template: template.id, title: o.title },
  });
  return process;
}
