/**
 * "Stadhuis, Markt 1, Utrecht": where a meeting is, as far as it is known. Pure and import-free, so the pages and
 * the calendar feeds say the same thing.
 */
export const meetingPlace = (m: { venue: string | null; address: string | null; city: string | null }) =>
  [m.venue, m.address, m.city].filter(Boolean).join(", ") || undefined;
