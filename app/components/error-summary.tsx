import { useEffect, useRef, type MouseEvent } from "react";

export type ErrorLink = { href: string; text: string };

/**
 * The GOV.UK error summary: at the top of the page, linking each problem to its field.
 * It takes focus when it appears so screen reader users hear the problems first.
 */
export function ErrorSummary({
  errors,
  messages = [],
}: {
  errors: readonly ErrorLink[];
  messages?: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = [...messages, ...errors.map((error) => error.href + error.text)].join("|");

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0 && messages.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" data-error-summary tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
            {errors.map((error) => (
              <li key={error.href}>
                <a href={error.href} onClick={focusTarget}>
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Moves focus to the field and scrolls its question into view, as GOV.UK Frontend does.
 * NOTE: letting the browser follow the #fragment would also make the router treat it as a
 * navigation, which clears the errors on screen.
 */
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.hash.slice(1);
  const input = id ? document.getElementById(id) : null;
  if (!input) return;
  event.preventDefault();
  const legendOrLabel =
    input.closest("fieldset")?.querySelector("legend") ?? document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legendOrLabel ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}
