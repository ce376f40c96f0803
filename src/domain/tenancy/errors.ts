import { DomainError } from "../shared/errors.ts";

/** Every refusal of the tenancy context. */
export type TenancyErrorCode = "tenancy.invalid-slug" | "tenancy.reserved-slug" | "tenancy.slug-taken";

export class TenancyError extends DomainError<TenancyErrorCode> {}
