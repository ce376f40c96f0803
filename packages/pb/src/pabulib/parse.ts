import type { Ballot, Election, Project, Voter, VoteType } from "../election/election.ts";
import { VOTE_TYPES } from "../election/election.ts";
import { type Decimal, parseDecimal, toScaledInteger } from "../election/money.ts";
import { PabulibError } from "./errors.ts";
import { endsInsideQuotes, splitRow } from "./fields.ts";

export type ParseOptions = {
  /** Keep every voter row (id and extra columns) so the file can be written back as it was. Default false. */
  readonly keepVoters?: boolean;
};

type Section = "meta" | "projects" | "votes";

type PendingProject = { readonly id: string; readonly cost: Decimal; readonly fields: Record<string, string> };

/**
 * Line-by-line Pabulib reader: feed it physical lines (in order), then call `finish`. Identical ballots are merged
 * on the fly, so memory grows with the number of distinct ballots, not with the number of voters.
 */
export function createPabulibParser(options: ParseOptions = {}) {
  const meta: Record<string, string> = {};
  const pendingProjects: PendingProject[] = [];
  const projectIds = new Map<string, number>();
  const ballots: { projects: number[]; points?: number[]; count: number }[] = [];
  const ballotKeys = new Map<string, number>();
  const rawBallots = new Map<string, number>();
  let voteAt = -1;
  let pointsAt = -1;
  const voters: Voter[] = [];
  let section: Section | undefined;
  let header: string[] | undefined;
  let projectColumns: string[] = [];
  let voteColumns: string[] = [];
  let voteType: VoteType | undefined;
  let seenVotes = false;
  let lineNumber = 0;
  let carried = "";
  let carriedFrom = 0;

  function pushLine(line: string): void {
    lineNumber++;
    if (carried) {
      line = `${carried}\n${line}`;
    } else carriedFrom = lineNumber;
    if (endsInsideQuotes(line)) {
      carried = line;
      return;
    }
    carried = "";
    if (section === "votes" && header && !options.keepVoters && !line.includes('"') && line.trim() !== "") {
      // The hot path: a plain vote row, of which only the vote (and points) columns are needed.
      const keyword = cellAt(line, 0).toLowerCase();
      if (keyword !== "meta" && keyword !== "projects" && keyword !== "votes") {
        countVote(cellAt(line, voteAt), pointsAt === -1 ? undefined : cellAt(line, pointsAt), carriedFrom);
        return;
      }
    }
    const row = splitRow(line);
    if (row.length === 1 && row[0] === "") return;
    const keyword = row[0]!.toLowerCase();
    if (keyword === "meta" || keyword === "projects" || keyword === "votes") {
      section = keyword;
      header = undefined;
      if (keyword === "votes") startVotes(carriedFrom);
      return;
    }
    if (!section)
      throw new PabulibError("pabulib.row-outside-section", carriedFrom, "row before any META/PROJECTS/VOTES");
    if (!header) {
      header = row;
      if (section === "projects") projectColumns = requireColumns(row, ["project_id", "cost"], carriedFrom);
      if (section === "votes") {
        voteColumns = requireColumns(row, ["vote"], carriedFrom);
        voteAt = row.indexOf("vote");
        pointsAt = row.indexOf("points");
      }
      return;
    }
    if (section === "meta") meta[row[0]!] = row[1] ?? "";
    else if (section === "projects") addProject(row, carriedFrom);
    else addVote(row, carriedFrom);
  }

  function startVotes(line: number): void {
    seenVotes = true;
    const declared = meta.vote_type?.toLowerCase();
    if (declared === undefined) throw new PabulibError("pabulib.missing-meta", line, "META has no vote_type");
    if (!(VOTE_TYPES as readonly string[]).includes(declared)) {
      throw new PabulibError("pabulib.unknown-vote-type", line, `unknown vote_type "${meta.vote_type}"`);
    }
    voteType = declared as VoteType;
  }

  function addProject(row: string[], line: number): void {
    const fields = rowFields(header!, row);
    const id = fields.project_id ?? "";
    const cost = parseDecimal(fields.cost ?? "");
    if (!cost) throw new PabulibError("pabulib.bad-amount", line, `project "${id}" has cost "${fields.cost ?? ""}"`);
    if (projectIds.has(id)) throw new PabulibError("pabulib.duplicate-project", line, `project "${id}" twice`);
    delete fields.project_id;
    delete fields.cost;
    projectIds.set(id, pendingProjects.length);
    pendingProjects.push({ id, cost, fields });
  }

  function addVote(row: string[], line: number): void {
    const index = countVote(row[voteAt] ?? "", pointsAt === -1 ? undefined : (row[pointsAt] ?? ""), line);
    if (options.keepVoters) {
      const { voter_id: id = String(voters.length + 1), vote: _, points: __, ...rest } = rowFields(header!, row);
      voters.push({ id, ballot: index, fields: rest });
    }
  }

  /** Counts one more voter for this ballot and returns the index of the distinct ballot. */
  function countVote(vote: string, points: string | undefined, line: number): number {
    // Most files repeat the same few ballots: an identical row is looked up, not parsed again.
    const raw = points === undefined ? vote : `${vote}|${points}`;
    let index = rawBallots.get(raw);
    if (index === undefined) {
      index = mergeBallot(vote, points, line);
      rawBallots.set(raw, index);
    }
    ballots[index]!.count++;
    return index;
  }

  function mergeBallot(vote: string, pointsText: string | undefined, line: number): number {
    const indices: number[] = [];
    for (const raw of vote.split(",")) {
      const id = raw.trim();
      if (id === "") continue;
      const index = projectIds.get(id);
      if (index === undefined) {
        throw new PabulibError("pabulib.unknown-project", line, `vote for unknown project "${id}"`);
      }
      indices.push(index);
    }
    const points =
      voteType === "cumulative" || voteType === "scoring" ? parsePoints(pointsText, indices, line) : undefined;
    const ballot = normalise(indices, points);
    const key = ballot.points ? `${ballot.projects}|${ballot.points}` : `${ballot.projects}`;
    let index = ballotKeys.get(key);
    if (index === undefined) {
      index = ballots.length;
      ballotKeys.set(key, index);
      ballots.push({ ...ballot, count: 0 });
    }
    return index;
  }

  function normalise(indices: number[], points: number[] | undefined): { projects: number[]; points?: number[] } {
    if (voteType === "ordinal") return { projects: [...new Set(indices)] };
    if (!points) return { projects: [...new Set(indices)].sort((a, b) => a - b) };
    const order = indices.map((_, i) => i).sort((a, b) => indices[a]! - indices[b]!);
    return { projects: order.map((i) => indices[i]!), points: order.map((i) => points[i]!) };
  }

  function finish(): Election {
    if (carried) throw new PabulibError("pabulib.unterminated-quote", carriedFrom, "quoted field never closed");
    if (pendingProjects.length === 0 && !projectColumns.length) {
      throw new PabulibError("pabulib.missing-section", lineNumber, "no PROJECTS section");
    }
    if (!seenVotes || !voteType) throw new PabulibError("pabulib.missing-section", lineNumber, "no VOTES section");
    const budget = parseDecimal(meta.budget ?? "");
    if (!budget) throw new PabulibError("pabulib.bad-amount", lineNumber, `META budget is "${meta.budget ?? ""}"`);
    const decimals = Math.max(budget.decimals, ...pendingProjects.map((p) => p.cost.decimals));
    const projects: Project[] = pendingProjects.map((p) => ({
      id: p.id,
      cost: toScaledInteger(p.cost, decimals),
      fields: p.fields,
    }));
    const merged: Ballot[] = ballots;
    return {
      meta,
      voteType,
      budget: toScaledInteger(budget, decimals),
      moneyScale: 10 ** decimals,
      projects,
      ballots: merged,
      voterCount: merged.reduce((sum, b) => sum + b.count, 0),
      projectColumns,
      voteColumns,
      ...(options.keepVoters ? { voters } : {}),
    };
  }

  return { pushLine, finish };
}

