export { type AuditEntry, recordAudit } from "./audit.ts";
export { DomainError, isDomainError } from "./errors.ts";
export { hashToken, newToken } from "./tokens.ts";
