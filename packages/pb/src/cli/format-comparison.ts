import type { EjrCheck } from "../analysis/ejr.ts";
import type { RuleComparison } from "../analysis/outcome.ts";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function ejrText(check: EjrCheck | undefined): string {
  if (!check) return "not checked (approval ballots only)";
  if (check.result === "satisfied") return `satisfied (${check.groupsChecked} cohesive groups checked)`;
  if (check.result === "undecided") return `undecided (stopped after ${check.groupsChecked} groups)`;
  const { projects, voters, required } = check.violation;
  return `violated: ${voters} voters approving ${projects.join(", ")} (${required} would pay for them) are left short`;
}

/** Two or more outcomes side by side: the summary, then one row per project. */
export function formatComparison(comparisons: readonly RuleComparison[], currency: string): string {
  const money = (amount: string) => (currency ? `${currency} ${amount}` : amount);
  const summary: string[][] = [
    ["", ...comparisons.map((c) => c.label)],
    ["selected projects", ...comparisons.map((c) => String(c.analysis.selected.length))],
    ["total cost", ...comparisons.map((c) => `${money(c.analysis.cost)} (${percent(c.analysis.budgetShare)})`)],
    [
      "voters with a selected project",
      ...comparisons.map((c) => `${c.analysis.votersWithSelected} (${percent(c.analysis.votersWithSelectedShare)})`),
    ],
  ];
  const lines = table(summary);
  lines.push("", ...comparisons.map((c) => `EJR up to one, ${c.label}: ${ejrText(c.analysis.ejrUpToOne)}`), "");
  const projects = comparisons[0]!.analysis.projects;
  const rows: string[][] = [
    ["project", "cost", "of budget", "supporters", ...comparisons.map((_, i) => String.fromCharCode(65 + i))],
    ...projects
      .toSorted((a, b) => b.supporters - a.supporters)
      .map((p) => [
        `${p.project}${p.name ? ` ${p.name.slice(0, 40)}` : ""}`,
        money(p.cost),
        percent(p.costShare),
        `${p.supporters} (${percent(p.supporterShare)})`,
        ...comparisons.map((c) => (c.analysis.projects.find((q) => q.project === p.project)?.selected ? "yes" : "-")),
      ]),
  ];
  lines.push(...comparisons.map((c, i) => `${String.fromCharCode(65 + i)}: ${c.label}`), "", ...table(rows));
  return lines.join("\n");
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
}
