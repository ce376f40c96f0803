import { DomainError } from "../shared/errors.ts";

/** Every refusal of the ledger; the web layer maps each to a status and a message (typed, so none is missed). */
export type LedgerErrorCode =
  | "ledger.account-not-found"
  | "ledger.amount-invalid"
  | "ledger.insufficient-funds"
  | "ledger.commitment-not-found"
  | "ledger.release-exceeds-commitment"
  | "ledger.entry-not-found"
  | "ledger.entry-already-reversed"
  | "ledger.reversal-not-reversible"
  | "ledger.commitment-in-use"
  | "ledger.reverse-the-spend";

export class LedgerError extends DomainError<LedgerErrorCode> {}
