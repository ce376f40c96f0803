export type PabulibErrorCode =
  | "pabulib.row-outside-section"
  | "pabulib.missing-section"
  | "pabulib.missing-column"
  | "pabulib.missing-meta"
  | "pabulib.unknown-vote-type"
  | "pabulib.bad-amount"
  | "pabulib.bad-points"
  | "pabulib.duplicate-project"
  | "pabulib.unknown-project"
  | "pabulib.unterminated-quote"
  | "pabulib.vote-count"
  | "pabulib.bad-cost"
  | "pabulib.not-utf8"
  | "pabulib.amount-too-large";

/** Malformed Pabulib input: a code for programs, the 1-based line for people. */
export class PabulibError extends Error {
  readonly code: PabulibErrorCode;
  readonly line: number;

  constructor(code: PabulibErrorCode, line: number, detail: string) {
    super(`line ${line}: ${detail}`);
    this.name = "PabulibError";
    this.code = code;
    this.line = line;
  }
}

/** A fix-up of lenient reading: what strict reading would have refused, and what was done instead. */
export type PabulibWarning = { readonly code: PabulibErrorCode; readonly line: number; readonly message: string };
