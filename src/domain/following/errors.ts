import { DomainError } from "../shared/errors.ts";

/** Every refusal of the following context; the route layer maps each to a status and a message. */
export type FollowingErrorCode = "following.link-invalid";

export class FollowingError extends DomainError<FollowingErrorCode> {}
