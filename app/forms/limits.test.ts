import { describe, expect, it } from "vitest";
import { z } from "zod";
import { textLimits } from "../../tests/support/form-schemas.ts";
import { staffRoundForms } from "./budgeting.ts";
import { honeypot, optionalText, requiredText } from "./fields.ts";
import { honeypotLimits } from "./fields-limits.ts";

/**
 * Each form's limits module (`<forms>-limits.ts`) against the schemas that read it: the page renders the limits
 * module's figures as `maxlength`, the server enforces the schema's, and the two must say the same for every text
 * field, none left out. `fooLimits` belongs to `fooForm` of the schema module beside it, unless listed here.
 */
const limitsModules = import.meta.glob<Record<string, unknown>>(
  ["./*-limits.ts", "!./fields-limits.ts", "!./body-limits.ts"],
  {
    eager: true,
  },
);
const schemaModules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*-limits.ts", "!./*.test.ts"], {
  eager: true,
});
const sharedBy: Record<string, unknown[]> = {
  councilLimits: ["updateCouncilForm"],
  meetingFactsLimits: ["createMeetingForm", "changeMeetingForm"],
  phaseLimits: ["phaseForm", "addPhaseForm"],
  lessonLimits: ["recordLessonForm", "editLessonForm"],
  fundLimits: ["fundRulesForm"],
  paperBatchLimits: [staffRoundForms["paper-batch"]],
  paperEntryLimits: [staffRoundForms["paper-entry"]],
};

const pairs = Object.entries(limitsModules).flatMap(([path, limitsModule]) => {
  const schemas = schemaModules[path.replace(/-limits\.ts$/, ".ts")]!;
  return Object.entries(limitsModule)
    .filter(([name]) => name.endsWith("Limits"))
    .flatMap(([name, limits]) =>
      (sharedBy[name] ?? [name.replace(/Limits$/, "Form")]).map((schema) => ({
        name: `${path} ${name} ↔ ${typeof schema === "string" ? schema : "(listed)"}`,
        limits,
        schema: typeof schema === "string" ? schemas[schema] : schema,
      })),
    );
});

describe("the forms' limits modules", () => {
  it("cover the forms", () => {
    expect(pairs.length).toBeGreaterThan(50);
  });

  it.each(pairs)("$name: the schema enforces the limits the page renders", ({ limits, schema }) => {
    expect(schema, "no schema of that name").toBeDefined();
    expect(textLimits(schema as z.ZodType)).toEqual(limits);
  });

  it("hold the honeypot's limit as the schema does", () => {
    expect(textLimits(z.object(honeypot))).toEqual(honeypotLimits);
  });
});

describe("textLimits, the test's reading of a schema", () => {
  it("reads every text field's maximum, through defaults, preprocessing, arrays and unions", () => {
    const schema = z.discriminatedUnion("intent", [
      z.object({ intent: z.literal("a"), title: requiredText(150), note: optionalText(500).default("") }),
      z.object({
        intent: z.literal("b"),
        title: requiredText(300),
        rows: z.preprocess((v) => v, z.array(z.object({ name: optionalText(80) }))),
      }),
    ]);
    expect(textLimits(schema)).toEqual({
      title: { maxLength: 300 },
      note: { maxLength: 500 },
      "rows[].name": { maxLength: 80 },
    });
  });
});
