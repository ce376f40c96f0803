import { readFile } from "node:fs/promises";
import path from "node:path";

/** One filled shape of a logo, in the logo's own view box units. */
export type LogoShape =
  | { kind: "rect"; x: number; y: number; width: number; height: number; radius: number; fill: string }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string }
  | { kind: "path"; d: string; fill: string };

export type PdfLogo = { width: number; height: number; shapes: LogoShape[] };

/** What a document takes from a municipality's theme: its name, its primary colour and its logo. */
export type PdfTheme = { name: string; colour: string; logo: PdfLogo | null };

/** The programme's and any unthemed tenant's colour: the NL Design System voorbeeld theme's primary. */
export const DEFAULT_PDF_COLOUR = "#1a237e";

const HEX = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;

/**
 * The primary colour of a theme stylesheet: the value of `--basis-color-accent-1-color-default`, following one
 * level of `var(--…)` to the scale the theme defines. Undefined when the stylesheet does not set it.
 */
export function themeColourFromCss(css: string): string | undefined {
  const match = /--basis-color-accent-1-color-default:\s*([^;]+);/.exec(css);
  if (!match) return undefined;
  const value = match[1]!.trim();
  const variable = /^var\((--[\w-]+)\)$/.exec(value);
  if (!variable) return HEX.test(value) ? value : undefined;
  const escaped = variable[1]!.replace(/[-]/g, "\\-");
  const resolved = new RegExp(`${escaped}:\\s*([^;]+);`).exec(css)?.[1]?.trim();
  return resolved && HEX.test(resolved) ? resolved : undefined;
}

const attribute = (element: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
const number = (element: string, name: string) => Number(attribute(element, name) ?? 0);

/**
 * The filled rectangles, circles and paths of a flat SVG logo (what the themes ship), in document order. Anything
 * else (gradients, text, transforms) is not drawn: a logo that needs them renders as its simple shapes only.
 */
export function logoFromSvg(svg: string): PdfLogo | null {
  const viewBox = attribute(/<svg\b[^>]*>/.exec(svg)?.[0] ?? "", "viewBox")
    ?.split(/[\s,]+/)
    .map(Number);
  if (viewBox?.length !== 4 || viewBox.some((n) => !Number.isFinite(n))) return null;
  const shapes: LogoShape[] = [];
  for (const [element] of svg.matchAll(/<(rect|circle|path)\b[^>]*>/g)) {
    const fill = attribute(element, "fill") ?? "#000000";
    if (!HEX.test(fill)) continue;
    if (element.startsWith("<rect")) {
      shapes.push({
        kind: "rect",
        x: number(element, "x"),
        y: number(element, "y"),
        width: number(element, "width"),
        height: number(element, "height"),
        radius: number(element, "rx"),
        fill,
      });
    } else if (element.startsWith("<circle")) {
      shapes.push({
        kind: "circle",
        cx: number(element, "cx"),
        cy: number(element, "cy"),
        r: number(element, "r"),
        fill,
      });
    } else {
      const d = attribute(element, "d");
      if (d) shapes.push({ kind: "path", d, fill });
    }
  }
  return shapes.length > 0 ? { width: viewBox[2]!, height: viewBox[3]!, shapes } : null;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * A municipality's theme for documents, read from what its web pages use: `public/themes/<slug>.css` and
 * `public/themes/<slug>/logo.svg`. A tenant without them gets the default colour and no logo.
 */
export async function loadPdfTheme(o: { slug: string; name: string; publicDir?: string }): Promise<PdfTheme> {
  const publicDir = o.publicDir ?? path.resolve("public");
  if (!/^[a-z0-9-]+$/.test(o.slug)) return { name: o.name, colour: DEFAULT_PDF_COLOUR, logo: null };
  const [css, svg] = await Promise.all([
    readOptional(path.join(publicDir, "themes", `${o.slug}.css`)),
    readOptional(path.join(publicDir, "themes", o.slug, "logo.svg")),
  ]);
  return {
    name: o.name,
    colour: (css && themeColourFromCss(css)) || DEFAULT_PDF_COLOUR,
    logo: svg ? logoFromSvg(svg) : null,
  };
}
