import { type Executor, schema } from "../../db/index.ts";
import type { TargetGroup } from "./create-trajectory.ts";
import { ProgrammeError } from "./errors.ts";
import { insertWithSlug, requirePositive, requireSlug, requireText } from "./input-rules.ts";
import { requireProgrammeTenant } from "./require-programme-tenant.ts";

export type Workshop = typeof schema.workshops.$inferSelect;

export type PublishWorkshopOptions = {
  tenantId: string;
  slug: string;
  title: string;
  format: Workshop["format"];
  themes: readonly string[];
  targetGroups: readonly TargetGroup[];
  maxParticipants: number;
  dayparts: number;
  investment: Workshop["investment"];
  summary: string;
  description: string;
  questions?: readonly string[];
};

/** A workshop municipalities can book (in-company), shown in the programme's offer. */
export async function publishWorkshop(tx: Executor, o: PublishWorkshopOptions): Promise<Workshop> {
  requireSlug(o.slug);
  for (const field of ["title", "summary", "description"] as const) requireText(field, o[field]);
  requirePositive("maxParticipants", o.maxParticipants);
  requirePositive("dayparts", o.dayparts);
  if (o.targetGroups.length === 0) throw new ProgrammeError("programme.no-target-group");
  await requireProgrammeTenant(tx, o.tenantId);
  return insertWithSlug(o.slug, () =>
    tx
      .insert(schema.workshops)
      .values({
        ...o,
        themes: [...o.themes],
        targetGroups: [...o.targetGroups],
        questions: [...(o.questions ?? [])],
      })
      .returning(),
  );
}
