import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { ErrorSummary } from "../components/error-summary";
import { QuestionField, type FieldContext } from "../components/question-fields";
import { useCheckedSubmit } from "../components/question-form";
import { SuccessBanner } from "../components/success-banner";
import { useHydrated } from "../components/use-hydrated";
import { privatePageHeaders } from "../http";
import type { FormInput, Question } from "../questionnaire/question-types";
import { errorLinks, fieldDomId } from "../questionnaire/validate";
import { SETTLE_FIELDS } from "../workshop/settle-fields";
import { settlePageAction, settlePageLoader, type SettleActionResult } from "../workshop/settle-page.server";
import { BandTag } from "../workshop/settle-parts";
import { requireWorkshop } from "../workshop/workshop.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => {
    const title = (data as { title?: string } | undefined)?.title;
    return title ? `Settle: ${title}` : "Settle the group's answer";
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkshop(request, params);
  return settlePageLoader(access, params.questionId ?? "", request);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkshop(request, params);
  return settlePageAction(access, params.questionId ?? "", request);
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "settle" }>;

/**
 * The question as the loader sent it: its definition without the schema, which the fields never
 * read (the server validates every post with the real one).
 */
function asQuestion(drawable: Loaded["question"]): Question {
  return drawable as unknown as Question;
}

export default function SettleQuestionPage() {
  const loaded = useLoaderData<typeof loader>();
  if (loaded.kind === "not-asked") {
    return (
      <div className="govuk-width-container">
        <BackLink to={loaded.listHref}>Back to all questions</BackLink>
        <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h1 className="govuk-heading-l">This question is not asked of the group yet</h1>
              <p className="govuk-body">
                Some participants were asked it because of their own earlier answers, such as a stakeholder group only
                they chose. It is asked of the group once the group&apos;s own answers lead to it: settle those first.
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={loaded.listHref}>
                  See every question to settle
                </Link>
              </p>
            </div>
          </div>
        </main>
      </div>
    );
  }
  // NOTE: keyed by question: the next question opens on the same route, and react-hook-form reads
  // its default values only when it first mounts.
  return <SettleForm key={loaded.key} loaded={loaded} />;
}

function SettleForm({ loaded }: { loaded: Loaded }) {
  const actionData = useActionData<typeof action>() as SettleActionResult | undefined;
  const defaults: FormInput = actionData?.values ?? {
    ...loaded.defaults,
    [SETTLE_FIELDS.reason]: loaded.reason,
  };
  const form = useForm<FormInput>({ defaultValues: defaults });
  const hydrated = useHydrated();
  const errors = actionData?.errors ?? {};
  const ctx: FieldContext = {
    register: form.register,
    setValue: form.setValue,
    control: form.control,
    errors,
    defaults,
    hydrated,
  };
  // A second press while the answer is on its way does nothing, as on the wizard's pages.
  const onSubmit = useCheckedSubmit(form);
  const revision = actionData?.revision ?? loaded.revision;
  const conflict = actionData?.conflict;
  return (
    <div className="govuk-width-container">
      <BackLink to={loaded.listHref}>Back to all questions</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errorLinks(errors)} messages={actionData?.formErrors} />
            {loaded.justSettled && !actionData ? (
              <SuccessBanner id="settled-banner">{`The group's answer to "${loaded.justSettled}" is saved`}</SuccessBanner>
            ) : null}
            {conflict ? <ConflictBanner conflict={conflict} /> : null}
            <span className="govuk-caption-l">{loaded.sectionTitle}</span>
            <h1 className="govuk-heading-l app-wrap">{loaded.title}</h1>
            <p className="govuk-body" data-testid="remaining">
              {loaded.remaining === 0
                ? "Every question the participants answered is settled."
                : `${loaded.remaining === 1 ? "1 question" : `${loaded.remaining} questions`} still to settle.`}
            </p>

            <h2 className="govuk-heading-m">What the participants said</h2>
            <SpreadView spread={loaded.spread} />

            {loaded.settled && !conflict ? (
              <div className="govuk-inset-text">
                <p className="govuk-body">
                  The group settled this as <strong className="app-wrap">{loaded.settled.answer}</strong>.
                </p>
                {loaded.settled.reason ? <p className="govuk-body app-wrap">Why: {loaded.settled.reason}</p> : null}
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {loaded.settled.by}, {loaded.settled.at}
                </p>
              </div>
            ) : null}

            <h2 className="govuk-heading-m">The group&apos;s answer</h2>
            <p className="govuk-body">
              {conflict
                ? "This shows the answer you entered. Save it only if the group agrees on it."
                : startsFromText(loaded)}
            </p>
            <Form method="post" noValidate onSubmit={onSubmit}>
              <input type="hidden" name={SETTLE_FIELDS.revision} value={revision} />
              {loaded.isList ? (
                <ListChoice loaded={loaded} defaults={defaults} error={errors[SETTLE_FIELDS.choice]} />
              ) : (
                <QuestionField question={asQuestion(loaded.question)} ctx={ctx} isPageHeading={false} />
              )}
              <QuestionField question={asQuestion(loaded.reasonQuestion)} ctx={ctx} isPageHeading={false} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {conflict ? "Save my answer instead" : "Save the group's answer"}
              </button>
            </Form>
            {conflict ? (
              <Form method="post">
                <input type="hidden" name={SETTLE_FIELDS.revision} value={revision} />
                <input type="hidden" name={SETTLE_FIELDS.intent} value="keep" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Keep their answer
                </button>
              </Form>
            ) : null}
          </div>
        </div>
      </main>
    </div>
  );
}

