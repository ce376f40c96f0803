import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePabulib } from "../pabulib/parse.ts";
import { equalShares } from "../rules/equal-shares/equal-shares.ts";
import { greedy, greedyNoSkip } from "../rules/greedy.ts";
import { phragmen } from "../rules/phragmen.ts";
import { explain } from "./explain.ts";

/** The README's example: five voters, three projects in EUR. */
const example = readFileSync(new URL("../../examples/quick-start.js", import.meta.url), "utf8");
const election = parsePabulib(example.slice(example.indexOf("`META") + 1, example.indexOf("`);")));

describe("explain", () => {
  it("tells in Dutch and English who paid what under equal shares, and why a project lost", () => {
    const { trace } = equalShares(election, { completion: "add1", trace: true });
    expect(explain(trace!, "nl")).toEqual([
      "Elke stemmer kreeg EUR 20.000 om mee te betalen: het budget van EUR 100.000 gedeeld door 5 stemmers.",
      "Met EUR 20.000 per stemmer past geen ander project meer in het budget: daar stopt het verhogen.",
      "Ronde 1: Speeltuin Dijkpark (EUR 60.000) is gekozen. 3 stemmers die het steunden betaalden mee, ieder EUR 20.000.",
      "Ronde 2: Moestuin (EUR 30.000) is gekozen. 2 stemmers die het steunden betaalden mee, ieder EUR 15.000.",
      "Bankjes aan de gracht (EUR 40.000) is niet gekozen: de 3 stemmers die het steunden hadden samen nog EUR 0 over." +
        " In ronde 1 kostte het hen naar verhouding evenveel als Speeltuin Dijkpark, dat voorging door de vaste" +
        " volgorde bij gelijke stand.",
    ]);
    expect(explain(trace!, "en")[4]).toBe(
      "Bankjes aan de gracht (EUR 40,000) was not chosen: the 3 voters who supported it had only EUR 0 left between" +
        " them. In round 1 it cost them as much, in proportion, as Speeltuin Dijkpark, which went first by the fixed" +
        " order for ties.",
    );
  });

  it("names the money the supporters had left, and the round and project a loser lost to", () => {
    // Seven voters want the playground and the garden; three of them also want the benches.
    const text = example
      .replace("num_votes;5", "num_votes;7")
      .replace(/1;1,2\n2;1,2\n3;1,2\n4;3\n5;3\n/, "1;1,2,3\n2;1,2,3\n3;1,2,3\n4;1,3\n5;1,3\n6;1,3\n7;1,3\n");
    const sevenVoters = parsePabulib(text.slice(text.indexOf("`META") + 1, text.indexOf("`);")));
    const sentences = explain(equalShares(sevenVoters, { trace: true }).trace!, "nl");
    expect(sentences).toContain(
      "Bankjes aan de gracht (EUR 40.000) is niet gekozen: de 3 stemmers die het steunden hadden samen nog EUR 4.285,71" +
        " over. Tot en met ronde 1 konden ze het nog betalen, maar Speeltuin Dijkpark ging voor: daarvoor hoefden de" +
        " stemmers naar verhouding minder te betalen.",
    );
  });

  it("explains Phragmén by the loads and where it stopped", () => {
    const sentences = explain(phragmen(election, { trace: true }).trace!, "nl");
    expect(sentences).toContain(
      "Ronde 1: Bankjes aan de gracht (EUR 40.000) is gekozen; wie het steunde, heeft nu in totaal EUR 13.333,33 betaald.",
    );
    expect(sentences.at(-1)).toBe(
      "Speeltuin Dijkpark (EUR 60.000) is niet gekozen: het was als volgende aan de beurt, maar er was nog maar" +
        " EUR 30.000 over. Daar stopt de verdeling.",
    );
  });

  it("explains greedy rules by votes and what was left at each project's turn", () => {
    expect(explain(greedy(election, { trace: true }).trace!, "en").at(-1)).toBe(
      "Moestuin (EUR 30,000) was not chosen: when its turn came, only EUR 0 was left. Bankjes aan de gracht went first" +
        " (3 votes, against 2 votes).",
    );
    const cheapFirst = election.projects.map((p) => (p.id === "1" ? { ...p, cost: 80_000 } : p));
    expect(explain(greedyNoSkip({ ...election, projects: cheapFirst }, { trace: true }).trace!, "nl")).toContain(
      "Moestuin (EUR 30.000) is niet gekozen: de verdeling stopte eerder, bij Bankjes aan de gracht, dat niet meer paste.",
    );
  });
});
