import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldNames, isZod, ownMessages, type ZodNode } from "../../tests/support/form-schemas.ts";
import { isMessageKey } from "../i18n/catalogue.ts";
import { parseFormData } from "../server/forms.server.ts";

/** Every form schema in `app/forms`, found by what the modules export, so a new form is checked without a list. */
const schemas = Object.entries(import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true }))
  .flatMap(([file, exports]) => Object.entries(exports).map(([name, value]) => [`${file}#${name}`, value] as const))
  .filter((entry): entry is readonly [`${string}#${string}`, ZodNode] => isZod(entry[1]));

const value = fc.oneof(
  fc.constantFrom("", " ", "on", "yes", "question", "intake-scheduled", "quote", "schedule", "agenda-item", "withdraw"),
  fc.constantFrom("2024-02-30", "0000-01-01", "2027-03-14", "25:99", "14:30", "99999999999999999999", "-1", "1e308"),
  fc.constantFrom(
    "NaN",
    "0",
    "1",
    "1.234,56",
    "12.50",
    "€ 80",
    "a@b.nl",
    "not-an-address",
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ minLength: 5000, maxLength: 5000 }).map((s) => s.padEnd(5000, "x")),
);

describe("the message catalogue covers every form", () => {
  it("finds the form schemas", () => {
    expect(schemas.length).toBeGreaterThan(15);
  });

  it.each(schemas)("%s names only catalogue keys", (_name, schema) => {
    const missing = [...ownMessages(schema)].filter((message) => !isMessageKey(message));
    expect(missing).toEqual([]);
  });

  it.each(schemas)("%s answers any submission with catalogue keys only", (_name, schema) => {
    const names = [...fieldNames(schema), "intent", "extra"];
    const submission = fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 3 * names.length });
    fc.assert(
      fc.property(submission, (pairs) => {
        const form = new FormData();
        for (const [name, text] of pairs) form.append(name, text);
        const result = parseFormData(form, schema as never);
        const messages = result.status === "error" ? Object.values(result.error ?? {}).flat() : [];
        expect(messages.filter((message) => typeof message !== "string" || !isMessageKey(message))).toEqual([]);
      }),
      { seed: 20261202, numRuns: 150 },
    );
  });
});
