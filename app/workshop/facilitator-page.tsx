import { Link } from "@remix-run/react";
import { useHydrated } from "../components/use-hydrated";
import type { PagedFacilitatorView, ParticipantStatus, QuestionView, RankedQuestion } from "./facilitator";
import { finishedSentence } from "./facilitator-text";
import { settleQuestionPath } from "./paths";
import { BandTag, SpreadChart } from "./spread-chart";
import { useLiveUpdates } from "./use-live-updates";

export type FacilitatorPageData = {
  clientName: string;
  view: PagedFacilitatorView;
  version: string;
  /** When the data was read (ISO) and the same time in words, in UTC, for the page without JavaScript. */
  updatedAt: string;
  updatedAtText: string;
  closed: boolean;
  hrefs: {
    self: string;
    events: string;
    projector: string;
    settleAll: string;
    participants: string;
  };
  workspaceId: string;
  assessmentId: string;
};

const STATUS_TAGS: Record<ParticipantStatus, { text: string; colour: string }> = {
  "not-started": { text: "Not started", colour: "grey" },
  answering: { text: "Answering", colour: "light-blue" },
  finished: { text: "Finished", colour: "green" },
};

function questionAnchor(questionId: string): string {
  return `q-${questionId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The page showing one section's spreads in full. */
function sectionHref(self: string, sectionId: string): string {
  return `${self}?section=${encodeURIComponent(sectionId)}`;
}

function localTime(iso: string): string {
  return new Date(iso).toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit", second: "2-digit" });
}

export function FacilitatorPage({ data }: { data: FacilitatorPageData }) {
  const { view, hrefs } = data;
  const announcement = useLiveUpdates(hrefs.events, data.version, view.progress);
  const hydrated = useHydrated();
  const { counts } = view.progress;
  return (
    <>
      <span className="govuk-caption-xl app-wrap">{data.clientName}</span>
      <h1 className="govuk-heading-xl">Workshop</h1>
      {data.closed ? (
        <div className="govuk-inset-text">
          This workshop is closed: participants can no longer change their answers.
        </div>
      ) : null}
      <ul className="govuk-list app-workshop-actions">
        <li>
          <Link className="govuk-link" to={hrefs.projector}>
            Show on a projector
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={hrefs.settleAll}>
            Settle the answers
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={hrefs.participants}>
            Participants and links
          </Link>
        </li>
      </ul>

      <div className="app-live-status">
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          Last updated at{" "}
          <time dateTime={data.updatedAt}>{hydrated ? localTime(data.updatedAt) : data.updatedAtText}</time>
          {hydrated ? ". This page updates by itself." : "."}{" "}
          <a className="govuk-link" href={hrefs.self}>
            Refresh
          </a>
        </p>
        <p className="govuk-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
      </div>

      <section aria-labelledby="progress-heading" className="app-workshop-section">
        <h2 className="govuk-heading-l" id="progress-heading">
          {finishedSentence(counts)}
        </h2>
        {counts.total > 0 ? (
          <>
            <p className="govuk-body">
              {counts.answering} answering, {counts["not-started"]} not started.
            </p>
            <table className="govuk-table app-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Who has started and finished</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Answers
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {view.progress.current.map((person) => (
                  <tr key={person.id} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header app-wrap">
                      {person.name}
                      {person.roleLabel ? (
                        <span className="govuk-body-s app-secondary-text app-block">{person.roleLabel}</span>
                      ) : null}
                    </th>
                    <td className="govuk-table__cell">{person.answerCount}</td>
                    <td className="govuk-table__cell">
                      <strong className={`govuk-tag govuk-tag--${STATUS_TAGS[person.status].colour}`}>
                        {STATUS_TAGS[person.status].text}
                      </strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="govuk-body">
            <Link className="govuk-link" to={hrefs.participants}>
              Invite participants
            </Link>{" "}
            to start.
          </p>
        )}
        {view.progress.removed.length > 0 ? (
          <p className="govuk-body-s app-secondary-text">
            Removed, and not counted: {view.progress.removed.map((person) => person.name).join(", ")}.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="ranking-heading" className="app-workshop-section">
        <h2 className="govuk-heading-l" id="ranking-heading">
          Where people disagree most
        </h2>
        {view.ranked.length > 0 ? (
          <>
            <RankingList questions={view.ranked.slice(0, TOP)} data={data} />
            {view.ranked.length > TOP ? (
              <details className="govuk-details app-ranking-more">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">
                    Show the other {view.ranked.length - TOP} questions, by disagreement
                  </span>
                </summary>
                <div className="govuk-details__text">
                  <RankingList questions={view.ranked.slice(TOP)} data={data} />
                </div>
              </details>
            ) : null}
          </>
        ) : (
          <p className="govuk-body">
            Nothing to compare yet: questions appear here once two people have answered them.
          </p>
        )}
        {view.waitingCount > 0 ? (
          <p className="govuk-body-s app-secondary-text">
            {view.waitingCount === 1 ? "1 more question appears" : `${view.waitingCount} more questions appear`} when 3
            people have answered {view.waitingCount === 1 ? "it" : "them"}, because names are hidden.
          </p>
        ) : null}
      </section>

      {view.top.length > 0 ? (
        <section aria-labelledby="top-heading" className="app-workshop-section">
          <h2 className="govuk-heading-l" id="top-heading">
            The {view.top.length === 1 ? "question" : `${view.top.length} questions`} to discuss first
          </h2>
          {view.top.map((question) => (
            <QuestionBlock
              key={question.questionId}
              question={question}
              settleHref={settleQuestionPath(data.workspaceId, data.assessmentId, question.questionId)}
              people={view.people}
            />
          ))}
        </section>
      ) : null}

      {view.shownSectionId === null && view.top.length === 0 && view.ranked.length > 0 ? (
        <p className="govuk-body">No question divides the group so far: every answer compared shows broad agreement.</p>
      ) : null}

      {view.sectionTabs.length > 0 ? (
        <nav className="app-section-nav" aria-labelledby="section-nav-heading">
          <h2 className="govuk-heading-m" id="section-nav-heading">
            Every answer, one section at a time
          </h2>
          <ul className="govuk-list app-section-nav__list">
            <li>
              <Link
                className="govuk-link app-section-nav__link"
                to={hrefs.self}
                aria-current={view.shownSectionId === null ? "page" : undefined}
              >
                Overview: progress and the questions to discuss first
              </Link>
            </li>
            {view.sectionTabs.map((tab) => (
              <li key={tab.sectionId}>
                <Link
                  className="govuk-link app-section-nav__link"
                  to={`${sectionHref(hrefs.self, tab.sectionId)}#section-${tab.sectionId}`}
                  aria-current={tab.sectionId === view.shownSectionId ? "page" : undefined}
                >
                  {tab.title}
                </Link>{" "}
                <span className="govuk-body-s app-secondary-text">
                  ({tab.questionCount === 1 ? "1 question" : `${tab.questionCount} questions`})
                </span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {view.sections.map((section) => (
        <section
          key={section.sectionId}
          aria-labelledby={`section-${section.sectionId}`}
          className="app-workshop-section"
        >
          <h2 className="govuk-heading-l" id={`section-${section.sectionId}`}>
            {section.title}
          </h2>
          {section.questions.map((question) => (
            <QuestionBlock
              key={question.questionId}
              question={question}
              settleHref={settleQuestionPath(data.workspaceId, data.assessmentId, question.questionId)}
              people={view.people}
            />
          ))}
        </section>
      ))}
    </>
  );
}

