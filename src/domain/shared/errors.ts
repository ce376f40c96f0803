/**
 * A rule of the domain said no. Carries a code (`<context>.<reason>`) and parameters, never a sentence: the web
 * layer turns the code into a status and a plain-language message in the reader's language.
 */
export class DomainError<Code extends string = string> extends Error {
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
