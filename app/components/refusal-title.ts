/**
 * The page title for a refused request, by status. Kept apart from error-page-title.ts (and the
 * 404 title repeated here) so that the browser's shared chunks do not change for these pages.
 */
export function refusalTitle(status: number): string {
  switch (status) {
    case 400:
      return "Your browser sent a request the service could not read";
    case 403:
      return "The form was not sent from this service";
    case 405:
      return "This page cannot be used that way";
    case 413:
      return "Your answers were too long to send";
    case 429:
      return "Too many requests: wait before trying again";
    case 503:
      return "Sorry, we could not make the PDF just now";
    default:
      return "Page not found";
  }
}
