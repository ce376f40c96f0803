/**
 * The message tables of every context and the keys they define. Apart from the catalogue so that the translator
 * (which the browser loads) can name the key type without importing the catalogue that imports it.
 */
import { advice } from "./messages/advice.ts";
import { applications } from "./messages/applications.ts";
import { areaBudgets } from "./messages/area-budgets.ts";
import { areas } from "./messages/areas.ts";
import { audit } from "./messages/audit.ts";
import { budgeting } from "./messages/budgeting.ts";
import { common } from "./messages/common.ts";
import { councilMeetings } from "./messages/council-meetings.ts";
import { councils } from "./messages/councils.ts";
import { designers } from "./messages/designers.ts";
import { following } from "./messages/following.ts";
import { home } from "./messages/home.ts";
import { identity } from "./messages/identity.ts";
import { funds } from "./messages/initiative-funds.ts";
import { initiatives } from "./messages/initiatives.ts";
import { knowledge } from "./messages/knowledge.ts";
import { learningGroups } from "./messages/learning-groups.ts";
import { legal } from "./messages/legal.ts";
import { meetings } from "./messages/meetings.ts";
import { municipality } from "./messages/municipality.ts";
import { participation } from "./messages/participation.ts";
import { processes } from "./messages/processes.ts";
import { programme } from "./messages/programme.ts";
import { staff } from "./messages/staff.ts";
import { terms } from "./messages/terms.ts";

/** Every context's table; add a context's `defineMessages` here. */
export const contexts = [
  common,
  home,
  knowledge,
  programme,
  municipality,
  legal,
  identity,
  staff,
  participation,
  applications,
  learningGroups,
  following,
  areas,
  budgeting,
  areaBudgets,
  councils,
  councilMeetings,
  terms,
  processes,
  initiatives,
  advice,
  funds,
  meetings,
  designers,
  audit,
] as const;

type KeysOf<Table> = Table extends { nl: Record<infer Key, string> } ? Key : never;
export type MessageKey = KeysOf<(typeof contexts)[number]>;
