export { type AuditEntry, recordAudit } from "./audit.ts";
export { DomainError, isDomainError } from "./errors.ts";
export { dutchTime, PROGRAMME_TIME_ZONE } from "./local-time.ts";
