import { useForm } from "@conform-to/react";
import { renderToStaticMarkup } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requiredText } from "../forms/fields.ts";
import type { TextLimits } from "../forms/fields-limits.ts";
import type { submitInitiativeForm } from "../forms/initiatives.ts";
import { submitInitiativeLimits } from "../forms/initiatives-limits.ts";
import { messagesFor } from "../i18n/catalogue.ts";
import type { RootI18n } from "../i18n/use-translation.ts";
import { parseFormData } from "../server/forms.server.ts";
import { summaryLine, TextAreaField, TextField } from "./form-fields.tsx";

/** The initiative form's title, description and e-mail fields, given its schema's limits (or none). */
function InitiativeFields({ constraint }: { constraint: TextLimits | undefined }) {
  const [, fields] = useForm<z.input<typeof submitInitiativeForm>>({ id: "initiatief", constraint });
  return (
    <>
      <TextField meta={fields.title} label="Titel" />
      <TextAreaField meta={fields.description} label="Beschrijving" description="Wat wilt u doen?" />
      <TextField meta={fields.email} label="E-mailadres" type="email" />
    </>
  );
}

const WithLimits = () => <InitiativeFields constraint={submitInitiativeLimits} />;
const WithoutLimits = () => <InitiativeFields constraint={undefined} />;

function renderPage(Component: () => React.JSX.Element) {
  const Stub = createRoutesStub([{ id: "root", path: "/", Component }]);
  // The root loader's messages, as a page gets them (ADR 0038): here the whole Dutch catalogue.
  const root: RootI18n = { locale: "nl", messages: messagesFor("nl", undefined), partialMessages: false };
  return renderToStaticMarkup(<Stub initialEntries={["/"]} hydrationData={{ loaderData: { root } }} />);
}

/** The attributes of the one `<input>` or `<textarea>` with this name. */
function control(html: string, name: string): Record<string, string> {
  const tag = new RegExp(`<(?:input|textarea)\\b[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no field ${name}`);
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
}

/** The texts of the elements a control's `aria-describedby` names, in order. */
function describedBy(html: string, name: string): string[] {
  return (control(html, name)["aria-describedby"] ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => new RegExp(`id="${id}"[^>]*>(?:<[^>]+>)*([^<]*)`).exec(html)?.[1] ?? `(no element ${id})`);
}

describe("text fields", () => {
  it("counts a line break as the browser counts it against maxlength: one character, stored as LF", () => {
    const form = new FormData();
    form.set("note", `${"a".repeat(9)}\r\n${"b".repeat(10)}`);
    const submission = parseFormData(form, z.object({ note: requiredText(20) }));
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.note).toBe(`${"a".repeat(9)}\n${"b".repeat(10)}`);
  });
});

describe("TextField and TextAreaField", () => {
  it("render the schema's limit as maxlength and state it beside the field, named by aria-describedby", () => {
    const page = renderPage(WithLimits);
    expect(control(page, "title").maxlength).toBe("150");
    expect(control(page, "description").maxlength).toBe("5000");
    expect(describedBy(page, "title")).toEqual(["Maximaal 150 tekens"]);
    expect(describedBy(page, "description")).toEqual(["Wat wilt u doen?", "Maximaal 5.000 tekens"]);
    // The e-mail address has no limit of its own in the form: nothing is stated.
    expect(control(page, "email")).not.toHaveProperty("maxlength");
    expect(describedBy(page, "email")).toEqual([]);
  });

  it("state nothing for a form that passes no limits", () => {
    const page = renderPage(WithoutLimits);
    expect(page.toLowerCase()).not.toContain("maxlength");
    expect(page).not.toContain("Maximaal");
  });
});

describe("the error summary's lines", () => {
  it("put the error after the label, without doubling a sentence's or a question's own ending", () => {
    expect(summaryLine("Titel", "Vul dit veld in")).toBe("Titel: Vul dit veld in");
    expect(summaryLine("Ik geef toestemming.", "Zet een vinkje")).toBe("Ik geef toestemming: Zet een vinkje");
    expect(summaryLine("Wie mag zich aanmelden?", "Kies een van de mogelijkheden")).toBe(
      "Wie mag zich aanmelden? Kies een van de mogelijkheden",
    );
  });
});
