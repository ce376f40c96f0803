// Pure lists (no database driver), so forms in the browser may use them.
export { initiativeStatuses, initiativeSupportKinds } from "../../db/schema/initiative-lists.ts";
