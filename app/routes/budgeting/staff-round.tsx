import {
  Heading1,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from "@utrecht/component-library-react";
import { Form, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import {
  changeIdentification,
  createCodeBatch,
  createPaperBatch,
  enterPaperBatch,
  getResult,
  getRound,
  IDENTIFICATION_METHODS,
  type IdentificationMethod,
  LETTERS_PER_FILE,
  listCodeBatches,
  listPaperBatches,
  listPlans,
  moderatePlan,
  ROUND_PHASES,
  reviewFeasibility,
  roundPhases,
} from "../../../src/domain/budgeting/index.ts";
import { movePhase } from "../../../src/domain/shared/index.ts";
import { onlyBudget, rulesSentences } from "../../components/ballot-form.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { LengthLimitNote, limitId } from "../../components/form-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { staffRoundForms } from "../../forms/budgeting.ts";
import { paperBatchLimits, paperEntryLimits } from "../../forms/budgeting-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { budgetingInvalid, budgetingRefusal, orNotFound } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { parseIntentForm, readForm } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-round";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const view = await orNotFound(
    withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      return {
        round: {
          slug: round.slug,
          title: round.title,
          rules: round.rules,
          rulesFixedAt: round.rulesFixedAt,
          identification: round.eligibility.identification,
          areas: round.areas,
          phase: round.track.phase,
          schedule: round.track.schedule,
        },
        plans: await listPlans(tx, { tenantId: tenant.id, roundId: round.id, show: "all" }),
        batches: await listCodeBatches(tx, { tenantId: tenant.id, roundId: round.id }),
        paper: await listPaperBatches(tx, { tenantId: tenant.id, roundId: round.id, personId: actor.personId }),
        result: await getResult(tx, { tenantId: tenant.id, roundId: round.id, publishedOnly: false }),
      };
    }),
  );
  // The phases come from the loader, so the domain's modules stay out of the browser's bundle.
  return {
    ...view,
    base: staffBase(params.gemeente),
    phases: ROUND_PHASES,
    lettersPerFile: LETTERS_PER_FILE,
    identifications: IDENTIFICATION_METHODS,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const { db, config, queue } = services(context);
  const { submission } = parseIntentForm(await readForm(request), staffRoundForms);
  if (submission.status !== "success") return budgetingInvalid(submission);
  const form = submission.value;
  const tenantId = tenant.id;
  const actorPersonId = actor.personId;
  const now = new Date();
  try {
    await withTenant(db, { tenantId, personId: actorPersonId }, async (tx) => {
      const { id: roundId } = await getRound(tx, { tenantId, slug: params.ronde });
      switch (form.intent) {
        case "move":
          return movePhase(tx, roundPhases, {
            tenantId,
            subjectId: roundId,
            from: form.from,
            to: form.to,
            actorPersonId,
            now,
          });
        case "publish":
        case "reject":
          return moderatePlan(tx, { tenantId, roundId, planId: form.plan, actorPersonId, decision: form.intent });
        case "review":
          return reviewFeasibility(tx, {
            tenantId,
            roundId,
            planId: form.plan,
            actorPersonId,
            feasible: form.feasible,
            officialCostEuros: form.officialCost ?? null,
            reason: form.reason ?? "",
          });
        case "paper-batch":
          return createPaperBatch(tx, {
            tenantId,
            roundId,
            roundAreaId: form.area,
            label: form.label ?? "",
            actorPersonId,
            now,
          });
        case "paper-entry":
          return enterPaperBatch(tx, {
            tenantId,
            roundId,
            batchId: form.batch,
            personId: actorPersonId,
            text: form.ballots,
            now,
          });
        case "identification":
          return changeIdentification(tx, {
            tenantId,
            roundId,
            actorPersonId,
            identification: form.identification as IdentificationMethod,
          });
        case "codes":
          return createCodeBatch(tx, {
            tenantId,
            roundId,
            roundAreaId: form.area,
            size: form.size,
            key: config.votingCodeKey,
            actorPersonId,
            now,
          });
      }
    });
  } catch (error) {
    return budgetingRefusal(error);
  }
  queue.wake();
  return redirect(`${staffBase(params.gemeente)}/burgerbegroting/${params.ronde}?melding=${form.intent}`);
}

const NOTICES = {
  created: "budgeting.staff.created",
  move: "budgeting.phase.moved",
  publish: "budgeting.plan.moderated",
  reject: "budgeting.plan.moderated",
  review: "budgeting.plan.reviewed",
  codes: "budgeting.codes.created",
  identification: "budgeting.staff.identification.changed",
  "paper-batch": "budgeting.paper.created",
  "paper-entry": "budgeting.paper.entered",
} as const satisfies Record<string, MessageKey>;

