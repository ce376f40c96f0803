import { type Locale, locales } from "./define-messages.ts";
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
import { createTranslator, FALLBACK_KEY, type MessageTable, type Translate } from "./translate.ts";

/** Every context's table; add a context's `defineMessages` here. */
const contexts = [
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
export type { Params, Translate } from "./translate.ts";

const catalogue = Object.fromEntries(
  locales.map((locale) => [locale, Object.assign({}, ...contexts.map((context) => context[locale]))]),
) as Record<Locale, Record<MessageKey, string>>;

/** Every key, for the build step that finds the keys each route can show (`scripts/vite/route-messages.ts`). */
export const messageKeys = Object.keys(catalogue.nl) as readonly MessageKey[];

const translators = new Map<Locale, Translate>();

/**
 * The whole catalogue's translator, for the server's own texts (feeds, exports, letters, mail). Pages translate
 * with `useT`, from the part of the catalogue the root loader sends (ADR 0038).
 */
export function translator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = createTranslator(locale, catalogue[locale]);
    translators.set(locale, translate);
  }
  return translate;
}

/**
 * One language's messages for these keys (and the generic fallback), or all of them when the keys are not known
 * (the development server, tests without a build).
 */
export function messagesFor(locale: Locale, keys: readonly MessageKey[] | undefined): MessageTable {
  const table = catalogue[locale];
  if (!keys) return table;
  const part: Partial<Record<MessageKey, string>> = { [FALLBACK_KEY]: table[FALLBACK_KEY] };
  for (const key of keys) part[key] = table[key];
  return part;
}

/** Whether the catalogue has this key: for texts named by data, such as audit actions, that may have none yet. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogue.nl;
}
