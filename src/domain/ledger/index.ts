export {
  accountTotals,
  debitsByCategory,
  type LedgerTotals,
  openOnHold,
  totalsByOwner,
  totalsOf,
} from "./account-totals.ts";
export { LedgerError, type LedgerErrorCode } from "./errors.ts";
export { type ListedEntry, listEntries } from "./list-entries.ts";
export { lockAccount } from "./lock-account.ts";
export { findAccount, type LedgerAccount, type OpenAccountOptions, openAccount } from "./open-account.ts";
export { type LedgerEntry, type Movement, type PostEntryOptions, type Posted, postEntry } from "./post-entry.ts";
export { type ReverseEntryOptions, reverseEntry } from "./reverse-entry.ts";
