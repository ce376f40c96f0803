/**
 * Councils: dorps-, wijk- and buurtraden, gebiedscommissies and wijkplatforms, their areas and the terms of their
 * members (issue 10, item 2). Other contexts (advice, area budgets) use only what is exported here.
 */
export { type CreateCouncilOptions, type CreatedCouncil, createCouncil } from "./create-council.ts";
export { type EndMemberTermOptions, endMemberTerm } from "./end-member-term.ts";
export { CouncilsError, type CouncilsErrorCode } from "./errors.ts";
export {
  type CouncilBasis,
  type CouncilKind,
  type CouncilRole,
  councilBases,
  councilKinds,
  councilRoles,
  type TermState,
  termState,
} from "./kinds.ts";
export {
  type Council,
  type CouncilMember,
  type CouncilSeat,
  type CouncilSummary,
  currentMembers,
  getCouncil,
  listCouncils,
  listSeatsOf,
} from "./read-councils.ts";
export { type SeatedMember, type SeatMemberOptions, seatMember } from "./seat-member.ts";
