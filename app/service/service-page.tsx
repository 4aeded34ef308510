import type { ReactNode } from "react";

/** The frame of the accessibility statement, privacy notice and contact page: one reading column. */
export function ServicePage({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">{children}</div>
        </div>
      </main>
    </div>
  );
}
