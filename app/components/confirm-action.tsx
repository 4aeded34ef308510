import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";

/** GOV.UK warning text: the "!" icon and a bold message, with "Warning" for screen readers. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/**
 * The foot of a page that asks someone to confirm something they cannot undo: a red (warning)
 * button that posts to the page (or to `action`), and a Cancel link back where they came from. Every such page in
 * the service ends the same way, so the destructive choice always looks and reads alike.
 */
export function ConfirmAction({
  label,
  cancelHref,
  action,
  fields = {},
}: {
  label: string;
  cancelHref: string;
  /** Where the form posts, when not to the page itself. */
  action?: string;
  /** Hidden fields sent with the confirmation. */
  fields?: Readonly<Record<string, string>>;
}) {
  return (
    <Form method="post" action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
          {label}
        </button>
        <Link className="govuk-link" to={cancelHref}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
