import { useEffect } from "react";

/**
 * Links drawn as buttons ("Download the PDF", "Continue to your assessment") carry
 * role="button", so screen readers announce a button and people press Space, as on any button.
 * Browsers only follow links on Enter, so Space is turned into a click here, as GOV.UK
 * Frontend's button module does. Without JavaScript they stay ordinary links that Enter follows.
 */
function onKeyDown(event: KeyboardEvent) {
  if (event.key !== " " || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target;
  if (!(target instanceof HTMLAnchorElement) || target.getAttribute("role") !== "button") return;
  // Space would otherwise scroll the page.
  event.preventDefault();
  target.click();
}

/** Listens once, on the document, so every link-button on every page is covered, now and later. */
export function useLinkButtons() {
  useEffect(() => {
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
