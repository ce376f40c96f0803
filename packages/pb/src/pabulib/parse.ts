import type { Ballot, Election, Project, Voter, VoteType } from "../election/election.ts";
import { VOTE_TYPES } from "../election/election.ts";
import { type Decimal, formatDecimal, parseDecimal, roundDecimal } from "../election/money.ts";
import { PabulibError, type PabulibWarning } from "./errors.ts";
import { endsInsideQuotes, splitRow } from "./fields.ts";
import { completeUtf8Length, invalidUtf8Offsets } from "./utf8.ts";

export type ParseOptions = {
  /** Keep every voter row (id and extra columns) so the file can be written back as it was. Default false. */
  readonly keepVoters?: boolean;
  /**
   * Accept what strict reading refuses, with a warning for each fix-up: a vote count that differs from META
   * `num_votes` (the votes read are counted), a project costing 0 (kept, free) or less (left out, with the votes
   * for it), bytes that are not UTF-8 (replaced by U+FFFD) and amounts beyond exact integer range (rounded to fewer
   * decimals, or to a coarser unit). Default false: each of these throws a `PabulibError`.
   */
  readonly lenient?: boolean;
  /** Hears every fix-up of lenient reading. */
  readonly onWarning?: (warning: PabulibWarning) => void;
};

type Section = "meta" | "projects" | "votes";

type PendingProject = {
  readonly id: string;
  readonly cost: Decimal;
  readonly fields: Record<string, string>;
  readonly line: number;
};

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

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
  const metaLines: Record<string, number> = {};
  const leftOut = new Set<string>();
  let voteCount = 0;

  /** Strict reading refuses; lenient reading reports the fix-up and goes on. */
  function refuse(code: PabulibError["code"], line: number, detail: string, fixUp: string): void {
    if (!options.lenient) throw new PabulibError(code, line, detail);
    options.onWarning?.({ code, line, message: `line ${line}: ${detail}; ${fixUp}` });
  }

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
    if (section === "meta") {
      meta[row[0]!] = row[1] ?? "";
      metaLines[row[0]!] = carriedFrom;
    } else if (section === "projects") addProject(row, carriedFrom);
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
    if (projectIds.has(id) || leftOut.has(id)) {
      throw new PabulibError("pabulib.duplicate-project", line, `project "${id}" twice`);
    }
    if (cost.units < 0n) {
      refuse(
        "pabulib.bad-cost",
        line,
        `project "${id}" has a negative cost (${fields.cost})`,
        "left out, with the votes for it",
      );
      leftOut.add(id);
      return;
    }
    if (cost.units === 0n) {
      refuse("pabulib.bad-cost", line, `project "${id}" costs nothing`, "kept as a free project");
    }
    delete fields.project_id;
    delete fields.cost;
    projectIds.set(id, pendingProjects.length);
    pendingProjects.push({ id, cost, fields, line });
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
    voteCount++;
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
    const ignored: number[] = [];
    for (const raw of vote.split(",")) {
      const id = raw.trim();
      if (id === "") continue;
      const index = projectIds.get(id);
      if (index === undefined) {
        if (leftOut.has(id)) {
          ignored.push(indices.length + ignored.length);
          continue;
        }
        throw new PabulibError("pabulib.unknown-project", line, `vote for unknown project "${id}"`);
      }
      indices.push(index);
    }
    const points =
      voteType === "cumulative" || voteType === "scoring"
        ? parsePoints(pointsText, indices.length + ignored.length, line).filter((_, i) => !ignored.includes(i))
        : undefined;
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
    const budgetLine = metaLines.budget ?? lineNumber;
    const budget = parseDecimal(meta.budget ?? "");
    if (!budget) throw new PabulibError("pabulib.bad-amount", budgetLine, `META budget is "${meta.budget ?? ""}"`);
    checkVoteCount();
    const amounts = [
      { what: "budget", amount: budget, line: budgetLine },
      ...pendingProjects.map((p) => ({ what: `cost of project "${p.id}"`, amount: p.cost, line: p.line })),
    ];
    const exponent = moneyExponent(amounts);
    const [budgetUnits, ...costs] = amounts.map((a) => roundDecimal(a.amount, exponent));
    const projects: Project[] = pendingProjects.map((p, i) => ({
      id: p.id,
      cost: Number(costs[i]!),
      fields: p.fields,
    }));
    const merged: Ballot[] = ballots;
    return {
      meta,
      voteType,
      budget: Number(budgetUnits),
      moneyScale: 10 ** exponent,
      projects,
      ballots: merged,
      voterCount: merged.reduce((sum, b) => sum + b.count, 0),
      projectColumns,
      voteColumns,
      ...(options.keepVoters ? { voters } : {}),
    };
  }

  /** META `num_votes`, when given, must be the number of vote rows: a file cut off mid-vote has fewer. */
  function checkVoteCount(): void {
    const declared = meta.num_votes?.trim();
    if (declared === undefined || declared === "") return;
    const line = metaLines.num_votes!;
    if (!/^\d+$/.test(declared)) {
      throw new PabulibError("pabulib.vote-count", line, `META num_votes is "${declared}", not a number`);
    }
    if (Number(declared) === voteCount) return;
    refuse(
      "pabulib.vote-count",
      lineNumber,
      `VOTES has ${voteCount} votes but META num_votes (line ${line}) says ${declared}` +
        (voteCount < Number(declared) ? " (is the file cut off?)" : ""),
      `the ${voteCount} votes read are counted`,
    );
  }

  /**
   * Amounts become integers in units of 10^-exponent currency: the most decimals any amount has, so that nothing is
   * rounded. Exact arithmetic needs every such integer below 2^53; lenient reading gives up decimals (and, if even
   * whole units do not fit, whole digits) until they are, rounding half up, and warns for each rounded amount.
   */
  function moneyExponent(amounts: readonly { what: string; amount: Decimal; line: number }[]): number {
    let exponent = Math.max(...amounts.map((a) => a.amount.decimals));
    const tooLarge = (e: number) => amounts.find((a) => abs(roundDecimal(a.amount, e)) > MAX_EXACT);
    const first = tooLarge(exponent);
    if (!first) return exponent;
    const detail =
      `${first.what} ${formatDecimal(first.amount)}` +
      (exponent > 0
        ? ` in units of ${formatDecimal({ units: 1n, decimals: exponent })} (the file's finest amount)`
        : "") +
      ` is beyond exact integer range (${Number.MAX_SAFE_INTEGER})`;
    if (!options.lenient) throw new PabulibError("pabulib.amount-too-large", first.line, detail);
    while (tooLarge(exponent)) exponent--;
    for (const { what, amount, line } of amounts) {
      const rounded = { units: roundDecimal(amount, exponent), decimals: Math.max(0, exponent) };
      const value = exponent >= 0 ? rounded : { units: rounded.units * 10n ** BigInt(-exponent), decimals: 0 };
      if (formatDecimal(value) !== formatDecimal(amount)) {
        refuse(
          "pabulib.amount-too-large",
          line,
          `${what} ${formatDecimal(amount)} is too precise for exact arithmetic`,
          `rounded to ${formatDecimal(value)}`,
        );
      }
    }
    return exponent;
  }

  return { pushLine, finish, lines: () => lineNumber };
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
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

