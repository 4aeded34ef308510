/**
 * The page title for an error page in the root error boundary, by HTTP status (used by the
 * document title too). Titles of the pages for refused requests (403, 405, 413) live with
 * those pages, in refusal-page.tsx, so that every page's scripts do not carry them.
 */
export function errorPageTitle(status: number): string {
  if (status === 404) return "Page not found";
  // Remix's own answer to a post to a page that takes none.
  if (status === 405) return "This page cannot be used that way";
  return "Sorry, there is a problem with the service";
}
