import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert, FormFieldTextbox, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, useLocation } from "react-router";
import {
  castBallot,
  changeBallot,
  findBallotByReceipt,
  findVotingCode,
  getRound,
  listPlans,
  type Round,
} from "../../../src/domain/budgeting/index.ts";
import { BallotFields, rulesSentences } from "../../components/ballot-form.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { ballotForms } from "../../forms/budgeting.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import {
  budgetingInvalid,
  budgetingRefusal,
  guardCodeAttempts,
  inTenant,
  municipalityOf,
  orNotFound,
} from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { parseIntentForm, readForm } from "../../server/forms.server.ts";
import type { Route } from "./+types/vote";

const roundView = (round: Round) => ({
  slug: round.slug,
  title: round.title,
  rules: round.rules,
  phase: round.track.phase,
});

export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const round = await orNotFound(
    inTenant(context, tenant.id, (tx) => getRound(tx, { tenantId: tenant.id, slug: params.ronde })),
  );
  return { round: roundView(round) };
}

type Step =
  | {
      step: "ballot";
      mode: "vote" | "change";
      secret: string;
      area: { name: string; budgetEuros: number };
      plans: PlanView[];
      chosen?: { planIds: string[]; points: number[] | null };
    }
  | { step: "done"; receipt: string }
  | { step: "changed" };
type PlanView = { id: string; reference: string; title: string; description: string; costEuros: number };

/** The area's ballot for a code or a receipt: which plans, and for a receipt what the voter chose before. */
async function ballotStep(
  tenantId: string,
  round: Round,
  roundAreaId: string,
  tx: Parameters<Parameters<typeof inTenant>[2]>[0],
) {
  const area = round.areas.find((a) => a.id === roundAreaId)!;
  const plans = await listPlans(tx, { tenantId, roundId: round.id, roundAreaId, show: "ballot" });
  return {
    area: { name: area.name, budgetEuros: area.budgetEuros },
    plans: plans.map((p) => ({
      id: p.id,
      reference: p.reference,
      title: p.title,
      description: p.description,
      costEuros: p.officialCostEuros ?? p.estimatedCostEuros,
    })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const tenantId = tenant.id;
  const key = services(context).config.votingCodeKey;
  const { submission } = parseIntentForm(await readForm(request), ballotForms);
  if (submission.status !== "success") return budgetingInvalid(submission);
  const now = new Date();
  const run = (work: (tx: Parameters<Parameters<typeof inTenant>[2]>[0], round: Round) => Promise<Step>) =>
    guardCodeAttempts(context, () =>
      inTenant(context, tenantId, async (tx) => {
        const round = await getRound(tx, { tenantId, slug: params.ronde });
        return work(tx, round);
      }),
    ).catch(budgetingRefusal);
  const answer = submission.value;
  const { secret } = answer;
  return run(async (tx, round) => {
    switch (answer.intent) {
      case "code": {
        const code = await findVotingCode(tx, { tenantId, roundId: round.id, code: secret, key });
        return { step: "ballot", mode: "vote", secret, ...(await ballotStep(tenantId, round, code.roundAreaId, tx)) };
      }
      case "receipt": {
        // The ballot again, with what was chosen before.
        const ballot = await findBallotByReceipt(tx, { tenantId, roundId: round.id, receipt: secret, key });
        return {
          step: "ballot",
          mode: "change",
          secret,
          chosen: { planIds: ballot.planIds, points: ballot.points },
          ...(await ballotStep(tenantId, round, ballot.roundAreaId, tx)),
        };
      }
      case "vote": {
        const { choices } = answer;
        const { receipt } = await castBallot(tx, { tenantId, roundSlug: round.slug, code: secret, choices, key, now });
        return { step: "done", receipt };
      }
      case "change":
        await changeBallot(tx, { tenantId, roundSlug: round.slug, receipt: secret, choices: answer.choices, key, now });
        return { step: "changed" };
    }
  });
}

export default function Vote({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { round } = loaderData;
  const answer = actionData as
    | (Step & { error?: undefined })
    | { error: MessageKey; params: Record<string, string | number> }
    | undefined;
  const changing = useLocation().pathname.endsWith("/stem-wijzigen");
  const title = t(changing ? "budgeting.change.title" : "budgeting.vote.title", { round: round.title });
  const error = answer && "error" in answer && answer.error ? t(answer.error, answer.params) : undefined;
  const step = answer && "step" in answer ? answer : undefined;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {step?.step === "done" && (
        <Alert type="ok" role="status">
          <Paragraph>{t("budgeting.vote.done")}</Paragraph>
          <Paragraph>{t("budgeting.vote.receipt", { receipt: step.receipt.replace(/(.{4})(?=.)/g, "$1-") })}</Paragraph>
        </Alert>
      )}
      {step?.step === "changed" && (
        <Alert type="ok" role="status">
          <Paragraph>{t("budgeting.vote.changed")}</Paragraph>
        </Alert>
      )}
      {step?.step === "ballot" ? (
        <Form method="post">
          <input type="hidden" name="intent" value={step.mode} />
          <input type="hidden" name="secret" value={step.secret} />
          <Paragraph>{t("budgeting.vote.area", { area: step.area.name })}</Paragraph>
          {rulesSentences(t, locale, round.rules, step.area.budgetEuros).map((s) => (
            <Paragraph key={s}>{s}</Paragraph>
          ))}
          <BallotFields
            rules={round.rules}
            plans={step.plans}
            budgetEuros={step.area.budgetEuros}
            chosen={step.chosen}
          />
          <PrimaryActionButton type="submit">
            {t(step.mode === "vote" ? "budgeting.vote.submit" : "budgeting.vote.change")}
          </PrimaryActionButton>
        </Form>
      ) : (
        !step && (
          <Form method="post">
            <input type="hidden" name="intent" value={changing ? "receipt" : "code"} />
            <FormFieldTextbox
              id="secret"
              name="secret"
              label={t(changing ? "budgeting.change.receipt" : "budgeting.vote.code")}
              description={t(changing ? "budgeting.change.receipt.hint" : "budgeting.vote.code.hint")}
              autoComplete="off"
              required
            />
            <PrimaryActionButton type="submit">{t("budgeting.vote.next")}</PrimaryActionButton>
          </Form>
        )
      )}
    </PageShell>
  );
}
