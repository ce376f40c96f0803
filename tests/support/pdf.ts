import { extractText, getDocumentProxy } from "unpdf";

/** A PDF read back the way a reader or a search engine would: its page count and its text, page by page. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string[]; title: unknown }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  const { info } = await pdf.getMetadata();
  return { pages: totalPages, text, title: (info as { Title?: unknown }).Title };
}
