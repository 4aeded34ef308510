import { notFound } from "../http";
import { logoVersionMatches } from "./page-branding";

/**
 * The logo as an image response: always the stored, re-encoded PNG, sent as `image/png` with
 * `nosniff`. Its address carries the start of its hash (`?v=`), so a browser keeps it for a year
 * when the address names this logo, and asks again otherwise. `private`: it is reached through a
 * link or a session, so shared caches never keep it.
 */
export function logoResponse(request: Request, logo: { png: Buffer; sha256: string } | undefined): Response {
  if (!logo) throw notFound();
  const v = new URL(request.url).searchParams.get("v");
  return new Response(new Uint8Array(logo.png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(logo.png.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Robots-Tag": "noindex, nofollow",
      "Cache-Control": logoVersionMatches(v, logo.sha256)
        ? "private, max-age=31536000, immutable"
        : "private, no-cache",
      ETag: `"${logo.sha256}"`,
    },
  });
}
