/**
 * The public pages about the service itself, linked from every page's footer and the phase
 * banner. NOTE: only the root layout imports this. The service pages write these addresses out
 * when they link to each other, so that this does not become a chunk of its own that every page
 * downloads (the wizard pages sit right at their JavaScript budget); the end-to-end tests follow
 * every link on those pages.
 */
export const SERVICE_PAGES = {
  accessibility: "/accessibility",
  privacy: "/privacy",
  contact: "/contact",
} as const;

/** Where the phase banner's feedback link goes: the contact page's feedback section. */
export const FEEDBACK_PATH = `${SERVICE_PAGES.contact}#feedback`;
