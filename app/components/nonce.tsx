import { createContext, useContext } from "react";

/** Set by the server entry for each response; empty in the browser, where scripts are already trusted. */
export const NonceContext = createContext<string>("");

export function useNonce(): string {
  return useContext(NonceContext);
}
