import { describe, expect, it } from "vitest";
import { pruneCss, usedClasses } from "./prune-css.ts";

describe("usedClasses", () => {
  it("knows the literal names and the prefixes the code completes at run time", () => {
    const isUsed = usedClasses([
      `e("utrecht-button utrecht-button--primary-action");x=\`utrecht-alert--\${t}\`;y="utrecht-heading-"+n`,
      // A template literal as the minifier leaves it: the name runs straight into the placeholder.
      `z=\`utrecht-form-field\${a?'--invalid':''}\``,
    ]);
    expect(
      ["utrecht-button", "utrecht-button--primary-action", "utrecht-alert--error", "utrecht-heading-2"].every(isUsed),
    ).toBe(true);
    expect(isUsed("utrecht-form-field--invalid")).toBe(true);
    expect(isUsed("utrecht-button--subtle")).toBe(false);
    expect(isUsed("utrecht-accordion")).toBe(false);
  });
});

describe("pruneCss", () => {
  const isUsed = usedClasses(['"utrecht-button"']);

  it("keeps rules for used classes and rules without design-system classes, drops the others", () => {
    const css = `/* c */.utrecht-button{color:red}.utrecht-accordion{color:blue}:root{--x:1}body .nl-link{a:b}`;
    expect(pruneCss(css, isUsed)).toBe(".utrecht-button{color:red}:root{--x:1}body .nl-link{a:b}");
  });

  it("drops selectors one by one, inside at-rules too, and at-rules left empty", () => {
    const css =
      '.utrecht-button:hover,.utrecht-accordion:where(.a,.b){x:y}@media (min-width:1px){.utrecht-accordion{x:y}}@media print{.utrecht-button{x:z}}@font-face{font-family:"{a}"}';
    expect(pruneCss(css, isUsed)).toBe(
      '.utrecht-button:hover{x:y}@media print{.utrecht-button{x:z}}@font-face{font-family:"{a}"}',
    );
  });

  it("keeps a selector only when every design-system class in it is used", () => {
    expect(pruneCss(".utrecht-button .utrecht-icon{x:y}", isUsed)).toBe("");
  });
});
