import type { RouterContextProvider } from "react-router";
import { type Executor, withTenant } from "../../src/db/index.ts";
import {
  type AdviceFile,
  type AdviceTiming,
  adviceYearOf,
  attachAdviceFile,
  type CouncilsErrorCode,
  listAdvice,
  listAdviceFiles,
  listCouncilNames,
  type PublicAdvice,
  removeAdviceFile,
  tallyAdvice,
  timingOf,
} from "../../src/domain/councils/index.ts";
import type { UploadErrorCode } from "../../src/platform/uploads/index.ts";
import { attachAdviceFileForm, removeAdviceFileForm } from "../forms/advice.ts";
import { services } from "./context.ts";
import { pdfUploadErrors } from "./council-meetings.server.ts";
import { councilErrors } from "./councils.server.ts";
import { type DomainErrorAnswer, forForm, invalidForm, parseIntentForm, replyWithDomainError } from "./forms.server.ts";
import { fileIn } from "./uploads.server.ts";

/**
 * The councils context's refusals as the advice forms show them: the context's own table, with "no such council"
 * pointed at the request form's council field.
 */
export const adviceErrors = {
  ...councilErrors,
  "councils.not-found": { status: 404, message: "advice.error.councilNotFound", field: "council" },
  ...pdfUploadErrors,
} as const satisfies Record<CouncilsErrorCode | UploadErrorCode, DomainErrorAnswer>;

export type AdviceRow = PublicAdvice & { councilName: string; timing: AdviceTiming; year: number; files: AdviceFile[] };
export type AdviceFilter = { councilId?: string; year?: number };

/**
 * The register as pages, the CSV and the API read it: each advice with its council's name, its timing at `now`, its
 * year and its public files, and the tallies per council and year (of the same filter). No person appears in it.
 */
export async function readAdviceRegister(tx: Executor, tenantId: string, now: Date, filter: AdviceFilter = {}) {
  const councils = await listCouncilNames(tx, { tenantId });
  const names = new Map(councils.map((council) => [council.id, council.name]));
  const all = await listAdvice(tx, { tenantId, councilId: filter.councilId });
  const files = await listAdviceFiles(tx, { tenantId, councilId: filter.councilId, audience: "everyone" });
  const rows: AdviceRow[] = all
    .map((row) => ({
      ...row,
      councilName: names.get(row.councilId) ?? "",
      timing: timingOf(row, now),
      year: adviceYearOf(row),
      files: files.filter((file) => file.adviceId === row.id),
    }))
    .filter((row) => filter.year === undefined || row.year === filter.year);
  const years = [...new Set(all.map(adviceYearOf))].sort((a, b) => b - a);
  const tallies = tallyAdvice(rows, now)
    .map((tally) => ({ ...tally, councilName: names.get(tally.councilId) ?? "" }))
    .sort((a, b) => a.councilName.localeCompare(b.councilName, "nl") || b.year - a.year);
  return { councils, rows, tallies, years };
}

/** The filter a register URL asks for (`?raad=…&jaar=2026`); anything else is ignored, never an error. */
export function adviceFilterOf(request: Request): AdviceFilter {
  const search = new URL(request.url).searchParams;
  const council = search.get("raad") ?? "";
  const year = search.get("jaar") ?? "";
  return {
    councilId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(council) ? council : undefined,
    year: /^\d{4}$/.test(year) ? Number(year) : undefined,
  };
}

const fileForms = { attach: attachAdviceFileForm, "remove-file": removeAdviceFileForm } as const;

/** Whether a post to an advice page is one of its file forms (`adviceFileAction`). */
export const isAdviceFileForm = (formData: FormData) => Object.hasOwn(fileForms, String(formData.get("intent")));

/**
 * The file forms of the staff's advice page and the council's workspace: a PDF attached to a side of a piece of
 * advice, or taken off. `councilId` is the council the person acts for, null for staff. The answer for a refusal
 * (naming its form), or the notice to redirect with.
 */
export async function adviceFileAction(
  context: Readonly<RouterContextProvider>,
  formData: FormData,
  o: { tenantId: string; actorPersonId: string; councilId: string | null },
) {
  const { intent, submission } = parseIntentForm(formData, fileForms);
  const formId =
    intent === "attach"
      ? `attach-${String(formData.get("advice"))}-${String(formData.get("side"))}`
      : `remove-file-${String(formData.get("file"))}`;
  if (submission.status !== "success") return { refused: forForm(formId, invalidForm(submission.reply())) };
  const value = submission.value;
  const file = value.intent === "attach" ? await fileIn(formData, "file") : undefined;
  if (value.intent === "attach" && !file)
    return {
      refused: forForm(
        formId,
        invalidForm(submission.reply({ fieldErrors: { file: ["councilMeetings.error.fileRequired"] } })),
      ),
    };
  const ref = { ...o, adviceId: value.advice, now: new Date() };
  try {
    await withTenant(services(context).db, { tenantId: o.tenantId, personId: o.actorPersonId }, async (tx) => {
      if (value.intent === "attach" && file)
        await attachAdviceFile(tx, { ...ref, side: value.side, bytes: file.bytes, fileName: file.name });
      else if (value.intent === "remove-file") await removeAdviceFile(tx, { ...ref, attachmentId: value.file });
    });
  } catch (error) {
    return { refused: forForm(formId, replyWithDomainError(error, submission, adviceErrors)) };
  }
  return { notice: value.intent === "attach" ? "attached" : "file-removed" };
}
