import type { HeadersFunction } from "@remix-run/node";

/**
 * Assessment pages hold confidential answers: never store them in shared caches, never index
 * them. no-store also means the back button shows the latest saved answers, not a stale copy.
 */
export const privatePageHeaders: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
});

/** Thrown from loaders and actions: the root error boundary shows a friendly "Page not found". */
export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}
