import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseRichText, RichText } from "./rich-text.tsx";

const html = (source: string) => renderToStaticMarkup(createElement(RichText, { source, level: 3 }));

describe("the rich-text subset staff write longer texts in", () => {
  it("knows paragraphs, headings, lists, bold and https or mailto links", () => {
    expect(
      parseRichText(
        "## Opzet\n\nEen **rijk** programma,\nop locatie.\n- kick-off\n- [leeratelier](https://example.org/a)\n\nMail [ons](mailto:d@example.org).",
      ),
    ).toEqual([
      { kind: "heading", text: [{ kind: "text", text: "Opzet" }] },
      {
        kind: "paragraph",
        text: [
          { kind: "text", text: "Een " },
          { kind: "bold", text: "rijk" },
          { kind: "text", text: " programma, op locatie." },
        ],
      },
      {
        kind: "list",
        items: [
          [{ kind: "text", text: "kick-off" }],
          [{ kind: "link", text: "leeratelier", href: "https://example.org/a" }],
        ],
      },
      {
        kind: "paragraph",
        text: [
          { kind: "text", text: "Mail " },
          { kind: "link", text: "ons", href: "mailto:d@example.org" },
          { kind: "text", text: "." },
        ],
      },
    ]);
  });

  it("renders HTML and other link schemes as plain text, never as markup", () => {
    const out = html(
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> [klik](javascript:alert(3)) [oud](http://example.org)',
    );
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).not.toContain('href="javascript');
    expect(out).not.toContain("<a ");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("[klik](javascript:alert(3))");
  });

  it("renders the allowed parts as headings one level down, lists, strong text and links", () => {
    const out = html("## Opzet\n\n- **Eén** [link](https://example.org/?a=1&b=2)");
    expect(out).toContain("<h3");
    expect(out).toContain("<ul");
    expect(out).toContain("<strong>Eén</strong>");
    expect(out).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(html("")).toBe("");
  });
});
