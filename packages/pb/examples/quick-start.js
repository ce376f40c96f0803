// Runs as is with Node 20 or later after `npm install @samenspel/pb` (no TypeScript, no bundler).
import { equalShares, greedy, parsePabulib } from "@samenspel/pb";

const election = parsePabulib(`META
key;value
description;Dijkpark neighbourhood budget
currency;EUR
budget;100000
vote_type;approval
num_votes;5
PROJECTS
project_id;cost;name
1;60000;Speeltuin Dijkpark
2;40000;Bankjes aan de gracht
3;30000;Moestuin
VOTES
voter_id;vote
1;1,2
2;1,2
3;1,2
4;3
5;3
`);

const mes = equalShares(election, { satisfaction: "cost", completion: "add1" });
const byVotes = greedy(election);
console.log(`equal shares: ${mes.selected.join(", ")}`);
console.log(`most votes:   ${byVotes.selected.join(", ")}`);
