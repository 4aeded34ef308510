import type { ReactNode } from "react";
import { BackLink } from "../components/back-link";
import { ErrorSummary, type ErrorLink } from "../components/error-summary";

/**
 * The frame of a workspace's client pages: a back link, then the main landmark at full width
 * (tables of clients and assessments need it) with the error summary first when there are problems.
 */
export function WorkspacePage({
  children,
  backHref,
  backText,
  errors = [],
  messages,
}: {
  children: ReactNode;
  backHref: string;
  backText: string;
  errors?: readonly ErrorLink[];
  messages?: readonly string[];
}) {
  return (
    <div className="govuk-width-container">
      <BackLink to={backHref}>{backText}</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        <ErrorSummary errors={errors} messages={messages} />
        {children}
      </main>
    </div>
  );
}

/** A GOV.UK tag for an assessment's status, with its detail ("3 of 6 sections done") beneath. */
export function StatusCell({ status }: { status: { text: string; colour: string; detail: string | null } | null }) {
  if (!status) return <span className="govuk-hint govuk-!-margin-bottom-0">No assessment yet</span>;
  return (
    <>
      <strong className={`govuk-tag govuk-tag--${status.colour}`}>{status.text}</strong>
      {status.detail ? (
        <>
          <br />
          <span className="govuk-body-s">{status.detail}</span>
        </>
      ) : null}
    </>
  );
}
