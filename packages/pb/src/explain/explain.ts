import type { EqualSharesTrace } from "../rules/equal-shares/equal-shares.ts";
import type { GreedyTrace } from "../rules/greedy.ts";
import type { PhragmenTrace } from "../rules/phragmen.ts";
import { type Amount, amountValue, formatCount, formatMoney, type Language, numberFormat } from "./amount.ts";
import type { TraceContext } from "./context.ts";

/** The trace of any rule (`trace: true`): plain JSON data, to be stored and explained later. */
export type Trace = EqualSharesTrace | GreedyTrace | PhragmenTrace;

/** Words a sentence needs: names with their cost, money and counts in the language's notation. */
function wordsFor(trace: TraceContext, language: Language) {
  const money = (amount: Amount) => formatMoney(amount, trace.currency, language);
  const count = (n: number) => formatCount(n, language);
  const name = (id: string) => trace.projects[id]?.name || `${language === "nl" ? "Project" : "Project"} ${id}`;
  const label = (id: string) => `${name(id)} (${money(trace.projects[id]?.cost ?? "0")})`;
  const list = (ids: readonly string[]) => {
    const names = ids.map(name);
    if (names.length <= 1) return names.join("");
    return `${names.slice(0, -1).join(", ")} ${language === "nl" ? "en" : "and"} ${names.at(-1)}`;
  };
  const number = (value: string) => numberFormat(language, { maximumSignificantDigits: 4 }).format(amountValue(value));
  return { money, count, name, label, list, number };
}

/**
 * Short sentences, in Dutch (B1) or English, that tell residents why each project was or was not chosen: who paid
 * how much, what each project lost to, and what the completion changed. Amounts are rounded to cents here; the
 * trace keeps them exact.
 */
export function explain(trace: Trace, language: Language = "nl"): string[] {
  switch (trace.rule) {
    case "equal-shares":
      return explainEqualShares(trace, language);
    case "phragmen":
      return explainPhragmen(trace, language);
    default:
      return explainGreedy(trace, language);
  }
}

