import { Link } from "@remix-run/react";
import type { SectionStatus } from "../questionnaire/questionnaire";

export type TaskItem = {
  id: string;
  title: string;
  hint?: string;
  /** Missing when the task cannot be started yet. */
  href?: string;
  /** "available": a task with nothing to complete, such as reading the report. */
  status: SectionStatus | "available";
};

function StatusLabel({ status }: { status: TaskItem["status"] }) {
  switch (status) {
    case "available":
      return <strong className="govuk-tag govuk-tag--green">Ready</strong>;
    case "completed":
      return <>Completed</>;
    case "in-progress":
      return <strong className="govuk-tag govuk-tag--light-blue">In progress</strong>;
    case "needs-review":
      return <strong className="govuk-tag govuk-tag--yellow">Needs revisiting</strong>;
    case "not-started":
      return <strong className="govuk-tag govuk-tag--blue">Not yet started</strong>;
    case "cannot-start":
      return <>Cannot start yet</>;
  }
}

/** The GOV.UK task list: each task's name links to it, and its status is read out with it. */
export function TaskList({ items }: { items: readonly TaskItem[] }) {
  return (
    <ul className="govuk-task-list">
      {items.map((item) => {
        const statusId = `task-${item.id}-status`;
        const hintId = item.hint ? `task-${item.id}-hint` : undefined;
        return (
          <li key={item.id} className={`govuk-task-list__item${item.href ? " govuk-task-list__item--with-link" : ""}`}>
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <Link
                  className="govuk-link govuk-task-list__link"
                  to={item.href}
                  aria-describedby={[hintId, statusId].filter(Boolean).join(" ")}
                >
                  {item.title}
                </Link>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div
              className={`govuk-task-list__status${item.status === "cannot-start" ? " govuk-task-list__status--cannot-start-yet" : ""}`}
              id={statusId}
            >
              <StatusLabel status={item.status} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
