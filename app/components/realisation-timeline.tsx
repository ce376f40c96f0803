import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { PlanRealisation } from "../../src/domain/budgeting/index.ts";
import { formatCalendarDate } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";

/** Each funded plan with its status now and its updates as a dated list, oldest first; photos with their alt text. */
export function RealisationTimeline({
  gemeente,
  plans,
  level,
}: {
  gemeente: string;
  plans: readonly PlanRealisation[];
  level: 2 | 3;
}) {
  const t = useT();
  const locale = useLocale();
  return plans.map((plan) => (
    <section key={plan.id} className="samenspel-card" aria-labelledby={`uitvoering-${plan.id}`}>
      <Heading level={level} id={`uitvoering-${plan.id}`}>
        {plan.reference}. {plan.title}
      </Heading>
      <Paragraph>
        {plan.areaName} · {t("budgeting.realisation.now", { status: t(`budgeting.realisation.status.${plan.status}`) })}
      </Paragraph>
      {plan.updates.length === 0 ? (
        <Paragraph>{t("budgeting.realisation.noUpdates")}</Paragraph>
      ) : (
        <ol className="samenspel-timeline">
          {plan.updates.map((update) => (
            <li key={update.id}>
              <p className="utrecht-paragraph">
                <strong>
                  <time dateTime={update.happenedOn}>{formatCalendarDate(locale, update.happenedOn)}</time>:{" "}
                  {t(`budgeting.realisation.status.${update.status}`)}
                </strong>
              </p>
              <p className="utrecht-paragraph">{update.body}</p>
              {update.photo && (
                <img
                  className="samenspel-plan-photo"
                  src={`/${gemeente}/bestanden/${update.photo.id}`}
                  alt={update.photo.altText}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  ));
}
