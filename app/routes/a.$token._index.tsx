import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSectionCompletion } from "../../db/repositories/section-progress";
import type { PageHandle } from "../components/document-title";
import { TaskList, type TaskItem } from "../components/task-list";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { reportPath } from "../report.server";
import { exportPath } from "../exports/export-paths";
import {
  deleteAssessmentPath,
  privateLinkPath,
  questionPath,
  replaceLinkPath,
  sectionCheckPath,
  shareReportPath,
  summaryPath,
} from "../paths";
import { loadAnswers, sectionStatusesFor } from "../questionnaire/answers.server";
import { pageContext, SECTIONS } from "../questionnaire/questionnaire";
import { requireAnswerer, sectionsFor } from "../workshop/participant-access.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    (data as { workshop?: unknown } | undefined)?.workshop ? "Your answers for the workshop" : "Your assessment",
};

export async function loader({ params }: LoaderFunctionArgs) {
  const { respondent, participant } = await requireAnswerer(params.token);
  const token = params.token as string;
  const [{ answers }, completion] = await Promise.all([
    loadAnswers(respondent),
    getSectionCompletion(db, respondent.respondentId),
  ]);
  const ctx = pageContext(answers);
  const statuses = sectionStatusesFor(respondent, answers, completion);
  // A workshop participant sees only the sections their facilitator gave them.
  const tasks: TaskItem[] = sectionsFor(participant).map((section) => {
    const status = statuses.get(section.id) ?? "not-started";
    const firstPage = section.pages(ctx)[0];
    // Once a section has answers, its check-answers page is the best place to pick it up again.
    const href =
      status === "cannot-start" || !firstPage
        ? undefined
        : status === "not-started"
          ? questionPath(token, section.id, firstPage.id)
          : sectionCheckPath(token, section.id);
    const blockers = section.dependsOn
      .filter((dependency) => statuses.get(dependency) !== "completed")
      .map((dependency) => SECTIONS.find((candidate) => candidate.id === dependency)?.title ?? dependency);
    const hint =
      status === "cannot-start"
        ? `Complete "${blockers.join('" and "')}" first.`
        : status === "needs-review"
          ? "Some questions are new or unanswered because of changes elsewhere. Check this section again."
          : section.hint;
    return { id: section.id, title: section.title, hint, href, status };
  });
  const completedCount = tasks.filter((task) => task.status === "completed").length;
  const allComplete = completedCount === tasks.length;
  const checkAnswers: TaskItem = {
    id: "check-answers",
    title: "Check your answers and finish",
    hint: allComplete
      ? participant
        ? "Look over your answers, then tell the facilitator you have finished."
        : "Look over every answer, then finish the assessment."
      : "Complete every section first.",
    href: allComplete ? summaryPath(token) : undefined,
    status: !allComplete ? "cannot-start" : respondent.submittedAt ? "completed" : "not-started",
  };
  if (participant) {
    return {
      organisationName: participant.clientName,
      workshop: { clientName: participant.clientName, name: participant.name },
      tasks,
      finishing: [checkAnswers],
      completedCount,
      privateLinkPath: null,
      manage: null,
      answersCsvHref: null,
      answersJsonHref: null,
    };
  }
  const finishing: TaskItem[] = [
    checkAnswers,
    {
      id: "report",
      title: "Read your readiness report and starter strategy",
      hint: allComplete
        ? "Your verdict, scores, risks and a 90-day plan, on screen and as a PDF."
        : "Ready once every section is complete.",
      href: allComplete ? reportPath(token) : undefined,
      status: allComplete ? "available" : "cannot-start",
    },
  ];
  return {
    organisationName: respondent.organisationName,
    workshop: null,
    tasks,
    finishing,
    completedCount,
    privateLinkPath: privateLinkPath(token),
    // Sharing, replacing the link and deleting are for the assessment's owner.
    manage:
      respondent.role === "owner"
        ? {
            shareHref: shareReportPath(token),
            replaceHref: replaceLinkPath(token),
            deleteHref: deleteAssessmentPath(token),
          }
        : null,
    answersCsvHref: exportPath(token, "answers-csv"),
    answersJsonHref: exportPath(token, "answers-json"),
  };
}

export default function TaskListPage() {
  const {
    organisationName,
    workshop,
    tasks,
    finishing,
    completedCount,
    privateLinkPath: linkPath,
    manage,
    answersCsvHref,
    answersJsonHref,
  } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {organisationName ? <span className="govuk-caption-l app-wrap">{organisationName}</span> : null}
            {workshop ? (
              <>
                <h1 className="govuk-heading-xl">Your answers for the workshop</h1>
                <p className="govuk-body app-wrap">
                  {`You are answering for the ${workshop.clientName} workshop, as ${workshop.name}. Your answers are your own: the facilitator will show the group where people differ.`}
                </p>
              </>
            ) : (
              <h1 className="govuk-heading-xl">Your engagement readiness assessment</h1>
            )}
            <p className="app-progress">
              You have completed {completedCount} of {tasks.length} {tasks.length === 1 ? "section" : "sections"}.
            </p>
            <h2 className="govuk-heading-m app-task-list-heading">Answer the questions</h2>
            <TaskList items={tasks} />
            <h2 className="govuk-heading-m app-task-list-heading">Finish</h2>
            <TaskList items={finishing} />
            {workshop ? (
              <>
                <h2 className="govuk-heading-m">Coming back later</h2>
                <p className="govuk-body">
                  Your answers are saved as you go. To come back, open your own link again: the one you were given when
                  you joined. You can change your answers until the facilitator closes the workshop.
                </p>
              </>
            ) : null}
            {linkPath ? (
              <>
                <h2 className="govuk-heading-m">Your private link</h2>
                <p className="govuk-body">
                  Your answers are saved as you go. To come back later, use your private link.{" "}
                  <Link className="govuk-link" to={linkPath}>
                    See and copy your private link
                  </Link>
                  .
                </p>
              </>
            ) : null}
            {answersCsvHref && answersJsonHref ? (
              <>
                <h2 className="govuk-heading-m">Your answers</h2>
                <p className="govuk-body">
                  You can download your answers at any time, finished or not:{" "}
                  <a className="govuk-link" href={answersCsvHref}>
                    as a spreadsheet (CSV)
                  </a>{" "}
                  or{" "}
                  <a className="govuk-link" href={answersJsonHref}>
                    as data (JSON)
                  </a>
                  .
                </p>
              </>
            ) : null}
            {manage ? (
              <>
                <h2 className="govuk-heading-m">Share, replace or delete</h2>
                <ul className="govuk-list">
                  <li>
                    <Link className="govuk-link" to={manage.shareHref}>
                      Share your report with a read-only link
                    </Link>
                  </li>
                  <li>
                    <Link className="govuk-link" to={manage.replaceHref}>
                      Replace your private link
                    </Link>
                  </li>
                  <li>
                    <Link className="govuk-link" to={manage.deleteHref}>
                      Delete this assessment
                    </Link>
                  </li>
                </ul>
              </>
            ) : null}
          </div>
        </div>
      </main>
    </div>
  );
}
