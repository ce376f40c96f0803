import type { Tx } from "../../db/index.ts";
import { type CancellationOutcome, cancelRegistration } from "./cancel-registration.ts";
import { type MeetingLink, mailRegistrationStatus } from "./registration-mail.ts";

export type WithdrawFromTrackOptions = {
  tenantId: string;
  registrationId: string;
  personId: string;
  meetingLink: MeetingLink;
  now: Date;
};

/**
 * A participant gives up their place (cancelRegistration); whoever was first on the wait-list gets it and is told
 * by mail, with the invitation attached, in the same transaction.
 */
export async function withdrawFromTrack(tx: Tx, o: WithdrawFromTrackOptions): Promise<CancellationOutcome> {
  const outcome = await cancelRegistration(tx, o);
  if (outcome.promoted) {
    const { meetingLink, now } = o;
    await mailRegistrationStatus(tx, { registration: outcome.promoted, promoted: true, meetingLink, now });
  }
  return outcome;
}
