import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert, FormFieldTextbox, PrimaryActionButton } from "@utrecht/component-library-react";
import { data, Form, redirect, useLocation, useSearchParams } from "react-router";
import {
  castBallot,
  changeBallot,
  findBallotByReceipt,
  findVotingCode,
  getRound,
  listPlans,
  openVotingPass,
  type Round,
  requestVotingLink,
} from "../../../src/domain/budgeting/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { BallotFields, rulesSentences } from "../../components/ballot-form.tsx";
import { HoneypotField } from "../../components/form-fields.tsx";
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
  refusalOf,
} from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { parseIntentForm, readForm } from "../../server/forms.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { limitMailingForm } from "../../server/rate-limits.server.ts";
import { voteFlashCookie } from "../../server/vote-receipt.server.ts";
import type { Route } from "./+types/vote";

const roundView = (round: Round) => ({
  slug: round.slug,
  title: round.title,
  rules: round.rules,
  phase: round.track.phase,
  identification: round.eligibility.identification,
});

type Tx = Parameters<Parameters<typeof inTenant>[2]>[0];
type Refusal = { error: MessageKey; params: Readonly<Record<string, string | number>> };

/**
 * A voter of a round by e-mail or DigiD arrives with a pass in the address (`?pas=`, from the mail's link or after
 * DigiD): it opens the ballot, after the voter chose an area when the round has several (`?gebied=`). Opening
 * changes nothing; the cast uses the pass up.
 */
async function openedByPass(tx: Tx, round: Round, url: URL): Promise<Step | Refusal | undefined> {
  const pass = url.searchParams.get("pas");
  if (!pass || round.eligibility.identification === "postal-code") return undefined;
  try {
    await openVotingPass(tx, { tenantId: round.tenantId, roundId: round.id, pass, now: new Date() });
  } catch (error) {
    return passRefusal(error);
  }
  const chosen =
    round.areas.length === 1 ? round.areas[0] : round.areas.find((a) => a.id === url.searchParams.get("gebied"));
  if (!chosen) return { step: "area", secret: pass, areas: round.areas.map(({ id, name }) => ({ id, name })) };
  return { step: "ballot", mode: "vote", secret: pass, areaId: chosen.id, ...(await ballotStep(round, chosen.id, tx)) };
}

/** A refusal about a pass: "already voted" names the change code, not the postal code the general message names. */
function passRefusal(error: unknown): Refusal {
  if (isDomainError(error) && error.code === "budgeting.already-voted") {
    return { error: "budgeting.error.alreadyVotedPass", params: {} };
  }
  const { status: _, ...refusal } = refusalOf(error);
  return refusal;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const url = new URL(request.url);
  return orNotFound(
    inTenant(context, tenant.id, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      return {
        round: roundView(round),
        opened: await openedByPass(tx, round, url),
        oidcName: services(context).config.oidc?.name ?? "DigiD",
      };
    }),
  );
}

type Step =
  | {
      step: "ballot";
      mode: "vote" | "change";
      secret: string;
      /** The area a pass's voter chose; travels with the ballot. */
      areaId?: string;
      area: { name: string; budgetEuros: number };
      plans: PlanView[];
      chosen?: { planIds: string[]; points: number[] | null };
    }
  | { step: "area"; secret: string; areas: { id: string; name: string }[] }
  | { step: "sent" };
type PlanView = { id: string; reference: string; title: string; description: string; costEuros: number };