/** The trimmed `index`-th `;`-separated cell of a row without quotes ("" when the row is shorter). */
function cellAt(row: string, index: number): string {
  let start = 0;
  for (let i = 0; i < index; i++) {
    const next = row.indexOf(";", start);
    if (next === -1) return "";
    start = next + 1;
  }
  const end = row.indexOf(";", start);
  return row.slice(start, end === -1 ? row.length : end).trim();
}

function requireColumns(row: string[], required: string[], line: number): string[] {
  for (const column of required) {
    if (!row.includes(column))
      throw new PabulibError("pabulib.missing-column", line, `header has no "${column}" column`);
  }
  return row;
}

function rowFields(header: string[], row: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) fields[header[i]!] = row[i] ?? "";
  return fields;
}

function parsePoints(text: string | undefined, indices: number[], line: number): number[] {
  const parts = text ? text.split(",") : [];
  if (parts.length !== indices.length) {
    throw new PabulibError("pabulib.bad-points", line, `${indices.length} projects but ${parts.length} points`);
  }
  return parts.map((part) => {
    const value = Number(part.trim());
    if (part.trim() === "" || !Number.isFinite(value))
      throw new PabulibError("pabulib.bad-points", line, `points "${part}"`);
    return value;
  });
}

type LineSink = { pushLine(line: string): void };

/** Pushes every complete line of `text` (LF or CRLF) and returns the unfinished tail. */
function pushCompleteLines(parser: LineSink, text: string): string {
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
    parser.pushLine(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
    start = end + 1;
  }
  return text.slice(start);
}

function pushLastLine(parser: LineSink, rest: string): void {
  if (rest !== "") parser.pushLine(rest.endsWith("\r") ? rest.slice(0, -1) : rest);
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a whole Pabulib file held in memory. */
export function parsePabulib(text: string, options: ParseOptions = {}): Election {
  const parser = createPabulibParser(options);
  pushLastLine(parser, pushCompleteLines(parser, withoutBom(text)));
  return parser.finish();
}

/**
 * Parses a Pabulib file arriving in chunks (a fetch body, a Node stream), without holding the whole file in memory.
 */
export async function parsePabulibStream(
  chunks: AsyncIterable<string | Uint8Array>,
  options: ParseOptions = {},
): Promise<Election> {
  const parser = createPabulibParser(options);
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  let first = true;
  for await (const chunk of chunks) {
    rest += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && rest !== "") {
      rest = withoutBom(rest);
      first = false;
    }
    rest = pushCompleteLines(parser, rest);
  }
  pushLastLine(parser, rest + decoder.decode());
  return parser.finish();
}
