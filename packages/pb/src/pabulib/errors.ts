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
  | "pabulib.unterminated-quote";

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