/** The area's ballot for a code, a pass or a receipt: which plans, and for a receipt what the voter chose before. */
async function ballotStep(round: Round, roundAreaId: string, tx: Tx) {
  const area = round.areas.find((a) => a.id === roundAreaId)!;
  const plans = await listPlans(tx, { tenantId: round.tenantId, roundId: round.id, roundAreaId, show: "ballot" });
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

/**
 * The e-mail step: the same answer whether or not the address has voted or is known anywhere, so the form tells its
 * visitor nothing about an address. Rate-limited per address and per visitor, as every form that sends mail.
 */
async function mailVotingLink(
  request: Request,
  context: Route.ActionArgs["context"],
  o: { tenantId: string; gemeente: string; roundSlug: string; email: string },
) {
  const { config, queue } = services(context);
  try {
    await limitMailingForm(context, "pb-vote", o.email);
  } catch (error) {
    if (isDomainError(error) && error.code === "identity.rate-limited") {
      return data({ error: "budgeting.error.mailRateLimited" as MessageKey, params: {} }, { status: 429 });
    }
    throw error;
  }
  const locale = await localeOf(request);
  try {
    await inTenant(context, o.tenantId, (tx) =>
      requestVotingLink(tx, {
        tenantId: o.tenantId,
        roundSlug: o.roundSlug,
        email: o.email,
        key: config.votingCodeKey,
        ballotUrl: (pass) => `${config.publicUrl}/${o.gemeente}/burgerbegroting/${o.roundSlug}/stemmen?pas=${pass}`,
        locale,
        now: new Date(),
      }),
    );
  } catch (error) {
    return budgetingRefusal(error);
  }
  queue.wake();
  return { step: "sent" } satisfies Step;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const tenantId = tenant.id;
  const key = services(context).config.votingCodeKey;
  const { submission } = parseIntentForm(await readForm(request), ballotForms);
  if (submission.status !== "success") return budgetingInvalid(submission);
  const answer = submission.value;
  if (answer.intent === "email") {
    return mailVotingLink(request, context, {
      tenantId,
      gemeente: params.gemeente,
      roundSlug: params.ronde,
      email: answer.email,
    });
  }
  const now = new Date();
  // A ballot from a pass carries the area the voter chose (a hidden field); a code's ballot names none. So the post
  // says which way its voter identified without reading the round once more: the cast reads it (under its lock) and
  // refuses a way the round does not use.
  const byPass = answer.intent === "vote" && answer.area !== undefined;
  const { config } = services(context);
  const run = <T,>(work: (tx: Tx) => Promise<T>) =>
    guardCodeAttempts(context, () => inTenant(context, tenantId, work)).catch(async (error: unknown) => {
      const { status, ...reason } = refusalOf(error);
      const refusal = byPass ? passRefusal(error) : reason;
      const again = await refusedBallot(error);
      return data(again ? { ...again, ...refusal } : refusal, { status });
    });
  /**
   * A ballot the rules refuse (too many plans, over the budget, …) comes back as the voter filled it in, under the
   * reason, so nothing has to be chosen again. Nothing was stored: the refusal rolled its transaction back.
   */
  const refusedBallot = async (error: unknown): Promise<Step | undefined> => {
    if (!isDomainError(error) || error.code !== "budgeting.ballot-invalid") return undefined;
    if (answer.intent !== "vote" && answer.intent !== "change") return undefined;
    const { intent, choices, secret } = answer;
    return inTenant(context, tenantId, async (tx): Promise<Step | undefined> => {
      const round = await getRound(tx, { tenantId, slug: params.ronde });
      const roundAreaId =
        intent === "change"
          ? (await findBallotByReceipt(tx, { tenantId, roundId: round.id, receipt: secret, key })).roundAreaId
          : byPass
            ? answer.area
            : (await findVotingCode(tx, { tenantId, roundId: round.id, code: secret, key })).roundAreaId;
      if (!round.areas.some((a) => a.id === roundAreaId)) return undefined;
      const cumulative = round.rules.ballot.form === "cumulative";
      return {
        step: "ballot",
        mode: intent,
        secret,
        ...(byPass && intent === "vote" ? { areaId: roundAreaId } : {}),
        chosen: {
          planIds: choices.map((c) => c.planId),
          points: cumulative ? choices.map((c) => ("points" in c ? Number(c.points) : 0)) : null,
        },
        ...(await ballotStep(round, roundAreaId as string, tx)),
      };
    });
  };
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
  const { secret } = answer;
  switch (answer.intent) {
    case "code":
      return run(async (tx): Promise<Step> => {
        const round = await getRound(tx, { tenantId, slug: params.ronde });
        const code = await findVotingCode(tx, { tenantId, roundId: round.id, code: secret, key });
        return { step: "ballot", mode: "vote", secret, ...(await ballotStep(round, code.roundAreaId, tx)) };
      });
    case "receipt":
      // The ballot again, with what was chosen before.
      return run(async (tx): Promise<Step> => {
        const round = await getRound(tx, { tenantId, slug: params.ronde });
        const ballot = await findBallotByReceipt(tx, { tenantId, roundId: round.id, receipt: secret, key });
        return {
          step: "ballot",
          mode: "change",
          secret,
          chosen: { planIds: ballot.planIds, points: ballot.points },
          ...(await ballotStep(round, ballot.roundAreaId, tx)),
        };
      });
    case "vote": {
      const { choices } = answer;
      const voter = answer.area !== undefined ? { pass: secret, roundAreaId: answer.area } : { code: secret };
      const cast = await run((tx) =>
        castBallot(tx, { tenantId, roundSlug: params.ronde, ...voter, choices, key, now }),
      );
      return "receipt" in cast ? toReceipt(cast.round, cast.receipt) : cast;
    }
    case "change": {
      const changed = await run((tx) =>
        changeBallot(tx, { tenantId, roundSlug: params.ronde, receipt: secret, choices: answer.choices, key, now }),
      );
      return "round" in changed ? toReceipt(changed.round) : changed;
    }
  }
}

export default function Vote({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { round, opened, oidcName } = loaderData;
  const [search] = useSearchParams();
  const changing = useLocation().pathname.endsWith("/stem-wijzigen");
  // The answer to a form comes first; without one, what the pass in the address opened (or why it did not).
  // A refused ballot carries both: the reason, and the ballot as it was filled in.
  const answer = (actionData ?? (changing ? undefined : opened)) as
    | (Step & { error?: undefined })
    | Refusal
    | (Step & Refusal)
    | undefined;
  const title = t(changing ? "budgeting.change.title" : "budgeting.vote.title", { round: round.title });
  const oidcFailed = search.get("fout") === "oidc" && !actionData;
  const error =
    answer && "error" in answer && answer.error
      ? t(answer.error, answer.params)
      : oidcFailed
        ? t("budgeting.error.oidcFailed", { name: oidcName })
        : undefined;
  const step = answer && "step" in answer ? answer : undefined;
  const how = round.identification;
  const base = `/${params.gemeente}/burgerbegroting/${round.slug}`;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {step?.step === "sent" && (
        <Alert type="ok" role="status">
          <Paragraph>{t("budgeting.vote.email.sent")}</Paragraph>
        </Alert>
      )}
      {step?.step === "area" && (
        // A GET form: choosing the area changes nothing, and the pass stays in the address.
        <Form method="get">
          <input type="hidden" name="pas" value={step.secret} />
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">{t("budgeting.vote.chooseArea")}</legend>
            {step.areas.map((area, i) => (
              <div key={area.id} className="utrecht-form-field utrecht-form-field--radio">
                <input
                  type="radio"
                  id={`gebied-${area.id}`}
                  name="gebied"
                  value={area.id}
                  required
                  defaultChecked={i === 0}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                />{" "}
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`gebied-${area.id}`}>
                  {area.name}
                </label>
              </div>
            ))}
          </fieldset>
          <PrimaryActionButton type="submit">{t("budgeting.vote.next")}</PrimaryActionButton>
        </Form>
      )}
      {step?.step === "ballot" && (
        <Form method="post">
          <input type="hidden" name="intent" value={step.mode} />
          <input type="hidden" name="secret" value={step.secret} />
          {step.areaId && <input type="hidden" name="area" value={step.areaId} />}
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
      )}
      {!step && !changing && <Paragraph>{t(`budgeting.identification.${how}.sentence`, { name: oidcName })}</Paragraph>}
      {!step && (changing || how === "postal-code") && (
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
      )}
      {!step && !changing && how === "email" && (
        // The action URL without the pass: a visitor whose link failed asks for a new one here.
        <Form method="post" action={`${base}/stemmen`}>
          <input type="hidden" name="intent" value="email" />
          <HoneypotField />
          <FormFieldTextbox
            id="email"
            name="email"
            type="email"
            label={t("budgeting.vote.email")}
            description={t("budgeting.vote.email.hint")}
            autoComplete="email"
            required
          />
          <PrimaryActionButton type="submit">{t("budgeting.vote.email.submit")}</PrimaryActionButton>
        </Form>
      )}
      {!step && !changing && how === "oidc" && (
        // A document request: the provider's pages are not this app's routes.
        <Form method="post" action={`${base}/stemmen/digid`} reloadDocument>
          <PrimaryActionButton type="submit">{t("budgeting.vote.oidc.submit", { name: oidcName })}</PrimaryActionButton>
        </Form>
      )}
    </PageShell>
  );
}
