import { describe, expect, it } from "vitest";
import { auditActions } from "../../src/domain/shared/index.ts";
import { isMessageKey, translator } from "./catalogue.ts";
import { locales } from "./define-messages.ts";

describe("the activity log's names of actions", () => {
  // `recordAudit` takes only the codes in `auditActions` (the typecheck), so this covers every action written.
  it.each(locales)("names every action the code writes in %s, never by its code", (locale) => {
    const t = translator(locale);
    const unnamed = auditActions.filter((action) => !isMessageKey(`audit.${action}`));
    expect(unnamed).toEqual([]);
    const named = auditActions.map((action) => t(`audit.${action}` as Parameters<typeof t>[0]));
    expect(named.filter((name, i) => !name || name === auditActions[i])).toEqual([]);
  });

  it("lists each action once", () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });
});
