import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusFiles, pabulibDir } from "../../test-support/corpus.ts";
import { PabulibError, type PabulibWarning } from "./errors.ts";
import { parsePabulib, parsePabulibStream } from "./parse.ts";
import { writePabulib } from "./write.ts";

const file = (voteType: string, votes: string, extra = "") =>
  `META\nkey;value\ndescription;"Test; with a semicolon"\nbudget;100.5\nvote_type;${voteType}${extra}\n` +
  `PROJECTS\nproject_id;cost;name\n1;50;"Park ""Noord"""\n2;40.25;Bench\n10;30;Trees\nVOTES\n${votes}`;

function parseError(text: string): PabulibError {
  try {
    parsePabulib(text);
  } catch (error) {
    if (error instanceof PabulibError) return error;
    throw error;
  }
  throw new Error("expected a PabulibError");
}

async function* chunks(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe("parsePabulib", () => {
  it("reads meta, quoted fields, decimal amounts and merges identical approval ballots", () => {
    const election = parsePabulib(file("approval", "voter_id;vote;age\n1;1,2;30\n2;2,1;40\n3;10;\n4;;50\n"));
    expect(election.meta.description).toBe("Test; with a semicolon");
    expect(election.projects.map((p) => [p.id, p.cost, p.fields.name])).toEqual([
      ["1", 5000, 'Park "Noord"'],
      ["2", 4025, "Bench"],
      ["10", 3000, "Trees"],
    ]);
    expect(election.moneyScale).toBe(100);
    expect(election.budget).toBe(10050);
    expect(election.ballots).toEqual([
      { projects: [0, 1], count: 2 },
      { projects: [2], count: 1 },
      { projects: [], count: 1 },
    ]);
    expect(election.voterCount).toBe(4);
  });

  it("keeps the ranking of ordinal ballots and the points of cumulative and scoring ballots", () => {
    expect(parsePabulib(file("ordinal", "voter_id;vote\n1;10,1\n2;1,10\n")).ballots).toEqual([
      { projects: [2, 0], count: 1 },
      { projects: [0, 2], count: 1 },
    ]);
    for (const type of ["cumulative", "scoring"]) {
      expect(parsePabulib(file(type, "voter_id;vote;points\n1;10,1;3,2\n2;1,10;2,3\n")).ballots).toEqual([
        { projects: [0, 2], points: [2, 3], count: 2 },
      ]);
    }
  });

  it("accepts CRLF line ends and a byte order mark", () => {
    const text = `\ufeff${file("choose-1", "voter_id;vote\n1;2\n")}`.replaceAll("\n", "\r\n");
    expect(parsePabulib(text).ballots).toEqual([{ projects: [1], count: 1 }]);
  });

  it("reports malformed input with a code and the line number", () => {
    expect(parseError(file("approval", "voter_id;vote\n1;1,7\n"))).toMatchObject({
      code: "pabulib.unknown-project",
      line: 13,
    });
    expect(parseError(file("cumulative", "voter_id;vote;points\n1;1,2;3\n"))).toMatchObject({
      code: "pabulib.bad-points",
      line: 13,
    });
    expect(parseError(file("approval", "").replace("40.25", "forty"))).toMatchObject({
      code: "pabulib.bad-amount",
      line: 9,
    });
    expect(parseError(file("plurality", "voter_id;vote\n"))).toMatchObject({
      code: "pabulib.unknown-vote-type",
      line: 11,
    });
    expect(parseError(`key;value\n${file("approval", "")}`)).toMatchObject({
      code: "pabulib.row-outside-section",
      line: 1,
    });
    expect(parseError(file("approval", 'voter_id;vote\n1;"1,2\n'))).toMatchObject({
      code: "pabulib.unterminated-quote",
      line: 13,
    });
    expect(parseError(file("approval", "voter_id;vote\n").split("VOTES")[0]!)).toMatchObject({
      code: "pabulib.missing-section",
    });
    expect(parseError(file("approval", "voter_id;ballot\n"))).toMatchObject({
      code: "pabulib.missing-column",
      line: 12,
    });
  });

  it("parses a stream of byte chunks, split anywhere, like the whole text", async () => {
    const text = file("approval", "voter_id;vote;district\n1;1,2;Zuidoost\n2;10;Noord ñ\n");
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 3, 7, 64]) {
      expect(await parsePabulibStream(chunks(bytes, size), { keepVoters: true })).toEqual(
        parsePabulib(text, { keepVoters: true }),
      );
    }
  });
});

