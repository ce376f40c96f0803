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

const catalogue = Object.fromEntries(
  locales.map((locale) => [locale, Object.assign({}, ...contexts.map((context) => context[locale]))]),
) as Record<Locale, Record<MessageKey, string>>;

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const translators = new Map<Locale, Translate>();

/** `{name}` placeholders are filled from `params`; numbers are formatted for the locale. */
export function translator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = createTranslator(locale);
    translators.set(locale, translate);
  }
  return translate;
}

function createTranslator(locale: Locale): Translate {
  const table = catalogue[locale];
  const numbers = new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB");
  // A key the catalogue lacks (a message from data or a schema that slipped past the checks) shows the generic
  // text instead of breaking the page; `catalogue.test.ts` keeps the forms' keys complete.
  return (key, params) =>
    (table[key] ?? table["form.invalid"]).replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params?.[name];
      if (value === undefined) return placeholder;
      return typeof value === "number" ? numbers.format(value) : value;
    });
}

/** Whether the catalogue has this key: for texts named by data, such as audit actions, that may have none yet. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogue.nl;
}
