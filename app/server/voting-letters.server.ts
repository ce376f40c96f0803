import type { Round } from "../../src/domain/budgeting/index.ts";
import { type PdfPage, type PdfTheme, renderPdf } from "../../src/platform/pdf/index.ts";
import { rulesSentences } from "../components/ballot-form.tsx";
import { translator } from "../i18n/catalogue.ts";
import type { Locale } from "../i18n/define-messages.ts";
import { formatDate, formatTime } from "../i18n/format.ts";

/**
 * The postal voting letters of one batch: one A4 per code, for the printing house. Each letter names the
 * municipality (the page's header), the round and the area, says in plain words how to vote and until when, and
 * carries the code, the voting address and a QR code of that address. The QR code holds the address only, never the
 * code: an address with a code in it would land in browser histories and access logs.
 */
export function votingLettersPdf(o: {
  round: Pick<Round, "title" | "rules" | "track">;
  areaName: string;
  budgetEuros: number;
  codes: readonly string[];
  theme: PdfTheme;
  locale: Locale;
  url: string;
  createdAt?: Date;
}): Promise<Buffer> {
  const t = translator(o.locale);
  const closesAt = o.round.track.schedule.find((p) => p.phase === "counting")?.startsAt ?? null;
  const [ballot, rule] = rulesSentences(t, o.locale, o.round.rules, o.budgetEuros);
  const steps = [
    t("budgeting.letter.step.go", { url: o.url }),
    t("budgeting.letter.step.code"),
    ballot!,
    t("budgeting.letter.step.receipt"),
  ];
  const pages: PdfPage[] = o.codes.map((code) => ({
    blocks: [
      { kind: "heading", text: t("budgeting.letter.title", { round: o.round.title }) },
      { kind: "paragraph", text: t("budgeting.letter.intro", { area: o.areaName }) },
      ...(closesAt
        ? ([
            {
              kind: "paragraph",
              text: t("budgeting.letter.until", {
                date: formatDate(o.locale, closesAt),
                time: formatTime(o.locale, closesAt),
              }),
            },
          ] as const)
        : []),
      { kind: "heading", level: 2, text: t("budgeting.letter.how") },
      { kind: "list", items: steps },
      { kind: "paragraph", text: rule! },
      { kind: "rule" },
      {
        kind: "fields",
        rows: [
          [t("budgeting.vote.code"), code],
          [t("budgeting.letter.address"), o.url],
          [t("budgeting.area"), o.areaName],
        ],
      },
      { kind: "qr", value: o.url, caption: t("budgeting.letter.qr") },
      { kind: "paragraph", text: t("budgeting.letter.secret"), muted: true },
    ],
  }));
  return renderPdf({
    theme: o.theme,
    title: t("budgeting.letter.documentTitle", { round: o.round.title, area: o.areaName }),
    lang: o.locale,
    footer: o.url,
    pages,
    createdAt: o.createdAt,
  });
}
