import { Link } from "@remix-run/react";
import type { ReviewBlock, ReviewRow } from "../questionnaire/section-review";

export type SummaryRow = ReviewRow & { href: string };
export type SummaryBlock = Omit<ReviewBlock, "rows"> & { rows: SummaryRow[] };

/** Answers as GOV.UK summary lists: the section's own questions, then a card per group. */
export function AnswerSummary({
  blocks,
  cardHeading = "h2",
}: {
  blocks: readonly SummaryBlock[];
  cardHeading?: "h2" | "h3";
}) {
  const Heading = cardHeading;
  return (
    <>
      {blocks.map((block, index) =>
        block.title ? (
          <div className="govuk-summary-card" key={`${index}:${block.title}`}>
            <div className="govuk-summary-card__title-wrapper">
              <Heading className="govuk-summary-card__title app-wrap">{block.title}</Heading>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList rows={block.rows} context={block.title} />
            </div>
          </div>
        ) : (
          <SummaryList rows={block.rows} key={`${index}:list`} />
        ),
      )}
    </>
  );
}

function SummaryList({ rows, context }: { rows: readonly SummaryRow[]; context?: string }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => {
        const about = context ? `${row.label.toLowerCase()} for ${context}` : row.label.toLowerCase();
        const missing = !row.value && row.needsAnswer;
        return (
          <div
            key={`${row.pageId}:${row.questionId}`}
            className={`govuk-summary-list__row${missing ? " govuk-summary-list__row--no-actions" : ""}`}
          >
            <dt className="govuk-summary-list__key">{row.label}</dt>
            <dd className="govuk-summary-list__value">
              {row.value ? (
                <AnswerValue lines={row.value} />
              ) : missing ? (
                <Link className="govuk-link" to={row.href}>
                  Answer this question<span className="govuk-visually-hidden">: {about}</span>
                </Link>
              ) : (
                <span className="app-secondary-text">Not answered</span>
              )}
              {row.value && row.needsAnswer ? (
                <p className="govuk-error-message govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  This answer needs more detail
                </p>
              ) : null}
            </dd>
            {missing ? null : (
              <dd className="govuk-summary-list__actions">
                <Link className="govuk-link" to={row.href}>
                  Change<span className="govuk-visually-hidden"> {about}</span>
                </Link>
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}

function AnswerValue({ lines }: { lines: readonly string[] }) {
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="govuk-list govuk-list--bullet app-summary-value-list">
      {lines.map((line, index) => (
        <li key={`${index}:${line}`}>{line}</li>
      ))}
    </ul>
  );
}
