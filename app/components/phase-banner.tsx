import { Link } from "@remix-run/react";
import { FEEDBACK_PATH } from "../service/service-paths";

/** The GOV.UK phase banner: the service is in beta, and feedback is welcome. */
export function PhaseBanner() {
  return (
    <div className="govuk-phase-banner app-no-print">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Help us improve it and{" "}
          <Link className="govuk-link" to={FEEDBACK_PATH}>
            give your feedback
          </Link>
          .
        </span>
      </p>
    </div>
  );
}
