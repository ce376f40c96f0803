// Type-checks in a TypeScript project with no special flags ("strict", "module": "nodenext").
import { type Election, type EqualSharesAllocation, equalShares, parsePabulib } from "@samenspel/pb";
import { readPabulibFile } from "@samenspel/pb/read-file";

export async function selectedIn(path: string): Promise<readonly string[]> {
  const election: Election = await readPabulibFile(path);
  const outcome: EqualSharesAllocation = equalShares(election, { satisfaction: "cost", completion: "add1" });
  return outcome.selected;
}

export const empty: Election = parsePabulib(
  "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n",
);
