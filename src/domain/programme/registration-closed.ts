/**
 * Sign-ups for a meeting close when it starts, or when it is called off: the one rule the sign-up and the meeting
 * page both follow.
 */
export const isRegistrationClosed = (meeting: { startsAt: Date; cancelledAt?: Date | null }, now: Date): boolean =>
  Boolean(meeting.cancelledAt) || now >= meeting.startsAt;
