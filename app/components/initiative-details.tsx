import { DataList } from "@utrecht/component-library-react";
import type { InitiativeDetail } from "../../src/domain/initiatives/index.ts";
import { formatCalendarDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";
import { Fact } from "./programme-lists.tsx";

/**
 * What an initiative is, where it stands and who handles it: for its initiator and for staff. `withInitiator` adds
 * the initiator's name and address and the showcase choice (staff only).
 */
export function InitiativeDetails({
  initiative: i,
  withInitiator = false,
}: {
  initiative: InitiativeDetail;
  withInitiator?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const empty = t("initiatives.detail.empty");
  return (
    <DataList className="samenspel-facts">
      <Fact label={t("initiatives.detail.reference")}>{i.reference}</Fact>
      <Fact label={t("initiatives.detail.status")}>
        {t(`initiatives.status.${i.status}`)}
        {i.statusReason ? ` – ${i.statusReason}` : ""}
      </Fact>
      <Fact label={t("initiatives.detail.contact")}>
        {i.contactName ?? t("initiatives.detail.noContactYet", { date: formatCalendarDate(locale, i.assignDueOn) })}
      </Fact>
      <Fact label={t("initiatives.detail.submittedOn")}>{formatCalendarDate(locale, i.submittedOn)}</Fact>
      <Fact label={t("initiatives.field.description")}>
        <span className="samenspel-pre-line">{i.description}</span>
      </Fact>
      <Fact label={t("initiatives.field.area")}>{i.areaName ?? t("initiatives.field.area.none")}</Fact>
      <Fact label={t("initiatives.field.location")}>{i.location || empty}</Fact>
      <Fact label={t("initiatives.field.involved")}>{i.involved || empty}</Fact>
      <Fact label={t("initiatives.field.support")}>
        {i.support.map((kind) => t(`initiatives.support.${kind}`)).join(", ")}
        {i.supportNote ? ` – ${i.supportNote}` : ""}
      </Fact>
      {withInitiator && (
        <>
          <Fact label={t("initiatives.field.name")}>{i.initiatorName}</Fact>
          <Fact label={t("initiatives.field.email")}>
            <a className="nl-link" href={`mailto:${i.initiatorEmail}`}>
              {i.initiatorEmail}
            </a>
          </Fact>
          <Fact label={t("initiatives.detail.showcase")}>
            {t(i.showcase ? "initiatives.detail.showcase.yes" : "initiatives.detail.showcase.no")}
          </Fact>
        </>
      )}
    </DataList>
  );
}
