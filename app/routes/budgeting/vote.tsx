import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert, FormFieldTextbox, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect, useLocation } from "react-router";
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
import { voteFlashCookie } from "../../server/vote-receipt.server.ts";
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

type Step = {
  step: "ballot";
  mode: "vote" | "change";
  secret: string;
  area: { name: string; budgetEuros: number };
  plans: PlanView[];
  chosen?: { planIds: string[]; points: number[] | null };
};
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
  const { config } = services(context);
  const key = config.votingCodeKey;
  const { submission } = parseIntentForm(await readForm(request), ballotForms);
  if (submission.status !== "success") return budgetingInvalid(submission);
  const now = new Date();
  const run = <T,>(work: (tx: Parameters<Parameters<typeof inTenant>[2]>[0]) => Promise<T>) =>
    guardCodeAttempts(context, () => inTenant(context, tenantId, work)).catch(budgetingRefusal);
  const answer = submission.value;
  const { secret } = answer;
  const roundSlug = params.ronde;
  // A ballot cast or changed is answered with a 303 to the receipt page, which shows what the cookie carries once:
  // the post renders nothing, and a reload of the receipt page cannot post the ballot again.
  const toReceipt = (round: { slug: string; title: string }, receipt?: string) =>
    redirect(`/${params.gemeente}/burgerbegroting/${round.slug}/gestemd`, {
      status: 303,
      headers: {
        "Set-Cookie": voteFlashCookie(config, {
          gemeente: params.gemeente,
          round: { slug: round.slug, title: round.title },
          ...(receipt === undefined ? {} : { receipt }),
        }),
      },
    });
  switch (answer.intent) {
    case "code":
      return run(async (tx): Promise<Step> => {
        const round = await getRound(tx, { tenantId, slug: roundSlug });
        const code = await findVotingCode(tx, { tenantId, roundId: round.id, code: secret, key });
        return { step: "ballot", mode: "vote", secret, ...(await ballotStep(tenantId, round, code.roundAreaId, tx)) };
      });
    case "receipt":
      // The ballot again, with what was chosen before.
      return run(async (tx): Promise<Step> => {
        const round = await getRound(tx, { tenantId, slug: roundSlug });
        const ballot = await findBallotByReceipt(tx, { tenantId, roundId: round.id, receipt: secret, key });
        return {
          step: "ballot",
          mode: "change",
          secret,
          chosen: { planIds: ballot.planIds, points: ballot.points },
          ...(await ballotStep(tenantId, round, ballot.roundAreaId, tx)),
        };
      });
    case "vote": {
      const cast = await run((tx) =>
        castBallot(tx, { tenantId, roundSlug, code: secret, choices: answer.choices, key, now }),
      );
      return "receipt" in cast ? toReceipt(cast.round, cast.receipt) : cast;
    }
    case "change": {
      const changed = await run((tx) =>
        changeBallot(tx, { tenantId, roundSlug, receipt: secret, choices: answer.choices, key, now }),
      );
      return "round" in changed ? toReceipt(changed.round) : changed;
    }
  }
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
