import type { ProcessDetails } from "../../src/domain/processes/index.ts";
import { phasePositions, positionOf } from "../../src/domain/processes/index.ts";
import { type PdfBlock, type PdfTheme, renderPdf } from "../../src/platform/pdf/index.ts";
import { momentLines } from "../components/process-timeline.tsx";
import { translator } from "../i18n/catalogue.ts";
import type { Locale } from "../i18n/define-messages.ts";
import { formatCalendarDate } from "../i18n/format.ts";

/**
 * The spelregelkaart on one sheet of A4: what it is about, what is fixed and open, who decides, every phase with its
 * dates, level and promise, the moments in short, and a QR code to the page online. Text, not a picture: it can be
 * searched, copied and read aloud.
 */
export function processCardPdf(o: {
  process: ProcessDetails;
  theme: PdfTheme;
  locale: Locale;
  url: string;
  createdAt?: Date;
}): Promise<Buffer> {
  const t = translator(o.locale);
  const { process, locale } = o;
  const { current } = positionOf(process);
  const positions = phasePositions(process);
  const blocks: PdfBlock[] = [
    { kind: "heading", text: process.title },
    { kind: "paragraph", text: process.description },
    {
      kind: "fields",
      rows: [
        [t("processes.card.fixed"), process.fixed || "–"],
        [t("processes.card.open"), process.open || "–"],
        [t("processes.card.decidedBy"), t(`processes.decider.${process.decidedBy}`)],
        [t("processes.card.responsible"), process.responsible],
        ...(current ? ([[t("processes.card.today"), current.title]] as const) : []),
      ],
    },
    { kind: "heading", text: t("processes.card.phases"), level: 2 },
  ];
  process.phases.forEach((phase, index) => {
    const here = positions[index] === "current" ? ` (${t("processes.position.current")})` : "";
    blocks.push({
      kind: "paragraph",
      text: `${index + 1}. ${phase.title}${here}: ${formatCalendarDate(locale, phase.startsOn)} – ${formatCalendarDate(locale, phase.endsOn)}. ${t("processes.card.level", { level: t(`processes.level.${phase.level}`) })} ${t(`processes.promise.${phase.level}`)}`,
    });
    const moments = phase.moments.map((moment) => {
      const lines = momentLines(t, locale, moment);
      return `${moment.title}. ${lines.how}. ${lines.when}.`;
    });
    if (moments.length > 0) blocks.push({ kind: "list", items: moments });
  });
  blocks.push({ kind: "qr", value: o.url, caption: t("processes.card.online") });
  return renderPdf({
    theme: o.theme,
    title: process.title,
    lang: locale,
    footer: o.url,
    pages: [{ blocks }],
    createdAt: o.createdAt,
  });
}
