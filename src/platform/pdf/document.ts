import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { PdfLogo, PdfTheme } from "./theme.ts";

/** The pieces a page is built from; the helper lays them out top to bottom in the theme. */
export type PdfBlock =
  | { kind: "heading"; text: string; level?: 1 | 2 }
  | { kind: "paragraph"; text: string; muted?: boolean }
  | { kind: "list"; items: readonly string[] }
  | { kind: "fields"; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: "qr"; value: string; caption?: string; size?: number }
  | { kind: "rule" };

/** One sheet of A4. Its text is made smaller, step by step, until it fits: a page never runs onto a second one. */
export type PdfPage = { blocks: readonly PdfBlock[] };

export type RenderPdfOptions = {
  theme: PdfTheme;
  /** The document's title in its properties (shown by readers and screen readers instead of the file name). */
  title: string;
  lang: "nl" | "en";
  /** Small print at the foot of every page, e.g. the address of the page online. */
  footer?: string;
  pages: readonly PdfPage[];
  /** Fixed for reproducible files in tests; otherwise the moment of rendering. */
  createdAt?: Date;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const CONTENT_TOP = 112;
const FOOTER_TOP = A4.height - 44;
const TEXT = "#1a1a1a";
const MUTED = "#4d4d4d";
const SCALES = [1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6] as const;

const font = { regular: "Helvetica", bold: "Helvetica-Bold" } as const;
const size = (block: PdfBlock, scale: number) => {
  if (block.kind === "heading") return (block.level === 2 ? 13 : 18) * scale;
  return 10.5 * scale;
};
const gap = (scale: number) => 8 * scale;
const LABEL_WIDTH = 150;
const BULLET_INDENT = 14;

type Doc = PDFKit.PDFDocument;

/** The height of one block at a scale, measured with the same fonts and widths that drawing uses. */
function measure(doc: Doc, block: PdfBlock, scale: number): number {
  const s = size(block, scale);
  switch (block.kind) {
    case "heading":
      return doc.font(font.bold).fontSize(s).heightOfString(block.text, { width: CONTENT_WIDTH });
    case "paragraph":
      return doc.font(font.regular).fontSize(s).heightOfString(block.text, { width: CONTENT_WIDTH });
    case "list":
      doc.font(font.regular).fontSize(s);
      return block.items.reduce(
        (sum, item) => sum + doc.heightOfString(item, { width: CONTENT_WIDTH - BULLET_INDENT }) + 2 * scale,
        0,
      );
    case "fields":
      return block.rows.reduce((sum, [label, value]) => {
        const left = doc
          .font(font.bold)
          .fontSize(s)
          .heightOfString(label, { width: LABEL_WIDTH - 8 });
        const right = doc
          .font(font.regular)
          .fontSize(s)
          .heightOfString(value, { width: CONTENT_WIDTH - LABEL_WIDTH });
        return sum + Math.max(left, right) + 3 * scale;
      }, 0);
    case "qr": {
      const side = (block.size ?? 110) * scale;
      const caption = block.caption
        ? doc
            .font(font.regular)
            .fontSize(s)
            .heightOfString(block.caption, { width: CONTENT_WIDTH - side - 16 })
        : 0;
      return Math.max(side, caption);
    }
    case "rule":
      return 1;
  }
}

/** The last QR code made: a run of letters carries the same address on every page. */
let lastQr: { value: string; modules: QRCode.BitMatrix } | undefined;

function drawQr(doc: Doc, value: string, x: number, y: number, side: number) {
  if (lastQr?.value !== value) lastQr = { value, modules: QRCode.create(value, { errorCorrectionLevel: "M" }).modules };
  const { modules } = lastQr;
  const quiet = 2;
  const cell = side / (modules.size + 2 * quiet);
  doc.save().fillColor("#000000");
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

function draw(doc: Doc, block: PdfBlock, y: number, scale: number, colour: string): void {
  const s = size(block, scale);
  switch (block.kind) {
    case "heading":
      doc.font(font.bold).fontSize(s).fillColor(colour).text(block.text, MARGIN, y, { width: CONTENT_WIDTH });
      return;
    case "paragraph":
      doc
        .font(font.regular)
        .fontSize(s)
        .fillColor(block.muted ? MUTED : TEXT)
        .text(block.text, MARGIN, y, { width: CONTENT_WIDTH });
      return;
    case "list": {
      let top = y;
      doc.font(font.regular).fontSize(s).fillColor(TEXT);
      for (const item of block.items) {
        doc.text("•", MARGIN, top, { width: BULLET_INDENT, lineBreak: false });
        doc.text(item, MARGIN + BULLET_INDENT, top, { width: CONTENT_WIDTH - BULLET_INDENT });
        top += doc.heightOfString(item, { width: CONTENT_WIDTH - BULLET_INDENT }) + 2 * scale;
      }
      return;
    }
    case "fields": {
      let top = y;
      for (const [label, value] of block.rows) {
        doc
          .font(font.bold)
          .fontSize(s)
          .fillColor(TEXT)
          .text(label, MARGIN, top, { width: LABEL_WIDTH - 8 });
        const left = doc.heightOfString(label, { width: LABEL_WIDTH - 8 });
        doc.font(font.regular).text(value, MARGIN + LABEL_WIDTH, top, { width: CONTENT_WIDTH - LABEL_WIDTH });
        const right = doc.heightOfString(value, { width: CONTENT_WIDTH - LABEL_WIDTH });
        top += Math.max(left, right) + 3 * scale;
      }
      return;
    }
    case "qr": {
      const side = (block.size ?? 110) * scale;
      drawQr(doc, block.value, MARGIN, y, side);
      if (block.caption) {
        doc
          .font(font.regular)
          .fontSize(s)
          .fillColor(TEXT)
          .text(block.caption, MARGIN + side + 16, y, { width: CONTENT_WIDTH - side - 16 });
      }
      return;
    }
    case "rule":
      doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + CONTENT_WIDTH, y)
        .lineWidth(0.5)
        .strokeColor("#999999")
        .stroke();
      return;
  }
}

function drawLogo(doc: Doc, logo: PdfLogo, x: number, y: number, side: number) {
  const factor = side / Math.max(logo.width, logo.height);
  doc.save().translate(x, y).scale(factor);
  for (const shape of logo.shapes) {
    if (shape.kind === "rect") {
      doc.roundedRect(shape.x, shape.y, shape.width, shape.height, shape.radius).fill(shape.fill);
    } else if (shape.kind === "circle") {
      doc.circle(shape.cx, shape.cy, shape.r).fill(shape.fill);
    } else {
      doc.path(shape.d).fill(shape.fill);
    }
  }
  doc.restore();
}

/** The municipality's logo and name above a rule in its colour, and the small print below: page furniture only. */
function drawFurniture(doc: Doc, o: RenderPdfOptions, pageNumber: number) {
  doc.markContent("Artifact", { type: "Pagination" });
  const { theme } = o;
  const logoSide = 40;
  if (theme.logo) drawLogo(doc, theme.logo, MARGIN, 40, logoSide);
  const nameX = theme.logo ? MARGIN + logoSide + 12 : MARGIN;
  doc
    .font(font.bold)
    .fontSize(15)
    .fillColor(theme.colour)
    .text(theme.name, nameX, 52, { width: CONTENT_WIDTH - (nameX - MARGIN), lineBreak: false });
  doc.rect(MARGIN, 92, CONTENT_WIDTH, 3).fill(theme.colour);
  const foot = [o.footer, o.pages.length > 1 ? `${pageNumber} / ${o.pages.length}` : undefined]
    .filter(Boolean)
    .join("   ");
  if (foot) {
    doc
      .font(font.regular)
      .fontSize(8)
      .fillColor(MUTED)
      .text(foot, MARGIN, FOOTER_TOP + 12, { width: CONTENT_WIDTH, lineBreak: false });
  }
  doc.endMarkedContent();
}

const structureType = (block: PdfBlock) => {
  if (block.kind === "heading") return block.level === 2 ? "H2" : "H1";
  if (block.kind === "qr") return "Figure";
  return block.kind === "list" ? "L" : "P";
};

/**
 * Lays out a page's blocks at the largest scale at which they fit between the header and the footer. When even the
 * smallest scale is too big, the blocks that do not fit are left off and an ellipsis says so.
 */
function drawPage(doc: Doc, page: PdfPage, colour: string, root: PDFKit.PDFStructureElement) {
  const available = FOOTER_TOP - CONTENT_TOP;
  const heights = (scale: number) => page.blocks.map((block) => measure(doc, block, scale));
  const total = (scale: number, list: number[]) => list.reduce((sum, h) => sum + h, 0) + gap(scale) * list.length;
  const scale = SCALES.find((candidate) => total(candidate, heights(candidate)) <= available) ?? SCALES.at(-1)!;
  const measured = heights(scale);
  let y = CONTENT_TOP;
  for (const [index, block] of page.blocks.entries()) {
    const height = measured[index]!;
    if (y + height > FOOTER_TOP) {
      doc.font(font.regular).fontSize(10).fillColor(TEXT).text("…", MARGIN, y, { width: CONTENT_WIDTH });
      break;
    }
    const top = y;
    root.add(
      doc.struct(structureType(block), block.kind === "qr" ? { alt: block.caption ?? "QR-code" } : {}, () =>
        draw(doc, block, top, scale, colour),
      ),
    );
    y += height + gap(scale);
  }
}

/**
 * A document in the municipality's theme: A4, one sheet per page, text in standard fonts so it can be searched,
 * copied and read aloud, tagged with its language and title. Resolves to the PDF's bytes.
 */
export function renderPdf(o: RenderPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    tagged: true,
    lang: o.lang === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    info: { Title: o.title, Author: o.theme.name, Producer: "Samenspel", CreationDate: o.createdAt ?? new Date() },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  for (const [index, page] of o.pages.entries()) {
    doc.addPage({ size: "A4", margin: 0 });
    drawFurniture(doc, o, index + 1);
    drawPage(doc, page, o.theme.colour, root);
  }
  root.end();
  doc.end();
  return done;
}