/** The most divergent questions shown before "Show the other questions". */
const TOP = 10;

function RankingList({ questions, data }: { questions: RankedQuestion[]; data: FacilitatorPageData }) {
  return (
    <ol className="app-ranking">
      {questions.map((question) => (
        <li key={question.questionId} className="app-ranking__item">
          <span className="app-ranking__rank">{question.rank}</span>
          <span className="app-ranking__question">
            <a
              className="govuk-link"
              href={
                question.sectionId === data.view.shownSectionId ||
                data.view.top.some((shown) => shown.questionId === question.questionId)
                  ? `#${questionAnchor(question.questionId)}`
                  : `${sectionHref(data.hrefs.self, question.sectionId)}#${questionAnchor(question.questionId)}`
              }
            >
              {question.label}
            </a>
            <span className="govuk-body-s app-secondary-text app-block">{question.sectionTitle}</span>
          </span>
          <span className="app-ranking__band">{question.band ? <BandTag band={question.band} short /> : null}</span>
          <Link
            className="govuk-link app-ranking__settle"
            to={settleQuestionPath(data.workspaceId, data.assessmentId, question.questionId)}
          >
            Settle<span className="govuk-visually-hidden"> {question.label}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}

function QuestionBlock({
  question,
  settleHref,
  people,
}: {
  question: QuestionView;
  settleHref: string;
  people: readonly string[];
}) {
  const anchor = questionAnchor(question.questionId);
  return (
    <div className="app-question-spread" id={anchor}>
      <h3 className="govuk-heading-m app-wrap" id={`${anchor}-label`}>
        {question.label}
      </h3>
      <p className="govuk-body-s app-question-spread__meta">
        {question.band ? (
          <>
            <BandTag band={question.band} />{" "}
          </>
        ) : null}
        {question.answered === 1 ? "1 answer" : `${question.answered} answers`}
      </p>
      <SpreadChart display={question.display} suffix={question.suffix} labelledBy={`${anchor}-label`} people={people} />
      <p className="govuk-body-s">
        <Link className="govuk-link" to={settleHref}>
          Settle<span className="govuk-visually-hidden"> {question.label}</span>
        </Link>
      </p>
    </div>
  );
}
