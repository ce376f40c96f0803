export { type AuditEntry, recordAudit } from "./audit.ts";
export { DomainError, isDomainError } from "./errors.ts";
export { insertOnce } from "./insert-once.ts";
export { type AuditLogLine, listAuditLog } from "./list-audit-log.ts";
export { dutchTime, dutchWallClock, PROGRAMME_TIME_ZONE } from "./local-time.ts";
export { hashToken, newToken } from "./tokens.ts";
