import type { Role } from "./grant-role.ts";

export const permissions = [
  "staff-area:view",
  "audit-log:view",
  "tenant:manage",
  /** A municipality applies for trajectories and asks for workshops (held in the municipality). */
  "programme:apply",
  /**
   * The other municipalities of one's own learning groups: names, local actions, opted-in contacts (held in the
   * municipality; ADR 0036). Opting in is `programme:apply`, the coordinator's.
   */
  "learning-group:view",
  /** Intake, admission and the learning group of every trajectory (held in the programme). */
  "applications:manage",
  "costs:manage",
  "newsletter:send",
  "lessons:manage",
  "workshops:manage",
  /** The programme's meetings: schedule, change, postpone and cancel them; see who signed up and who came. */
  "meetings:manage",
  /** Files kept for the tenant's own people (receipts, closed council documents), not for the public. */
  "uploads:view-internal",
  /** The municipality's areas: the CBS import and the postcode table. */
  "areas:manage",
  /** Burgerbegroting: rounds, plans, feasibility review, voting codes, publishing results. */
  "budgeting:manage",
  /** Area budgets: allocations, the carry-over rule, year ends, corrections and the finance export. */
  "area-budgets:manage",
  /** Area budgets: a council's commitments and spends with receipts. */
  "area-budgets:record",
  /** Initiatives funds: rules, applications, decisions, payments and reports. */
  "funds:manage",
  /** Initiatives funds: score applications as an assessor (staff or the advisory committee, residents included). */
  "funds:assess",
  /** Councils: create and change them, seat members for a term and end terms; prepare and publish their meetings. */
  "councils:manage",
  /** Advice: ask councils for advice, record the municipality's response, set the advice terms. */
  "advice:manage",
  /** Advice: a council member gives their council's advice (the council seat is checked by the domain). */
  "advice:give",
  /** Terms: the municipality's own days off, which every term of every instrument skips. */
  "terms:manage",
  /** Democratic processes and their rules of the game, the ordinance's rules, feedback and evaluations. */
  "processes:manage",
  /** The initiatives desk and the uitdaagrecht: contact persons, statuses, the thread, decisions and terms. */
  "initiatives:manage",
] as const;
export type Permission = (typeof permissions)[number];

/**
 * What each role may do in the tenant where it is held. Small and in code on purpose (ADR 0004): a change of
 * rights is a reviewed change, and a test can enumerate it.
 */
const grants = {
  "programme-staff": [
    "staff-area:view",
    "audit-log:view",
    "tenant:manage",
    "applications:manage",
    "costs:manage",
    "newsletter:send",
    "lessons:manage",
    "workshops:manage",
    "meetings:manage",
  ],
  "municipal-coordinator": [
    "staff-area:view",
    "audit-log:view",
    "tenant:manage",
    "programme:apply",
    "learning-group:view",
    "uploads:view-internal",
    "areas:manage",
    "budgeting:manage",
    "area-budgets:manage",
    "area-budgets:record",
    "funds:manage",
    "funds:assess",
    "councils:manage",
    "advice:manage",
    "terms:manage",
    "processes:manage",
    "initiatives:manage",
  ],
  "municipal-staff": [
    "staff-area:view",
    "audit-log:view",
    "learning-group:view",
    "uploads:view-internal",
    "areas:manage",
    "budgeting:manage",
    "area-budgets:manage",
    "area-budgets:record",
    "funds:manage",
    "funds:assess",
    "councils:manage",
    "advice:manage",
    "terms:manage",
    "processes:manage",
    "initiatives:manage",
  ],
  supervisor: ["staff-area:view", "applications:manage", "lessons:manage"],
  // Not `uploads:view-internal`: that would open every internal file of the municipality (other councils' receipts,
  // fund applications). A member opens their own council's files by holding a seat on it (`isCouncilFileOf`).
  "council-member": ["area-budgets:record", "advice:give"],
  // Not `uploads:view-internal` either, for the same reason: the committee opens the files of fund applications only
  // (`isFundApplicationFile`), the applications it assesses.
  "fund-committee": ["funds:assess"],
  resident: [],
} as const satisfies Record<Role, readonly Permission[]>;

export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => (grants[role] as readonly Permission[]).includes(permission));
}
