import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "../accounts/format-time";
import { clientPath } from "../clients/client-paths";
import { WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { privatePageHeaders } from "../http";
import { settleQuestionPath, workshopPath } from "../workshop/paths";
import { answerInWords } from "../workshop/settle-form";
import { BandTag, settledByLine } from "../workshop/settle-parts";
import { byDisagreement } from "../workshop/settle-view";
import { loadSettlingState, settleEntries } from "../workshop/settling.server";
import { requireWorkshop } from "../workshop/workshop.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Settle the group's answers" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, assessment, scope, workshop } = await requireWorkshop(request, params);
  const state = await loadSettlingState(scope, assessment, workshop);
  const entries = settleEntries(state);
  const link = (key: string) => settleQuestionPath(workspace.workspaceId, assessment.assessmentId, key);
  const toSettle = byDisagreement(entries.filter((entry) => entry.answered && !entry.settlement)).map((entry) => ({
    key: entry.question.key,
    title: entry.question.title,
    sectionTitle: entry.question.sectionTitle,
    href: link(entry.question.key),
    spread: entry.spread.words ?? "Hidden until at least 3 people have answered",
    band: entry.spread.band,
  }));
  const notAnswered = entries
    .filter((entry) => !entry.answered && !entry.settlement)
    .map((entry) => ({ key: entry.question.key, title: entry.question.title, href: link(entry.question.key) }));
  const sections = [...new Set(entries.map((entry) => entry.question.sectionTitle))].map((title) => ({
    title,
    settled: entries.flatMap((entry) => {
      const settlement = entry.settlement;
      if (entry.question.sectionTitle !== title || !settlement) return [];
      const values = { ...state.groupAnswers, [entry.question.key]: settlement.value };
      return [
        {
          key: entry.question.key,
          title: entry.question.title,
          href: link(entry.question.key),
          answer: answerInWords(entry.question, values),
          reason: settlement.reason,
          by: settledByLine({
            settledByName: settlement.settledByName,
            settledAtText: formatDateTime(settlement.settledAt),
          }),
        },
      ];
    }),
  }));
  const url = new URL(request.url);
  const justSettled = url.searchParams.get("settled");
  return {
    clientName: assessment.organisationName ?? workshop.clientName,
    backHref: workshopPath(workspace.workspaceId, assessment.assessmentId),
    clientHref: clientPath(workspace.workspaceId, assessment.organisationId),
    toSettle,
    notAnswered,
    sections: sections.filter((section) => section.settled.length > 0),
    settledCount: entries.filter((entry) => entry.settlement).length,
    total: entries.length,
    justSettled: justSettled
      ? (entries.find((entry) => entry.question.key === justSettled)?.question.title ?? null)
      : null,
  };
}

export default function SettleListPage() {
  const { clientName, backHref, clientHref, toSettle, notAnswered, sections, settledCount, total, justSettled } =
    useLoaderData<typeof loader>();
  return (
    <WorkspacePage backHref={backHref} backText="Back to the workshop">
      {justSettled ? (
        <SuccessBanner id="settled-banner">{`The group's answer to "${justSettled}" is saved`}</SuccessBanner>
      ) : null}
      <span className="govuk-caption-l app-wrap">{clientName}</span>
      <h1 className="govuk-heading-l">Settle the group&apos;s answers</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            For each question, record the answer the group agrees on. The report is built from these answers. Each
            participant&apos;s own answers stay as they gave them.
          </p>
          {toSettle.length > 0 ? (
            <div className="govuk-inset-text" data-testid="settle-count">
              <strong>{toSettle.length === 1 ? "1 question" : `${toSettle.length} questions`} still to settle</strong>.
              The assessment can be finished once every question the participants answered is settled.
            </div>
          ) : (
            <div className="govuk-inset-text" data-testid="settle-count">
              <strong>Every question the participants answered is settled.</strong> You can now{" "}
              <Link className="govuk-link" to={clientHref}>
                open the assessment from the client&apos;s page
              </Link>{" "}
              to check it and finish it.
            </div>
          )}
        </div>
      </div>

      {toSettle.length > 0 ? (
        <section aria-labelledby="to-settle-heading">
          <h2 className="govuk-heading-m" id="to-settle-heading">
            Still to settle ({toSettle.length})
          </h2>
          <p className="govuk-body">Most disagreement first.</p>
          <table className="govuk-table" data-testid="to-settle">
            <caption className="govuk-table__caption govuk-visually-hidden">Questions still to settle</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Question
                </th>
                <th scope="col" className="govuk-table__header">
                  What participants said
                </th>
                <th scope="col" className="govuk-table__header">
                  Agreement
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {toSettle.map((entry) => (
                <tr className="govuk-table__row" key={entry.key}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={entry.href}>
                      {entry.title}
                    </Link>
                    <br />
                    <span className="govuk-body-s govuk-!-margin-bottom-0">{entry.sectionTitle}</span>
                  </td>
                  <td className="govuk-table__cell app-wrap">{entry.spread}</td>
                  <td className="govuk-table__cell">
                    <BandTag band={entry.band} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="settled-heading">
        <h2 className="govuk-heading-m" id="settled-heading">
          Settled ({settledCount} of {total})
        </h2>
        {sections.length === 0 ? <p className="govuk-body">Nothing is settled yet.</p> : null}
        {sections.map((section) => (
          <div key={section.title} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s">{section.title}</h3>
            <dl className="govuk-summary-list">
              {section.settled.map((entry) => (
                <div className="govuk-summary-list__row" key={entry.key}>
                  <dt className="govuk-summary-list__key">{entry.title}</dt>
                  <dd className="govuk-summary-list__value app-wrap">
                    <p className="govuk-body govuk-!-margin-bottom-1">{entry.answer}</p>
                    {entry.reason ? <p className="govuk-body govuk-!-margin-bottom-1">Why: {entry.reason}</p> : null}
                    <p className="govuk-body-s govuk-!-margin-bottom-0">{entry.by}</p>
                  </dd>
                  <dd className="govuk-summary-list__actions">
                    <Link className="govuk-link" to={entry.href}>
                      Change<span className="govuk-visually-hidden"> the group&apos;s answer to {entry.title}</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>

      {notAnswered.length > 0 ? (
        <section aria-labelledby="not-answered-heading">
          <h2 className="govuk-heading-m" id="not-answered-heading">
            Nobody has answered yet ({notAnswered.length})
          </h2>
          <p className="govuk-body">
            These do not stop the assessment being finished. You can still record the group&apos;s answer.
          </p>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Show the {notAnswered.length === 1 ? "question" : `${notAnswered.length} questions`}
              </span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list">
                {notAnswered.map((entry) => (
                  <li key={entry.key}>
                    <Link className="govuk-link" to={entry.href}>
                      {entry.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </details>
        </section>
      ) : null}
    </WorkspacePage>
  );
}
