import type { Ballot, Election } from "../election/election.ts";
import { formatScaled } from "../election/money.ts";
import { quoteField } from "./fields.ts";

function row(fields: readonly string[]): string {
  return fields.map(quoteField).join(";");
}

function ballotColumns(election: Election, ballot: Ballot): { vote: string; points: string } {
  return {
    vote: ballot.projects.map((p) => election.projects[p]!.id).join(","),
    points: ballot.points?.join(",") ?? "",
  };
}

/**
 * Writes an election in the Pabulib format. Voter rows are written as read when the election kept them
 * (`keepVoters`), otherwise each distinct ballot is repeated `count` times with numbered voter ids.
 */
export function writePabulib(election: Election): string {
  const lines: string[] = ["META", row(["key", "value"])];
  for (const [key, value] of Object.entries(election.meta)) lines.push(row([key, value]));

  lines.push("PROJECTS", row(election.projectColumns));
  for (const project of election.projects) {
    const values: Record<string, string> = {
      ...project.fields,
      project_id: project.id,
      cost: formatScaled(project.cost, election.moneyScale),
    };
    lines.push(row(election.projectColumns.map((column) => values[column] ?? "")));
  }

  const columns = election.voteColumns.includes("voter_id")
    ? election.voteColumns
    : ["voter_id", ...election.voteColumns];
  lines.push("VOTES", row(columns));
  const voteRow = (id: string, ballot: Ballot, fields: Readonly<Record<string, string>>) => {
    const values: Record<string, string> = { ...fields, voter_id: id, ...ballotColumns(election, ballot) };
    lines.push(row(columns.map((column) => values[column] ?? "")));
  };
  if (election.voters) {
    for (const voter of election.voters) voteRow(voter.id, election.ballots[voter.ballot]!, voter.fields);
  } else {
    let id = 0;
    for (const ballot of election.ballots) {
      for (let copy = 0; copy < ballot.count; copy++) voteRow(String(++id), ballot, {});
    }
  }
  return `${lines.join("\n")}\n`;
}