function explainEqualShares(trace: EqualSharesTrace, nl: Language): string[] {
  const w = wordsFor(trace, nl);
  const dutch = nl === "nl";
  const out: string[] = [];
  const raise = trace.increments > 0 ? w.money(String(trace.increments)) : "";
  out.push(
    dutch
      ? `Elke stemmer kreeg ${w.money(trace.perVoterBudget)} om mee te betalen: het budget van ${w.money(trace.budget)} gedeeld door ${w.count(trace.voters)} stemmers${raise ? `, plus ${raise} om het budget zo goed mogelijk te besteden` : ""}.`
      : `Every voter got ${w.money(trace.perVoterBudget)} to spend: the budget of ${w.money(trace.budget)} divided by ${w.count(trace.voters)} voters${raise ? `, plus ${raise} to spend the budget as fully as possible` : ""}.`,
  );
  trace.steps?.forEach((step, i) => {
    const each = w.money(step.perVoterBudget);
    if (i === 0 && step.verdict === "raise") {
      out.push(
        dutch
          ? `Met ${each} per stemmer werden ${w.count(step.selected.length)} projecten gekozen, samen ${w.money(step.cost)}; er bleef geld over, dus kreeg iedereen steeds ${w.money("1")} meer.`
          : `With ${each} per voter, ${w.count(step.selected.length)} projects were chosen, together ${w.money(step.cost)}; money was left, so everyone got ${w.money("1")} more at a time.`,
      );
    } else if (step.verdict === "raise" && (step.added.length > 0 || step.removed.length > 0)) {
      const added = step.added.length > 0 ? w.list(step.added) : "";
      const removed = step.removed.length > 0 ? w.list(step.removed) : "";
      out.push(
        dutch
          ? `Met ${each} per stemmer ${added ? `kwam ${added} erbij` : ""}${added && removed ? " en " : ""}${removed ? `viel ${removed} af` : ""}.`
          : `With ${each} per voter, ${added ? `${added} came in` : ""}${added && removed ? " and " : ""}${removed ? `${removed} dropped out` : ""}.`,
      );
    } else if (step.verdict === "overspent") {
      out.push(
        dutch
          ? `Met ${each} per stemmer zou de keuze ${w.money(step.cost)} kosten, meer dan het budget; daarom geldt de keuze daarvoor.`
          : `With ${each} per voter the choice would cost ${w.money(step.cost)}, more than the budget; so the choice before it stands.`,
      );
    } else if (step.verdict === "exhaustive") {
      out.push(
        dutch
          ? `Met ${each} per stemmer past geen ander project meer in het budget: daar stopt het verhogen.`
          : `With ${each} per voter no other project fits the budget: the raising stops there.`,
      );
    } else if (step.verdict === "all-funded") {
      out.push(
        dutch
          ? `Met ${each} per stemmer zijn alle projecten met stemmen gekozen.`
          : `With ${each} per voter every project with votes is chosen.`,
      );
    }
  });
  for (const id of trace.free) {
    out.push(
      dutch ? `${w.name(id)} kost niets en is meteen gekozen.` : `${w.name(id)} costs nothing and was chosen at once.`,
    );
  }
  trace.rounds.forEach((round, i) => {
    // Read each amount once: a round of a big count has thousands of payments.
    const amounts = round.payments.map((p) => amountValue(p.each));
    let lowest = 0;
    let highest = 0;
    amounts.forEach((amount, k) => {
      if (amount < amounts[lowest]!) lowest = k;
      if (amount > amounts[highest]!) highest = k;
    });
    const low = round.payments[lowest]!;
    const high = round.payments[highest]!;
    const same = amounts[highest]! - amounts[lowest]! < 0.005;
    const share = same
      ? dutch
        ? `ieder ${w.money(high.each)}`
        : `${w.money(high.each)} each`
      : dutch
        ? `tussen ${w.money(low.each)} en ${w.money(high.each)} per persoon`
        : `between ${w.money(low.each)} and ${w.money(high.each)} each`;
    out.push(
      dutch
        ? `Ronde ${i + 1}: ${w.label(round.project)} is gekozen. ${w.count(round.payers)} stemmers die het steunden betaalden mee, ${share}.`
        : `Round ${i + 1}: ${w.label(round.project)} was chosen. ${w.count(round.payers)} voters who supported it paid, ${share}.`,
    );
  });
  for (const step of trace.greedy ?? []) {
    out.push(
      dutch
        ? `${w.label(step.project)} is daarna toegevoegd, omdat het nog paste in de ${w.money(step.remaining)} die over was.`
        : `${w.label(step.project)} was added afterwards, because it still fitted in the ${w.money(step.remaining)} left.`,
    );
  }
  for (const loser of trace.losers) {
    const supporters = trace.projects[loser.project]?.supporters ?? 0;
    if (loser.reason === "no-satisfaction") {
      out.push(
        supporters === 0
          ? dutch
            ? `${w.label(loser.project)} is niet gekozen: niemand heeft erop gestemd.`
            : `${w.label(loser.project)} was not chosen: nobody voted for it.`
          : dutch
            ? `${w.label(loser.project)} is niet gekozen: het kost niets, en bij deze regel levert het daarom niemand iets op.`
            : `${w.label(loser.project)} was not chosen: it costs nothing, so under this rule it gives nobody anything.`,
      );
      continue;
    }
    const left = w.money(loser.moneyLeft ?? "0");
    let sentence =
      supporters === 1
        ? dutch
          ? `${w.label(loser.project)} is niet gekozen: de enige stemmer die het steunde had nog ${left} over.`
          : `${w.label(loser.project)} was not chosen: the one voter who supported it had only ${left} left.`
        : dutch
          ? `${w.label(loser.project)} is niet gekozen: de ${w.count(supporters)} stemmers die het steunden hadden samen nog ${left} over.`
          : `${w.label(loser.project)} was not chosen: the ${w.count(supporters)} voters who supported it had only ${left} left between them.`;
    const lost = loser.lostTo;
    if (lost) {
      const tie = lost.ownPrice === lost.price;
      sentence += tie
        ? dutch
          ? ` In ronde ${lost.round} kostte het hen naar verhouding evenveel als ${w.name(lost.project)}, dat voorging door de vaste volgorde bij gelijke stand.`
          : ` In round ${lost.round} it cost them as much, in proportion, as ${w.name(lost.project)}, which went first by the fixed order for ties.`
        : dutch
          ? ` Tot en met ronde ${lost.round} konden ze het nog betalen, maar ${w.name(lost.project)} ging voor: daarvoor hoefden de stemmers naar verhouding minder te betalen.`
          : ` Until round ${lost.round} they could still pay for it, but ${w.name(lost.project)} went first: its voters had to pay less for it, in proportion.`;
    }
    out.push(sentence);
  }
  return out;
}

