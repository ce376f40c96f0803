import { DomainError } from "../shared/errors.ts";

/** The refusals of the areas context. A bad import file is no refusal but a list of problems (`ImportProblem`). */
export type AreasErrorCode = "areas.not-found";

export class AreasError extends DomainError<AreasErrorCode> {}

/** Why a line of an imported file was refused; the route names each with its line number. */
export type ImportProblemReason =
  | "csv"
  | "header"
  | "columns"
  | "code"
  | "name"
  | "residents"
  | "duplicate"
  | "parent"
  | "municipality-ambiguous"
  | "municipality-mismatch"
  | "no-rows"
  | "postcode"
  | "unknown-buurt";

/** A refused line: nothing of the file was written. `value` is the offending field as it stood in the file. */
export type ImportProblem = { line: number; reason: ImportProblemReason; value?: string };