describe("strict reading, and lenient reading with a warning per fix-up", () => {
  const withVotes = (count: string, votes: string) =>
    file("approval", `voter_id;vote\n${votes}`, `\nnum_votes;${count}`);

  function lenient(input: string | Uint8Array) {
    const warnings: PabulibWarning[] = [];
    const election = parsePabulib(input, { lenient: true, onWarning: (w) => warnings.push(w) });
    return { election, warnings };
  }

  it("refuses fewer or more votes than META num_votes, at the line where VOTES ends", () => {
    const cutOff = withVotes("3", "1;1,2\n2;10\n");
    expect(parseError(cutOff)).toMatchObject({ code: "pabulib.vote-count", line: 15 });
    expect(parseError(cutOff).message).toContain("VOTES has 2 votes but META num_votes (line 6) says 3");
    expect(parseError(withVotes("1", "1;1,2\n2;10\n"))).toMatchObject({ code: "pabulib.vote-count" });
    expect(parsePabulib(withVotes("2", "1;1,2\n2;10\n")).voterCount).toBe(2);
    const { election, warnings } = lenient(cutOff);
    expect(election.voterCount).toBe(2);
    expect(warnings).toEqual([
      expect.objectContaining({ code: "pabulib.vote-count", line: 15, message: expect.stringContaining("counted") }),
    ]);
  });

  it("refuses a project that costs nothing or less; lenient reading keeps a free one and leaves a negative one out", () => {
    const free = file("approval", "voter_id;vote\n1;1,2\n").replace("2;40.25;Bench", "2;0;Bench");
    expect(parseError(free)).toMatchObject({ code: "pabulib.bad-cost", line: 9 });
    const negative = file("cumulative", "voter_id;vote;points\n1;1,2,10;3,2,1\n").replace("2;40.25", "2;-5");
    expect(parseError(negative)).toMatchObject({ code: "pabulib.bad-cost", line: 9 });
    expect(lenient(free).election.projects[1]).toMatchObject({ id: "2", cost: 0 });
    const { election, warnings } = lenient(negative);
    expect(election.projects.map((p) => p.id)).toEqual(["1", "10"]);
    expect(election.ballots).toEqual([{ projects: [0, 1], points: [3, 1], count: 1 }]);
    expect(warnings).toEqual([expect.objectContaining({ code: "pabulib.bad-cost", line: 9 })]);
  });

  it("refuses bytes that are not UTF-8 with their line, in one piece or split across chunks", async () => {
    const bytes = new TextEncoder().encode(file("approval", "voter_id;vote;district\n1;1,2;Zuid\n2;10;Noord\n"));
    const at = bytes.indexOf("Noord".charCodeAt(0), bytes.indexOf("Zuid".charCodeAt(0)));
    const latin1 = bytes.slice();
    latin1[at] = 0xd1; // "Ñoord" written in Latin-1
    expect(parsePabulib(bytes).voterCount).toBe(2);
    for (const size of [1, 5, 4096]) {
      const error = await parsePabulibStream(chunks(latin1, size)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "pabulib.not-utf8", line: 14 });
    }
    const { election, warnings } = lenient(latin1);
    expect(election.voterCount).toBe(2);
    expect(warnings).toEqual([expect.objectContaining({ code: "pabulib.not-utf8", line: 14 })]);
  });

  it("refuses amounts beyond exact integer range; lenient reading rounds them to fewer decimals", () => {
    const huge = file("approval", "voter_id;vote\n1;1\n").replace("budget;100.5", "budget;90071992547409930");
    expect(parseError(huge)).toMatchObject({ code: "pabulib.amount-too-large", line: 4 });
    const fine = file("approval", "voter_id;vote\n1;1\n").replace("budget;100.5", "budget;90071992547.5");
    expect(parseError(fine.replace("40.25", "40.123456"))).toMatchObject({
      code: "pabulib.amount-too-large",
      line: 4,
    });
    const { election, warnings } = lenient(fine.replace("40.25", "40.123456"));
    expect(election.moneyScale).toBe(10_000);
    expect(election.projects[1]!.cost).toBe(401_235);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: "pabulib.amount-too-large",
        line: 9,
        message: expect.stringContaining("40.1235"),
      }),
    ]);
    const coarse = lenient(huge);
    expect(coarse.election.moneyScale).toBe(0.01); // counted in hundreds
    expect(coarse.election.budget).toBe(900_719_925_474_099);
    expect(coarse.warnings[0]).toMatchObject({ code: "pabulib.amount-too-large", line: 4 });
  });
});

describe("writePabulib", () => {
  it("writes each distinct ballot as many times as it was cast when voters were not kept", () => {
    const election = parsePabulib(file("cumulative", "voter_id;vote;points\n1;10,1;3,2\n2;1,10;2,3\n"));
    const again = parsePabulib(writePabulib(election));
    expect(again.ballots).toEqual(election.ballots);
    expect(again.projects).toEqual(election.projects);
  });

  for (const name of corpusFiles()) {
    it(`round-trips ${name} to an equivalent election`, () => {
      const election = parsePabulib(readFileSync(`${pabulibDir}${name}`, "utf8"), { keepVoters: true });
      const again = parsePabulib(writePabulib(election), { keepVoters: true });
      // Compared as JSON: a deep equality walk over 100,000 voter objects would dominate the test's run time.
      expect(JSON.stringify(again) === JSON.stringify(election)).toBe(true);
    });
  }
});
