import { describe, expect, it } from "vitest";
import { parseFormData } from "../server/forms.server.ts";
import { ballotForms } from "./budgeting.ts";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

const parsed = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return parseFormData(form, ballotForms.vote);
};

describe("a submitted ballot", () => {
  it("reads ranked choices in their order, skipping the ranks left empty", () => {
    const submission = parsed([
      ["intent", "vote"],
      ["secret", " ABCD-1234 "],
      ["rank", B],
      ["rank", ""],
      ["rank", A],
    ]);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      intent: "vote",
      secret: "ABCD-1234",
      choices: [{ planId: B }, { planId: A }],
    });
  });

  it("reads points per plan, an empty box as none, and refuses points that are not a whole number", () => {
    const points = parsed([
      ["intent", "vote"],
      ["secret", "x"],
      [`points.${A}`, "3"],
      [`points.${B}`, ""],
    ]);
    expect(points.status === "success" && points.value.choices).toEqual([
      { planId: A, points: 3 },
      { planId: B, points: 0 },
    ]);
    const bad = parsed([
      ["intent", "vote"],
      ["secret", "x"],
      [`points.${A}`, "-1"],
    ]);
    expect(bad.status !== "success" && Object.values(bad.error ?? {}).flat()).toContain("budgeting.error.wholeNumber");
  });

  it("reads one ticked plan or several, and refuses what is not a plan", () => {
    const one = parsed([
      ["intent", "vote"],
      ["secret", "x"],
      ["plan", A],
    ]);
    expect(one.status === "success" && one.value.choices).toEqual([{ planId: A }]);
    const none = parsed([
      ["intent", "vote"],
      ["secret", "x"],
    ]);
    expect(none.status === "success" && none.value.choices).toEqual([]);
    expect(
      parsed([
        ["intent", "vote"],
        ["secret", "x"],
        ["plan", "'; drop table"],
      ]).status,
    ).toBe("error");
  });
});
