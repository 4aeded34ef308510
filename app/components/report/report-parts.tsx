import type { ReactNode } from "react";
import type { ResolvedAnswer } from "../../report/answer-refs";
import type { Subheading } from "../../report/report-sections";
import type { LabelledValue } from "../../report/report-wording";
import { longDate } from "../../report/report-wording";

/** "21 November 2026", the same on every server whatever its time zone. */
export function formatDate(iso: string): string {
  return longDate(iso);
}

export function ReportSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section className="app-report-section" aria-labelledby={id}>
      <h2 className="govuk-heading-l" id={id}>
        {title}
      </h2>
      {intro ? <p className="govuk-body">{intro}</p> : null}
      {children}
    </section>
  );
}

/**
 * A sub-heading from the shared list (`report-sections.ts`): an h3 under the section's title, or
 * an h4 under the h3 before it. Nothing when this report has nothing under it.
 */
export function SubHeading({ heading, id }: { heading: Subheading | null; id?: string }) {
  if (heading === null) return null;
  return heading.level === 3 ? (
    <h3 className="govuk-heading-m app-subheading" id={id}>
      {heading.title}
    </h3>
  ) : (
    <h4 className="govuk-heading-s app-subheading" id={id}>
      {heading.title}
    </h4>
  );
}

/** Labels and values as a GOV.UK summary list without actions. */
export function SummaryList({ rows, className }: { rows: readonly LabelledValue[]; className?: string }) {
  return (
    <dl className={`govuk-summary-list${className ? ` ${className}` : ""}`}>
      {rows.map((row) => (
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions" key={row.label}>
          <dt className="govuk-summary-list__key">{row.label}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Because you answered": the answers behind a risk or recommendation, folded away. */
export function Evidence({
  answers,
  summary = "The answers behind this",
}: {
  answers: readonly ResolvedAnswer[];
  summary?: string;
}) {
  if (answers.length === 0) return null;
  return (
    <details className="govuk-details app-evidence">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-summary-list--no-border app-evidence__list">
          {answers.map((answer) => (
            <div className="govuk-summary-list__row" key={answer.key}>
              <dt className="govuk-summary-list__key">{answer.label}</dt>
              <dd className="govuk-summary-list__value">{answer.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

/** A small bar for a 0-100 score, drawn in SVG so no inline styles are needed. */
export function ScoreBar({ score }: { score: number }) {
  const width = Math.max(0, Math.min(100, score));
  return (
    <svg className="app-score-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="app-chart__track" x="0" y="0" width="100" height="8" />
      <rect className="app-chart__bar" x="0" y="0" width={width} height="8" />
    </svg>
  );
}

const SEVERITY_TAGS = {
  high: { label: "High risk", className: "govuk-tag--red" },
  medium: { label: "Medium risk", className: "govuk-tag--orange" },
  low: { label: "Low risk", className: "govuk-tag--grey" },
} as const;

export function SeverityTag({ severity }: { severity: keyof typeof SEVERITY_TAGS }) {
  const tag = SEVERITY_TAGS[severity];
  return <strong className={`govuk-tag ${tag.className}`}>{tag.label}</strong>;
}

const PRIORITY_TAGS = {
  now: { label: "Do now", className: "govuk-tag--red" },
  next: { label: "Do next", className: "govuk-tag--yellow" },
  later: { label: "Do later", className: "govuk-tag--grey" },
} as const;

export function PriorityTag({ priority }: { priority: keyof typeof PRIORITY_TAGS }) {
  const tag = PRIORITY_TAGS[priority];
  return <strong className={`govuk-tag ${tag.className}`}>{tag.label}</strong>;
}

export type TableColumn = { title: string; numeric?: boolean };
export type TableRow = { key: string; header: ReactNode; cells: ReactNode[] };

/**
 * A GOV.UK table that stacks into labelled blocks on narrow screens, so phones never scroll
 * sideways. Each cell carries its column's title for that stacked view.
 */
export function ReportTable({
  caption,
  columns,
  rows,
}: {
  caption?: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
}) {
  return (
    <table className="govuk-table app-table app-table--stack">
      {caption ? <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption> : null}
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th
              scope="col"
              key={column.title}
              className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`}
            >
              {column.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            <th scope="row" className="govuk-table__header">
              {row.header}
            </th>
            {row.cells.map((cell, index) => {
              const column = columns[index + 1];
              return (
                <td
                  key={column?.title ?? index}
                  data-label={column?.title}
                  className={`govuk-table__cell${column?.numeric ? " govuk-table__cell--numeric" : ""}`}
                >
                  {cell}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
