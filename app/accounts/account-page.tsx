import type { ReactNode } from "react";
import { ErrorSummary, type ErrorLink } from "../components/error-summary";

/**
 * The frame of every account page: the main landmark in two thirds of the width, with the error
 * summary first when there are problems.
 */
export function AccountPage({
  children,
  errors = [],
  messages,
}: {
  children: ReactNode;
  errors?: readonly ErrorLink[];
  messages?: readonly string[];
}) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errors} messages={messages} />
            {children}
          </div>
        </div>
      </main>
    </div>
  );
}