export default function StaffRound({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { round, plans, batches, paper, result, base, phases, lettersPerFile, identifications } = loaderData;
  const euros = (n: number) => formatMoney(locale, n * 100);
  const index = phases.indexOf(round.phase);
  const next = phases[index + 1];
  const back = index > 0 && index <= phases.indexOf("review") ? phases[index - 1] : undefined;
  const error = actionData && "error" in actionData ? t(actionData.error as MessageKey, actionData.params) : undefined;
  const notice = useNotice(NOTICES);
  return (
    <PageShell title={round.title}>
      <Heading1>{round.title}</Heading1>
      <Notice message={error} type="error" />
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>{t("budgeting.phase.current", { phase: t(`budgeting.phase.${round.phase}`) })}</Paragraph>
      {result?.status === "published" && (
        <Paragraph>
          <a className="utrecht-link" href={`${base}/burgerbegroting/${params.ronde}/uitvoering`}>
            {t("budgeting.realisation.staffLink")}
          </a>
        </Paragraph>
      )}
      <Heading2>{t("budgeting.phase.schedule")}</Heading2>
      <DataTable
        label={t("budgeting.phase.schedule")}
        columns={[t("budgeting.phase.schedule"), ""]}
        items={round.schedule}
        keyOf={(d) => d.phase}
        cells={(d) => [
          t(`budgeting.phase.${d.phase}`),
          d.startsAt ? formatDate(locale, d.startsAt) : t("budgeting.phase.noDate"),
        ]}
      />
      {next && round.phase !== "counting" && (
        <Form method="post">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="from" value={round.phase} />
          <input type="hidden" name="to" value={next} />
          <PrimaryActionButton type="submit">
            {t("budgeting.phase.next", { phase: t(`budgeting.phase.${next}`) })}
          </PrimaryActionButton>
        </Form>
      )}
      {back && (
        <Form method="post">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="from" value={round.phase} />
          <input type="hidden" name="to" value={back} />
          <SecondaryActionButton type="submit">
            {t("budgeting.phase.back", { phase: t(`budgeting.phase.${back}`) })}
          </SecondaryActionButton>
        </Form>
      )}
      <Heading2>{t("budgeting.rules.title")}</Heading2>
      {rulesSentences(t, locale, round.rules, onlyBudget(round.areas)).map((s) => (
        <Paragraph key={s}>{s}</Paragraph>
      ))}
      <Paragraph>
        {t("budgeting.staff.identification", { how: t(`budgeting.identification.${round.identification}`) })}
      </Paragraph>
      {round.rulesFixedAt && <Paragraph>{t("budgeting.rules.fixed")}</Paragraph>}
      {!round.rulesFixedAt && index < phases.indexOf("voting") && (
        // How voters identify stays open until voting opens, like the other rules (the database fixes it then).
        <Form method="post">
          <input type="hidden" name="intent" value="identification" />
          <label className="utrecht-form-label" htmlFor="identification">
            {t("budgeting.field.identification")}
          </label>
          <select
            id="identification"
            name="identification"
            className="utrecht-select utrecht-select--html-select"
            defaultValue={round.identification}
          >
            {identifications.map((m) => (
              <option key={m} value={m}>
                {t(`budgeting.identification.${m}`)}
              </option>
            ))}
          </select>{" "}
          <SecondaryActionButton type="submit">{t("budgeting.staff.identification.save")}</SecondaryActionButton>
        </Form>
      )}
      <Heading2>{t("budgeting.plans.title")}</Heading2>
      {plans.length === 0 && <Paragraph>{t("budgeting.plans.none")}</Paragraph>}
      {plans.map((plan) => (
        <section key={plan.id} className="samenspel-card" aria-labelledby={`plan-${plan.id}`}>
          <h3 className="utrecht-heading-3" id={`plan-${plan.id}`}>
            {plan.reference}. {plan.title} ({plan.areaName}, {euros(plan.officialCostEuros ?? plan.estimatedCostEuros)})
          </h3>
          <Paragraph>
            {t(`budgeting.plan.status.${plan.status}`)} ·{" "}
            {plan.feasibility
              ? t(plan.feasibility === "feasible" ? "budgeting.plan.feasible" : "budgeting.plan.infeasible")
              : t("budgeting.plan.notReviewed")}
          </Paragraph>
          <Paragraph>{plan.description}</Paragraph>
          {plan.location && <Paragraph>{plan.location}</Paragraph>}
          {plan.photo && (
            <img
              className="samenspel-plan-photo"
              src={`/${params.gemeente}/bestanden/${plan.photo.id}`}
              alt={plan.photo.altText}
            />
          )}
          {!round.rulesFixedAt && plan.status === "submitted" && (
            <Form method="post">
              <input type="hidden" name="plan" value={plan.id} />
              <button
                className="utrecht-button utrecht-button--primary-action"
                type="submit"
                name="intent"
                value="publish"
              >
                {t("budgeting.plan.publish")}
              </button>{" "}
              <button
                className="utrecht-button utrecht-button--secondary-action"
                type="submit"
                name="intent"
                value="reject"
              >
                {t("budgeting.plan.reject")}
              </button>
            </Form>
          )}
          {!round.rulesFixedAt && plan.status === "published" && (
            <Form method="post">
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="plan" value={plan.id} />
              <fieldset className="utrecht-form-fieldset">
                <legend className="utrecht-form-fieldset__legend">{t("budgeting.plan.review.feasible")}</legend>
                <label className="utrecht-form-label">
                  <input type="radio" name="feasible" value="yes" defaultChecked={plan.feasibility !== "infeasible"} />{" "}
                  {t("budgeting.plan.review.yes")}
                </label>{" "}
                <label className="utrecht-form-label">
                  <input type="radio" name="feasible" value="no" defaultChecked={plan.feasibility === "infeasible"} />{" "}
                  {t("budgeting.plan.review.no")}
                </label>
              </fieldset>
              <label className="utrecht-form-label" htmlFor={`cost-${plan.id}`}>
                {t("budgeting.plan.review.officialCost")}
              </label>
              <input
                id={`cost-${plan.id}`}
                name="officialCost"
                inputMode="numeric"
                className="utrecht-textbox utrecht-textbox--html-input"
                defaultValue={plan.officialCostEuros ?? plan.estimatedCostEuros}
              />
              <label className="utrecht-form-label" htmlFor={`reason-${plan.id}`}>
                {t("budgeting.plan.review.reason")}
              </label>
              <textarea
                id={`reason-${plan.id}`}
                name="reason"
                className="utrecht-textarea utrecht-textarea--html-textarea"
                defaultValue={plan.feasibilityReason ?? ""}
              />
              <PrimaryActionButton type="submit">{t("budgeting.plan.review.save")}</PrimaryActionButton>
            </Form>
          )}
        </section>
      ))}
      <Heading2>{t("budgeting.codes.title")}</Heading2>
      <Paragraph>{t("budgeting.codes.intro")}</Paragraph>
      {batches.length > 0 && (
        <DataTable
          label={t("budgeting.codes.title")}
          columns={[
            t("budgeting.codes.area"),
            t("budgeting.codes.size"),
            t("budgeting.codes.used"),
            t("budgeting.codes.files"),
          ]}
          items={batches}
          keyOf={(b) => b.id}
          cells={(b) => [
            b.areaName,
            String(b.size),
            String(b.used),
            <span key="files">
              <a className="utrecht-link" href={`${base}/burgerbegroting/${params.ronde}/codes/${b.id}`} download>
                {t("budgeting.codes.csv")}
              </a>{" "}
              ·{" "}
              <LetterLinks
                href={`${base}/burgerbegroting/${params.ronde}/codes/${b.id}/brieven.pdf`}
                batch={b}
                per={lettersPerFile}
              />
            </span>,
          ]}
        />
      )}
      {round.identification === "postal-code" && phases.indexOf(round.phase) < phases.indexOf("counting") && (
        <Form method="post">
          <input type="hidden" name="intent" value="codes" />
          <AreaSelect id="codes-area" label={t("budgeting.codes.area")} areas={round.areas} />
          <label className="utrecht-form-label" htmlFor="codes-size">
            {t("budgeting.codes.size")}
          </label>
          <input
            id="codes-size"
            name="size"
            inputMode="numeric"
            defaultValue="100"
            className="utrecht-textbox utrecht-textbox--html-input"
          />
          <PrimaryActionButton type="submit">{t("budgeting.codes.create")}</PrimaryActionButton>
        </Form>
      )}
      {(round.phase === "voting" || round.phase === "counting" || paper.length > 0) && (
        <PaperBallots
          areas={round.areas}
          batches={paper}
          open={round.phase === "voting" || round.phase === "counting"}
        />
      )}
      <Heading2>{t("budgeting.result.title")}</Heading2>
      {!result && <Paragraph>{t("budgeting.result.notYet")}</Paragraph>}
      {result?.outcome.areas.map((area) => (
        <Paragraph key={area.roundAreaId}>
          {area.name}:{" "}
          {area.plans
            .filter((p) => p.selected)
            .map((p) => p.title)
            .join(", ")}{" "}
          ·{" "}
          {t("budgeting.result.voters", {
            voters: area.voters,
            spent: euros(area.spentEuros),
            budget: euros(area.budgetEuros),
          })}
        </Paragraph>
      ))}
      {result?.status === "to-review" && round.phase === "counting" && (
        <Form method="post">
          <Paragraph>{t("budgeting.result.toReview")}</Paragraph>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="from" value="counting" />
          <input type="hidden" name="to" value="results" />
          <PrimaryActionButton type="submit">{t("budgeting.result.publish")}</PrimaryActionButton>
        </Form>
      )}
    </PageShell>
  );
}

type PaperView = Route.ComponentProps["loaderData"]["paper"][number];

/** Paper ballots: batches per area, each entered by two staff members; a difference blocks the batch. */
function PaperBallots({
  areas,
  batches,
  open,
}: {
  areas: readonly { id: string; name: string }[];
  batches: readonly PaperView[];
  open: boolean;
}) {
  const t = useT();
  return (
    <section aria-labelledby="papier">
      <Heading2 id="papier">{t("budgeting.paper.title")}</Heading2>
      <Paragraph>{t("budgeting.paper.intro")}</Paragraph>
      {batches.map((batch) => (
        <section key={batch.id} className="samenspel-card" aria-labelledby={`stapel-${batch.id}`}>
          <h3 className="utrecht-heading-3" id={`stapel-${batch.id}`}>
            {batch.label} ({batch.areaName})
          </h3>
          <Paragraph>
            {batch.status === "accepted"
              ? t("budgeting.paper.status.accepted", { ballots: batch.ballots })
              : batch.status === "blocked"
                ? t("budgeting.paper.status.blocked", { lines: batch.differences.join(", ") })
                : t("budgeting.paper.status.open", { entries: batch.entries })}
          </Paragraph>
          {batch.enteredByMe && batch.status !== "accepted" && <Paragraph>{t("budgeting.paper.yours")}</Paragraph>}
          {open && batch.status !== "accepted" && (
            <Form method="post">
              <input type="hidden" name="intent" value="paper-entry" />
              <input type="hidden" name="batch" value={batch.id} />
              <label className="utrecht-form-label" htmlFor={`ballots-${batch.id}`}>
                {t("budgeting.paper.entry", { label: batch.label })}
              </label>
              <p className="utrecht-form-field-description" id={`ballots-${batch.id}-hint`}>
                {t("budgeting.paper.entry.hint")}
              </p>
              <textarea
                id={`ballots-${batch.id}`}
                name="ballots"
                rows={8}
                maxLength={paperEntryLimits.ballots.maxLength}
                aria-describedby={`ballots-${batch.id}-hint ${limitId(`ballots-${batch.id}`)}`}
                className="utrecht-textarea utrecht-textarea--html-textarea"
              />
              <LengthLimitNote id={`ballots-${batch.id}`} maxLength={paperEntryLimits.ballots.maxLength} />
              <PrimaryActionButton type="submit">{t("budgeting.paper.enter")}</PrimaryActionButton>
            </Form>
          )}
        </section>
      ))}
      {open && (
        <Form method="post">
          <input type="hidden" name="intent" value="paper-batch" />
          <AreaSelect id="paper-area" label={t("budgeting.paper.area")} areas={areas} />
          <label className="utrecht-form-label" htmlFor="paper-label">
            {t("budgeting.paper.label")}
          </label>
          <input
            id="paper-label"
            name="label"
            maxLength={paperBatchLimits.label.maxLength}
            aria-describedby={limitId("paper-label")}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
          <LengthLimitNote id="paper-label" maxLength={paperBatchLimits.label.maxLength} />
          <PrimaryActionButton type="submit">{t("budgeting.paper.create")}</PrimaryActionButton>
        </Form>
      )}
    </section>
  );
}

/** The round's areas as a labelled drop-down (`area`), for the forms that make something per area. */
function AreaSelect({
  id,
  label,
  areas,
}: {
  id: string;
  label: string;
  areas: readonly { id: string; name: string }[];
}) {
  return (
    <>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name="area" className="utrecht-select utrecht-select--html-select">
        {areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** The letters of a batch: one PDF, or for a large batch one file per thousand letters, listed under a summary. */
function LetterLinks({
  href,
  batch,
  per,
}: {
  href: string;
  batch: { size: number; letterFiles: number };
  per: number;
}) {
  const t = useT();
  if (batch.letterFiles === 1) {
    return (
      <a className="utrecht-link" href={href} download>
        {t("budgeting.codes.letters")}
      </a>
    );
  }
  return (
    <details>
      <summary>{t("budgeting.codes.lettersParts", { files: batch.letterFiles })}</summary>
      <ul className="utrecht-unordered-list">
        {Array.from({ length: batch.letterFiles }, (_, i) => i + 1).map((part) => (
          <li key={part}>
            <a className="utrecht-link" href={`${href}?deel=${part}`} download>
              {t("budgeting.codes.lettersPart", {
                first: (part - 1) * per + 1,
                last: Math.min(batch.size, part * per),
              })}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
