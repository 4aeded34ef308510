/** The GOV.UK phase banner: the service is in beta, and feedback is welcome. */
export function PhaseBanner() {
  return (
    <div className="govuk-phase-banner app-no-print">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Help us improve it and{" "}
          <a className="govuk-link" href="/contact#feedback">
            give your feedback
          </a>
          .
        </span>
      </p>
    </div>
  );
}
