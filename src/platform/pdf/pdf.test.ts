import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../tests/support/pdf.ts";
import { DEFAULT_PDF_COLOUR, loadPdfTheme, logoFromSvg, renderPdf, themeColourFromCss } from "./index.ts";

const publicDir = path.resolve("public");

describe("the municipality's theme for documents", () => {
  it("takes the primary colour and the logo the web pages use", async () => {
    const theme = await loadPdfTheme({ slug: "veenhoven", name: "Gemeente Veenhoven", publicDir });
    expect(theme.colour).toBe("#7d3411");
    expect(theme.logo?.shapes.map((s) => s.kind)).toEqual(["rect", "path", "path", "path"]);
  });

  it("falls back to the default colour and no logo for a tenant without a theme", async () => {
    const theme = await loadPdfTheme({ slug: "democratie-in-actie", name: "Democratie in Actie", publicDir });
    expect(theme).toEqual({ name: "Democratie in Actie", colour: DEFAULT_PDF_COLOUR, logo: null });
    expect(await loadPdfTheme({ slug: "../etc", name: "x", publicDir })).toMatchObject({ logo: null });
  });

  it("reads a colour given directly and ignores shapes it cannot draw", () => {
    expect(themeColourFromCss(".t { --basis-color-accent-1-color-default: #123456; }")).toBe("#123456");
    expect(themeColourFromCss(".t { color: red; }")).toBeUndefined();
    const logo = logoFromSvg(
      '<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#ff0000"/><path d="M0 0" fill="url(#g)"/></svg>',
    );
    expect(logo?.shapes).toEqual([{ kind: "circle", cx: 5, cy: 5, r: 4, fill: "#ff0000" }]);
  });
});

describe("renderPdf", () => {
  it("writes one A4 per page with extractable text, a QR code and the theme's header", async () => {
    const theme = await loadPdfTheme({ slug: "dijkstad", name: "Gemeente Dijkstad", publicDir });
    const codes = ["ABCD-EFGH-JKLM", "NPQR-STUV-WXYZ"];
    const bytes = await renderPdf({
      theme,
      title: "Stemcodes Burgerbegroting",
      lang: "nl",
      footer: "dijkstad.example.org",
      pages: codes.map((code) => ({
        blocks: [
          { kind: "heading", text: "Uw stemcode" },
          { kind: "paragraph", text: "Met deze code stemt u één keer. Wijziging van plannen is mogelijk." },
          { kind: "fields", rows: [["Code", code]] },
          { kind: "qr", value: `https://example.org/stemmen?code=${code}`, caption: "Scan de code met uw telefoon." },
          { kind: "list", items: ["Stemmen kan tot 1 juni.", "Hulp nodig? Bel 14 0000."] },
        ],
      })),
    });
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(2);
    expect(pdf.title).toBe("Stemcodes Burgerbegroting");
    expect(pdf.text[0]).toContain("Gemeente Dijkstad");
    expect(pdf.text[0]).toContain("ABCD-EFGH-JKLM");
    expect(pdf.text[0]).toContain("één keer");
    expect(pdf.text[1]).toContain("NPQR-STUV-WXYZ");
    expect(pdf.text[1]).toContain("2 / 2");
  });

  it("shrinks a long page to keep it on one sheet", async () => {
    const theme = await loadPdfTheme({ slug: "veenhoven", name: "Gemeente Veenhoven", publicDir });
    const paragraph = "Dit is een lange zin over de spelregels van het proces, die vaak herhaald wordt. ".repeat(6);
    const bytes = await renderPdf({
      theme,
      title: "Lang",
      lang: "nl",
      pages: [
        {
          blocks: Array.from({ length: 14 }, (_, i) => ({
            kind: "paragraph" as const,
            text: `${i + 1}. ${paragraph}`,
          })),
        },
      ],
    });
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.text[0]).toContain("1. Dit is een lange zin");
  });
});
