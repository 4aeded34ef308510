import { Link } from "@remix-run/react";

/**
 * The GOV.UK back link, before <main> so "Skip to main content" skips it. It sits in its own
 * small navigation landmark so that every part of the page belongs to a landmark.
 */
export function BackLink({ to, children = "Back" }: { to: string; children?: string }) {
  return (
    <nav aria-label="Back">
      <Link to={to} className="govuk-back-link">
        {children}
      </Link>
    </nav>
  );
}
