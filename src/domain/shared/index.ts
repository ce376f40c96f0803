export { type AuditEntry, recordAudit } from "./audit.ts";
export { type AuditAction, auditActions } from "./audit-actions.ts";
export {
  type AddDayOffOptions,
  addDayOff,
  type DayOff,
  listDaysOff,
  removeDayOff,
  TermsError,
  type TermsErrorCode,
  termCalendarOf,
} from "./days-off.ts";
export { normaliseEmail } from "./email.ts";
export { DomainError, isDomainError } from "./errors.ts";
export { insertOnce } from "./insert-once.ts";
export { type AuditLogLine, listAuditLog } from "./list-audit-log.ts";
export { dutchDateOf, dutchTime, dutchWallClock, PROGRAMME_TIME_ZONE } from "./local-time.ts";
export { minutesAfter } from "./minutes-after.ts";
export {
  advanceDuePhases,
  checkSchedule,
  definePhases,
  findPhaseTrack,
  hasReached,
  listDuePhaseTracks,
  type MovePhaseOptions,
  movePhase,
  PHASES_ADVANCE_JOB,
  type PhaseDate,
  PhaseError,
  type PhaseErrorCode,
  type PhaseMachine,
  type PhaseMove,
  type PhaseTrack,
  phaseIndex,
  phaseJobHandlers,
  type SetPhaseScheduleOptions,
  type StartPhasesOptions,
  setPhaseSchedule,
  startPhases,
  toTrack,
} from "./phases.ts";
export {
  addDays,
  calendarWith,
  DECREE_BRIDGE_DAYS,
  dueOn,
  isDayOff,
  isLate,
  legalHolidays,
  nationalCalendar,
  type Term,
  type TermCalendar,
  type TermUnit,
  termUnits,
} from "./terms.ts";
export { hashToken, newToken } from "./tokens.ts";