function parsePoints(text: string | undefined, projects: number, line: number): number[] {
  const parts = text ? text.split(",") : [];
  if (parts.length !== projects) {
    throw new PabulibError("pabulib.bad-points", line, `${projects} projects but ${parts.length} points`);
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

/**
 * Decodes byte chunks as UTF-8. Strict reading refuses the first byte that is not UTF-8 with its line; lenient
 * reading replaces such bytes with U+FFFD and warns once per line.
 */
function utf8Decoder(options: ParseOptions, linesRead: () => number) {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const replacing = new TextDecoder("utf-8", { ignoreBOM: true });
  let carry = new Uint8Array(0);
  return (chunk: Uint8Array, last: boolean): string => {
    const all = carry.length === 0 ? chunk : concat(carry, chunk);
    const cut = last ? all.length : completeUtf8Length(all);
    carry = all.slice(cut);
    const bytes = all.subarray(0, cut);
    try {
      return strict.decode(bytes);
    } catch {
      const lines = new Map<number, number>();
      let newlines = 0;
      let scanned = 0;
      for (const offset of invalidUtf8Offsets(bytes)) {
        for (; scanned < offset; scanned++) if (bytes[scanned] === 10) newlines++;
        const line = linesRead() + newlines + 1;
        if (!lines.has(line)) lines.set(line, bytes[offset]!);
      }
      for (const [line, byte] of lines) {
        const detail = `byte 0x${byte.toString(16).padStart(2, "0")} is not UTF-8 (save the file as UTF-8)`;
        if (!options.lenient) throw new PabulibError("pabulib.not-utf8", line, detail);
        options.onWarning?.({
          code: "pabulib.not-utf8",
          line,
          message: `line ${line}: ${detail}; replaced by \u{FFFD}`,
        });
      }
      return replacing.decode(bytes);
    }
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Parses a whole Pabulib file held in memory: a string, or the file's bytes (which must be UTF-8, as Pabulib
 * requires; a string was decoded by the caller).
 */
export function parsePabulib(input: string | Uint8Array, options: ParseOptions = {}): Election {
  const parser = createPabulibParser(options);
  const text = typeof input === "string" ? input : utf8Decoder(options, () => parser.lines())(input, true);
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
  const decode = utf8Decoder(options, () => parser.lines());
  let rest = "";
  let first = true;
  for await (const chunk of chunks) {
    rest += typeof chunk === "string" ? chunk : decode(chunk, false);
    if (first && rest !== "") {
      rest = withoutBom(rest);
      first = false;
    }
    rest = pushCompleteLines(parser, rest);
  }
  pushLastLine(parser, rest + decode(new Uint8Array(0), true));
  return parser.finish();
}
