import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { DataList, DataListItem, DataListKey, DataListValue } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import type { AdviceFile, AdviceFileSide, AdviceTiming, PublicAdvice } from "../../src/domain/councils/index.ts";
import { formatCalendarDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";
import { termText, timingKey } from "./advice-format.ts";
import { DocumentLinks } from "./council-meeting.tsx";

export type AdviceView = PublicAdvice & { councilName: string; timing: AdviceTiming; files: AdviceFile[] };

/** What staff and the council add to a side of the advice: a control per file, a form to attach one. */
export type AdviceFileControls = {
  fileAction?: (file: AdviceFile) => ReactNode;
  attach?: (side: AdviceFileSide) => ReactNode;
};

/** The files of one side of the advice, with name and size, each opened at the municipality's file address. */
export function AdviceFileList({
  files,
  side,
  headingLevel,
  fileAction,
}: {
  files: AdviceFile[];
  side: AdviceFileSide;
  headingLevel: 3 | 4 | 5;
  fileAction?: AdviceFileControls["fileAction"];
}) {
  const t = useT();
  const { gemeente } = useParams();
  const mine = files
    .filter((file) => file.side === side)
    .map((file) => ({
      id: file.uploadId,
      title: file.fileName,
      fileName: file.fileName,
      byteSize: file.byteSize,
      file,
    }));
  if (mine.length === 0) return null;
  return (
    <>
      <Heading level={headingLevel}>{t(`advice.files.${side}`)}</Heading>
      <DocumentLinks
        documents={mine}
        href={(id) => `/${gemeente}/bestanden/${id}`}
        action={fileAction && ((document) => fileAction(document.file))}
      />
    </>
  );
}

/**
 * One piece of advice as staff, council members and the public read it: its dates and deadlines, the question, the
 * advice and the response, each with its files. No person is named.
 */
export function AdviceDetails({
  advice,
  headingLevel = 2,
  fileAction,
  attach,
}: { advice: AdviceView; headingLevel?: 2 | 3 | 4 } & AdviceFileControls) {
  const t = useT();
  const locale = useLocale();
  const date = (on: string | null) => (on ? formatCalendarDate(locale, on) : "–");
  const sub = (headingLevel + 1) as 3 | 4 | 5;
  const late = t(timingKey(advice));
  const term = (length: number | null, unit: PublicAdvice["adviceTermUnit"]) =>
    length && unit ? ` (${termText(t, { length, unit })})` : "";
  const files = (side: AdviceFileSide) => (
    <>
      <AdviceFileList files={advice.files} side={side} headingLevel={sub} fileAction={fileAction} />
      {attach?.(side)}
    </>
  );
  const facts: [string, string][] = [
    [t("advice.col.council"), advice.councilName],
    [t("advice.col.kind"), t(`advice.kind.${advice.kind}`)],
    [t("advice.col.status"), t(`advice.status.${advice.status}`)],
    ...(advice.kind === "solicited"
      ? ([
          [t("advice.col.requestedOn"), date(advice.requestedOn)],
          [
            t("advice.col.adviceDueOn"),
            date(advice.adviceDueOn) + term(advice.adviceTermLength, advice.adviceTermUnit),
          ],
        ] as [string, string][])
      : []),
    [t("advice.col.advisedOn"), date(advice.advisedOn)],
    [
      t("advice.col.responseDueOn"),
      date(advice.responseDueOn) + term(advice.responseTermLength, advice.responseTermUnit),
    ],
    [t("advice.col.respondedOn"), date(advice.respondedOn)],
    [t("advice.col.late"), late],
  ];
  return (
    <>
      <Heading level={headingLevel}>{t("advice.item.deadlines")}</Heading>
      <DataList className="samenspel-facts">
        {facts.map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{key}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
      {advice.question && (
        <>
          <Heading level={headingLevel}>{t("advice.item.question")}</Heading>
          <Paragraph className="samenspel-pre-line">{advice.question}</Paragraph>
          {files("request")}
        </>
      )}
      <Heading level={headingLevel}>{t("advice.item.advice")}</Heading>
      <Paragraph className="samenspel-pre-line">{advice.adviceText ?? t("advice.item.noAdviceYet")}</Paragraph>
      {files("advice")}
      <Heading level={headingLevel}>{t("advice.item.response")}</Heading>
      {advice.outcome ? (
        <>
          <Heading level={sub}>{t(`advice.outcome.${advice.outcome}`)}</Heading>
          <Paragraph className="samenspel-pre-line">{advice.reasons}</Paragraph>
        </>
      ) : (
        <Paragraph>{t("advice.item.noResponseYet")}</Paragraph>
      )}
      {files("response")}
    </>
  );
}
