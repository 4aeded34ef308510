import type { WorkshopFindings } from "../../../scoring/workshop-findings";
import {
  divergentRows,
  WORKSHOP_SECTION,
  workshopIntro,
  workshopListIntro,
  workshopMethodPointer,
} from "../../report/workshop-wording";
import { ReportSection, SummaryList } from "./report-parts";

/**
 * "Where your team disagreed", on the report page before section 1 (as in the PDF): the
 * questions the workshop's participants disagreed on most, each with the spread, the band, the
 * answer the group agreed and its reason.
 */
export function WorkshopDisagreements({ findings }: { findings: WorkshopFindings }) {
  return (
    <ReportSection id={WORKSHOP_SECTION.id} title={WORKSHOP_SECTION.title}>
      <p className="govuk-body">{workshopIntro(findings)}</p>
      <p className="govuk-body">{workshopListIntro(findings, findings.divergent.length)}</p>
      {findings.divergent.map((question) => (
        <div key={question.questionId} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-m app-subheading app-wrap">{question.label}</h3>
          <SummaryList
            className="app-wrap"
            rows={divergentRows(question).map((row) => ({ label: row.label, value: row.value }))}
          />
        </div>
      ))}
      <p className="govuk-body">{workshopMethodPointer()}</p>
    </ReportSection>
  );
}

/** The method section's paragraphs on the measure. */
export function DisagreementMethod({ findings }: { findings: WorkshopFindings }) {
  return (
    <>
      {findings.method.map((paragraph) => (
        <p className="govuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
    </>
  );
}