/** Where the suggested answer comes from, by how the question's answers are compared. */
const SUGGESTION_WORDS: Record<Loaded["measure"], string> = {
  categorical: "the most common answer",
  ordered: "the middle answer on the scale",
  number: "the middle answer",
  set: "the options at least half of the participants chose",
  text: "the participants' answers",
};

function startsFromText(loaded: Loaded): string {
  if (loaded.isList)
    return "Choose the list the group agrees on. Each list is one participant's answer as they gave it.";
  switch (loaded.startsFrom) {
    case "settled":
      return "This starts from the answer the group settled. Change it if the group now agrees on something else.";
    case "suggested":
      return `This starts from ${SUGGESTION_WORDS[loaded.measure]}. Change it to what the group agrees.`;
    case "blank":
      return "Enter the answer the group agrees on.";
  }
}

function ConflictBanner({ conflict }: { conflict: NonNullable<SettleActionResult["conflict"]> }) {
  return (
    <div
      className="govuk-notification-banner"
      role="region"
      aria-labelledby="conflict-title"
      data-module="govuk-notification-banner"
      data-testid="conflict"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="conflict-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Someone settled this while you were looking</p>
        <p className="govuk-body app-wrap">
          {conflict.by} settled it as <strong>{conflict.answer}</strong> on {conflict.at}.
        </p>
        {conflict.reason ? <p className="govuk-body app-wrap">Their reason: {conflict.reason}</p> : null}
        <p className="govuk-body">Keep their answer, or save yours below instead. Nothing has been changed yet.</p>
      </div>
    </div>
  );
}

function SpreadView({ spread }: { spread: Loaded["spread"] }) {
  if (spread.hidden) {
    return (
      <div className="govuk-inset-text" data-testid="spread-hidden">
        Names are hidden in this workshop, so answers are shown only once at least 3 people have answered. So far{" "}
        {spread.answered === 1 ? "1 person has" : `${spread.answered} people have`} answered.
      </div>
    );
  }
  const detail = spread.detail;
  return (
    <div data-testid="spread">
      {spread.band ? (
        <p className="govuk-body govuk-!-margin-bottom-2">
          <BandTag band={spread.band} />
        </p>
      ) : null}
      <p className="govuk-body app-wrap">{spread.words}</p>
      {detail?.kind === "counts" ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">How many chose each answer</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Answer
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                People
              </th>
              {detail.rows.some((row) => row.who.length > 0) ? (
                <th scope="col" className="govuk-table__header">
                  Who
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {detail.rows.map((row) => (
              <tr className="govuk-table__row" key={row.label}>
                <td className="govuk-table__cell">{row.label}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                {detail.rows.some((other) => other.who.length > 0) ? (
                  <td className="govuk-table__cell app-wrap">{row.who.join(", ")}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {detail?.kind === "numbers" && detail.rows.length > 0 ? (
        <ul className="govuk-list">
          {detail.rows.map((row) => (
            <li key={row.label}>
              {row.label}: {row.value.toLocaleString("en-GB")}
              {detail.suffix ? ` ${detail.suffix}` : ""}
              {row.outlier ? <strong> (far from the others)</strong> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {detail?.kind === "numbers" && detail.rows.length === 0 && detail.outliers > 0 ? (
        <p className="govuk-body">
          {detail.outliers === 1 ? "1 answer is" : `${detail.outliers} answers are`} far from the others.
        </p>
      ) : null}
      {detail?.kind === "texts" && detail.rows.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {detail.rows.map((row, index) => (
            <li key={index} className="app-wrap">
              {row.label ? `${row.label}: ` : ""}
              {row.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** For a list question: whose list becomes the group's, or keep the group's current one. */
function ListChoice({ loaded, defaults, error }: { loaded: Loaded; defaults: FormInput; error?: string }) {
  const id = fieldDomId(SETTLE_FIELDS.choice);
  const chosen = defaults[SETTLE_FIELDS.choice];
  const options = [
    ...(loaded.currentList !== null
      ? [{ value: "current", label: `Keep the group's current list: ${loaded.currentList}` }]
      : []),
    ...loaded.lists,
  ];
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{loaded.question.label}</legend>
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {options.length === 0 ? (
          <p className="govuk-body">
            There is no list to choose yet. Lists are shown once at least 3 people have answered.
          </p>
        ) : (
          <div className="govuk-radios" data-module="govuk-radios">
            {options.map((option, index) => {
              const optionId = index === 0 ? id : `${id}-${index + 1}`;
              return (
                <div className="govuk-radios__item" key={option.value}>
                  <input
                    className="govuk-radios__input"
                    id={optionId}
                    name={SETTLE_FIELDS.choice}
                    type="radio"
                    value={option.value}
                    defaultChecked={chosen === option.value}
                  />
                  <label className="govuk-label govuk-radios__label app-wrap" htmlFor={optionId}>
                    {option.label}
                  </label>
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
    </div>
  );
}
