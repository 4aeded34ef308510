import type { ReactNode } from "react";

/**
 * The GOV.UK success notification banner: "Success", then what happened. `children` is the
 * heading line; `detail` an optional paragraph under it.
 */
export function SuccessBanner({ id, children, detail }: { id: string; children: ReactNode; detail?: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={id}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading app-wrap">{children}</p>
        {detail ? <p className="govuk-body">{detail}</p> : null}
      </div>
    </div>
  );
}
