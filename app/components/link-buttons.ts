/**
 * Links drawn as buttons ("Download the PDF", "Continue to your assessment") carry
 * role="button", so screen readers announce a button and people press Space, as on any button.
 * Browsers only follow links on Enter, so Space is turned into a click here, as GOV.UK
 * Frontend's button module does. Without JavaScript they stay ordinary links that Enter follows.
 */
function onKeyDown(event: KeyboardEvent) {
  const target = event.target;
  if (event.key !== " " || !(target instanceof HTMLAnchorElement) || target.getAttribute("role") !== "button") return;
  // Space would otherwise scroll the page.
  event.preventDefault();
  target.click();
}

/**
 * Listens once, on the document, so every link-button on every page is covered, now and after
 * each navigation. NOTE: called when the browser loads the root module, not from a React hook,
 * which would add bytes to every page for a listener that never needs removing.
 */
export function listenForLinkButtons() {
  if (typeof document !== "undefined") document.addEventListener("keydown", onKeyDown);
}
