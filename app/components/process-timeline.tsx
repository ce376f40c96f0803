import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import type { PhasePosition, ProcessMoment, ProcessPhase } from "../../src/domain/processes/index.ts";
import type { Translate } from "../i18n/catalogue.ts";
import type { Locale } from "../i18n/define-messages.ts";
import { formatCalendarDate, formatTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";

/** "tot en met 14 maart 2027, 17:00" and the other sentences a moment is told in, shared by the page and the PDF. */
export function momentLines(t: Translate, locale: Locale, moment: ProcessMoment) {
  const closes = new Date(moment.closesAt);
  return {
    what: t("processes.moment.what", { subject: moment.subject }),
    how: instrumentLine(t, locale, moment),
    when: t("processes.moment.when", {
      opens: formatCalendarDate(locale, new Date(moment.opensAt)),
      closes: `${formatCalendarDate(locale, closes)}, ${formatTime(locale, closes)}`,
    }),
    feedback: t("processes.moment.feedback", {
      on: formatCalendarDate(locale, moment.feedbackOn),
      how: moment.feedbackHow,
    }),
  };
}

/** How people take part: the linked instrument with where it stands, or the method in words. */
function instrumentLine(t: Translate, locale: Locale, moment: ProcessMoment) {
  const { round, advice, fund } = moment;
  if (round) return t("processes.moment.round", { round: round.title, phase: t(`budgeting.phase.${round.phase}`) });
  if (advice) {
    const line = t("processes.moment.advice", {
      council: advice.council,
      subject: advice.subject,
      status: t(`advice.status.${advice.status}`),
    });
    const due = advice.status === "requested" && advice.adviceDueOn;
    return due ? `${line}. ${t("processes.moment.adviceDue", { on: formatCalendarDate(locale, due) })}` : line;
  }
  if (fund) return t("processes.moment.fund", { fund: fund.name });
  return `${t(`processes.method.${moment.method}`)}${moment.methodDetail ? `: ${moment.methodDetail}` : ""}`;
}

/** The page of the instrument a moment is, when it is one. */
function instrumentHref(gemeente: string, moment: ProcessMoment): string | undefined {
  if (moment.round) return `/${gemeente}/burgerbegroting/${moment.round.slug}`;
  if (moment.advice) return `/${gemeente}/advies#advies-${moment.advice.id}`;
  if (moment.fund) return `/${gemeente}/fondsen#fonds-${moment.fund.slug}`;
  return undefined;
}

/**
 * The phases in order, as a list: today's phase is marked with `aria-current="step"` and says so in words, so the
 * position is not only a colour or a picture.
 */
export function ProcessTimeline({
  phases,
  positions,
  gemeente,
}: {
  phases: ProcessPhase[];
  positions: PhasePosition[];
  gemeente: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="samenspel-timeline">
      {phases.map((phase, index) => {
        const position = positions[index] ?? "coming";
        return (
          <li
            key={phase.id}
            className={`samenspel-timeline__phase samenspel-timeline__phase--${position}`}
            aria-current={position === "current" ? "step" : undefined}
          >
            <Heading level={3}>
              {phase.title}
              <span className="samenspel-timeline__where"> – {t(`processes.position.${position}`)}</span>
            </Heading>
            <Paragraph>
              {formatCalendarDate(locale, phase.startsOn)} – {formatCalendarDate(locale, phase.endsOn)}
            </Paragraph>
            <Paragraph>
              <strong>{t("processes.card.level", { level: t(`processes.level.${phase.level}`) })}</strong>{" "}
              {t(`processes.promise.${phase.level}`)}
            </Paragraph>
            {phase.participants.length > 0 && (
              <Paragraph>{t("processes.card.participants", { who: phase.participants.join(", ") })}</Paragraph>
            )}
            {phase.moments.map((moment) => {
              const lines = momentLines(t, locale, moment);
              const href = instrumentHref(gemeente, moment);
              return (
                <section key={moment.id} className="samenspel-card" aria-label={moment.title}>
                  <Heading level={4}>{moment.title}</Heading>
                  <ul>
                    <li>{lines.what}</li>
                    <li>
                      {href ? (
                        <Link className="nl-link" to={href}>
                          {lines.how}
                        </Link>
                      ) : (
                        lines.how
                      )}
                    </li>
                    <li>{lines.when}</li>
                    <li>{lines.feedback}</li>
                  </ul>
                  {moment.feedback.length > 0 && (
                    <>
                      <Heading level={5}>{t("processes.feedback.title")}</Heading>
                      <ol>
                        {moment.feedback.map((point) => (
                          <li key={point.position}>
                            <strong>{point.point}</strong>: {t(`processes.outcome.${point.outcome}`)}.{" "}
                            {t("processes.feedback.because", { reason: point.reason })}
                          </li>
                        ))}
                      </ol>
                    </>
                  )}
                </section>
              );
            })}
          </li>
        );
      })}
    </ol>
  );
}
