/** Sign-ups for a meeting close when it starts: the one rule the sign-up and the meeting page both follow. */
export const isRegistrationClosed = (meeting: { startsAt: Date }, now: Date): boolean => now >= meeting.startsAt;
