export { type PdfBlock, type PdfPage, type RenderPdfOptions, renderPdf } from "./document.ts";
export {
  DEFAULT_PDF_COLOUR,
  type LogoShape,
  loadPdfTheme,
  logoFromSvg,
  type PdfLogo,
  type PdfTheme,
  themeColourFromCss,
} from "./theme.ts";
