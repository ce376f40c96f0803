/**
 * A rule of the domain said no. Carries a code (`<context>.<reason>`) and parameters, never a sentence: the web
 * layer turns the code into a status and a plain-language message in the reader's language.
 *
 * Abstract on purpose: each context throws its own subclass, typed against that context's union of codes
 * (`ProgrammeError`, `IdentityError`, …), so a code that is not in the union fails the typecheck, and the web layer's
 * message table (`satisfies Record<ProgrammeErrorCode, …>`) fails it too when a code in the union has no message.
 */
export abstract class DomainError<Code extends `${string}.${string}` = `${string}.${string}`> extends Error {
  readonly code: Code;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: Code, params: Readonly<Record<string, string | number>> = {}) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
