export { confirmFollow, stopFollowing } from "./confirm-follow.ts";
export { FollowingError, type FollowingErrorCode } from "./errors.ts";
export {
  FOLLOW_DELIVERY_JOB,
  type FollowMail,
  followingJobHandlers,
  type NotifyFollowersOptions,
  notifyFollowers,
} from "./notify-followers.ts";
export { type RequestFollowOptions, requestFollow, topicOf } from "./request-follow.ts";
