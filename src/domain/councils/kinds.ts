// The lists come from their pure module, not the schema's index, so forms in the browser may use this module.
import { councilBases, councilKinds, councilRoles } from "../../db/schema/council-lists.ts";

export { councilBases, councilKinds, councilRoles };
export type CouncilKind = (typeof councilKinds)[number];
export type CouncilBasis = (typeof councilBases)[number];
export type CouncilRole = (typeof councilRoles)[number];

/** A term's place in time on a Dutch calendar date: not begun, running, or over (its last day has passed). */
export type TermState = "upcoming" | "current" | "ended";

/** Derived from the dates alone: an expired term ends by itself, no job or flag marks it. */
export function termState(term: { startsOn: string; endsOn: string | null }, today: string): TermState {
  if (today < term.startsOn) return "upcoming";
  if (term.endsOn !== null && today > term.endsOn) return "ended";
  return "current";
}

/** The officers first, then the members by seat. */
export const roleOrder = (role: CouncilRole): number => councilRoles.indexOf(role);
