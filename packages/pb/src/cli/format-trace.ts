import type { Trace } from "../explain/explain.ts";

/** The trace as plain text for a terminal: every amount exact, as in the JSON (`pb outcome --trace`). */
export function formatTrace(trace: Trace): string {
  const money = (amount: string) => (trace.currency ? `${trace.currency} ${amount}` : amount);
  const project = (id: string) => {
    const p = trace.projects[id];
    return p ? `${id}${p.name ? ` ${p.name}` : ""} (${money(p.cost)})` : id;
  };
  const lines = [`budget ${money(trace.budget)}, ${trace.voters} voters`];
  switch (trace.rule) {
    case "equal-shares":
      lines.push(
        `equal shares, ${trace.satisfaction} satisfaction, completion ${trace.completion}: each voter's budget ${money(trace.perVoterBudget)} (${trace.increments} increments)`,
      );
      for (const step of trace.steps ?? []) {
        const change = [...step.added.map((id) => `+${id}`), ...step.removed.map((id) => `-${id}`)].join(" ");
        lines.push(
          `  run +${step.increments}: per voter ${money(step.perVoterBudget)}, cost ${money(step.cost)}${change ? `, ${change}` : ""}: ${step.verdict}`,
        );
      }
      for (const id of trace.free) lines.push(`free: ${project(id)}`);
      trace.rounds.forEach((round, i) => {
        lines.push(`round ${i + 1}: ${project(round.project)}, price ${round.price}, ${round.payers} voters paid`);
        for (const p of round.payments) {
          const points = p.points ? ` points ${p.points.join(",")}` : "";
          lines.push(`  ballot ${p.ballot.join(",")}${points}: ${p.voters} × ${money(p.each)} = ${money(p.total)}`);
        }
      });
      for (const step of trace.greedy ?? []) {
        lines.push(`added by greedy: ${project(step.project)}, ${money(step.remaining)} left`);
      }
      for (const loser of trace.losers) {
        const left = loser.moneyLeft === undefined ? "" : `, supporters had ${money(loser.moneyLeft)} left`;
        const lost = loser.lostTo
          ? `; lost to ${loser.lostTo.project} in round ${loser.lostTo.round} at price ${loser.lostTo.price}` +
            (loser.lostTo.ownPrice ? ` (its own ${loser.lostTo.ownPrice})` : "")
          : "";
        lines.push(`not selected: ${project(loser.project)}: ${loser.reason}${left}${lost}`);
      }
      break;
    case "phragmen":
      trace.rounds.forEach((round, i) => {
        lines.push(`round ${i + 1}: ${project(round.project)}, load ${round.load ? money(round.load) : "none"}`);
      });
      for (const loser of trace.losers) {
        const load = loser.load ? `, load ${money(loser.load)}` : "";
        const lost = loser.lostTo
          ? `; after ${loser.lostTo.project}${loser.lostTo.load ? ` (load ${money(loser.lostTo.load)})` : ""}`
          : "";
        lines.push(
          `not selected: ${project(loser.project)}: ${loser.reason}${load}, ${money(loser.remaining)} left${lost}`,
        );
      }
      break;
    default:
      lines.push(`${trace.rule}, ${trace.satisfaction} satisfaction`);
      for (const step of trace.steps) {
        lines.push(`${step.decision}: ${project(step.project)}, score ${step.score}, ${money(step.remaining)} left`);
      }
  }
  return lines.join("\n");
}
