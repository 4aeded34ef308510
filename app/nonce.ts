import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce for this response. Set on the server by entry.server.tsx;
 * empty in the browser, where the scripts have already run.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
