import { getConfig } from "./config.server";

/**
 * The app's public address, as an origin with no trailing slash: PUBLIC_BASE_URL (required in
 * production), else `http://localhost:<PORT>` in development and tests. Never the request's
 * Host header: a link shown to a person, printed in a report or used as a key must not be
 * something a client can choose.
 * NOTE: the request is not used. The parameter stays so that callers written before this
 * change keep compiling; new code should call `publicOrigin()`.
 */
export function publicOrigin(_request?: Request): string {
  return getConfig().publicBaseUrl;
}
