/** Pure lists (no database driver): the schema types its columns with them, and forms in the browser offer them. */

/** The desk's statuses: received → in progress → supported, referred elsewhere or declined. */
export const initiativeStatuses = ["received", "in-progress", "supported", "referred", "declined"] as const;
/** What an initiator can ask the municipality for. */
export const initiativeSupportKinds = ["money", "permit", "space", "advice", "contacts"] as const;
