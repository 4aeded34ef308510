/** The page title for an error page, by HTTP status (used by the document title too). */
export function errorPageTitle(status: number): string {
  switch (status) {
    case 404:
      return "Page not found";
    case 403:
      return "The form was not sent from this service";
    case 405:
      return "This page cannot be used that way";
    case 413:
      return "Your answers were too long to send";
    case 429:
      return "Too many requests: wait before trying again";
    default:
      return "Sorry, there is a problem with the service";
  }
}