function explainPhragmen(trace: PhragmenTrace, language: Language): string[] {
  const w = wordsFor(trace, language);
  const dutch = language === "nl";
  const out = [
    dutch
      ? "De stemmers betalen samen voor de projecten die ze steunen; steeds wordt het project gekozen waarbij wie het steunt het minst hoeft te betalen."
      : "Voters pay together for the projects they support; each time, the project whose supporters have to pay the least is chosen.",
  ];
  trace.rounds.forEach((round, i) => {
    out.push(
      round.load === undefined
        ? dutch
          ? `Ronde ${i + 1}: ${w.label(round.project)} is gekozen omdat het nog paste.`
          : `Round ${i + 1}: ${w.label(round.project)} was chosen because it still fitted.`
        : dutch
          ? `Ronde ${i + 1}: ${w.label(round.project)} is gekozen; wie het steunde, heeft nu in totaal ${w.money(round.load)} betaald.`
          : `Round ${i + 1}: ${w.label(round.project)} was chosen; each of its supporters has now paid ${w.money(round.load)} in all.`,
    );
  });
  for (const loser of trace.losers) {
    const label = w.label(loser.project);
    if (loser.reason === "too-expensive") {
      out.push(
        dutch
          ? `${label} is niet gekozen: het kost meer dan het hele budget van ${w.money(trace.budget)}.`
          : `${label} was not chosen: it costs more than the whole budget of ${w.money(trace.budget)}.`,
      );
    } else if (loser.reason === "did-not-fit") {
      out.push(
        dutch
          ? `${label} is niet gekozen: het was als volgende aan de beurt, maar er was nog maar ${w.money(loser.remaining)} over. Daar stopt de verdeling.`
          : `${label} was not chosen: it was next, but only ${w.money(loser.remaining)} was left. The rule stops there.`,
      );
    } else {
      const stopper = loser.lostTo ? w.name(loser.lostTo.project) : "";
      const loads =
        loser.load && loser.lostTo?.load
          ? dutch
            ? ` (wie het steunt, zou in totaal ${w.money(loser.load)} betalen, tegen ${w.money(loser.lostTo.load)} bij ${stopper})`
            : ` (its supporters would pay ${w.money(loser.load)} in all, against ${w.money(loser.lostTo.load)} for ${stopper})`
          : "";
      out.push(
        dutch
          ? `${label} is niet gekozen: de verdeling stopte bij ${stopper || "een project dat niet meer paste"} voordat het aan de beurt was${loads}.`
          : `${label} was not chosen: the rule stopped at ${stopper || "a project that no longer fitted"} before its turn${loads}.`,
      );
    }
  }
  return out;
}

function explainGreedy(trace: GreedyTrace, language: Language): string[] {
  const w = wordsFor(trace, language);
  const dutch = language === "nl";
  const byVotes = trace.satisfaction === "cost";
  const score = (value: string) =>
    byVotes
      ? dutch
        ? `${w.count(Number(value))} stemmen`
        : `${w.count(Number(value))} votes`
      : dutch
        ? `score ${w.number(value)} per ${trace.currency || "eenheid"}`
        : `score ${w.number(value)} per ${trace.currency || "unit"}`;
  const out = [
    byVotes
      ? dutch
        ? `De projecten met de meeste stemmen gaan voor, ${trace.rule === "greedy" ? "zolang ze in het budget passen" : "tot er een niet meer in het budget past"}.`
        : `The projects with the most votes go first, ${trace.rule === "greedy" ? "as long as they fit the budget" : "until one no longer fits the budget"}.`
      : dutch
        ? "De projecten met de meeste steun per euro gaan voor, zolang ze in het budget passen."
        : "The projects with the most support per unit of money go first, as long as they fit the budget.",
  ];
  for (const step of trace.steps) {
    if (step.decision !== "selected") continue;
    out.push(
      dutch
        ? `${w.label(step.project)} is gekozen (${score(step.score)}).`
        : `${w.label(step.project)} was chosen (${score(step.score)}).`,
    );
  }
  const stopper = trace.losers.find((l) => l.reason === "over-budget")?.project;
  for (const loser of trace.losers) {
    const label = w.label(loser.project);
    if (loser.reason === "not-reached") {
      out.push(
        dutch
          ? `${label} is niet gekozen: de verdeling stopte eerder, bij ${stopper ? w.name(stopper) : "een project"}, dat niet meer paste.`
          : `${label} was not chosen: the rule stopped earlier, at ${stopper ? w.name(stopper) : "a project"}, which no longer fitted.`,
      );
      continue;
    }
    const before = loser.lostTo
      ? dutch
        ? ` ${w.name(loser.lostTo.project)} ging voor (${score(loser.lostTo.score)}, tegen ${score(loser.score)}).`
        : ` ${w.name(loser.lostTo.project)} went first (${score(loser.lostTo.score)}, against ${score(loser.score)}).`
      : "";
    out.push(
      dutch
        ? `${label} is niet gekozen: toen het aan de beurt was, was er nog maar ${w.money(loser.remaining)} over.${before}`
        : `${label} was not chosen: when its turn came, only ${w.money(loser.remaining)} was left.${before}`,
    );
  }
  return out;
}
