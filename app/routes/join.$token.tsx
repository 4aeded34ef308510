import { TextInput } from "../components/text-input";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findWorkshopByJoinTokenHash, joinWorkshop } from "../../db/repositories/workshops";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { hashAccessToken, isWellFormedToken, newAccessToken } from "../assessment-access.server";
import { WarningText } from "../components/confirm-action";
import { CopyableLink } from "../components/copyable-link";
import type { PageHandle } from "../components/document-title";
import { ErrorSummary } from "../components/error-summary";
import { db } from "../db.server";
import { readForm } from "../form-data.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";
import { SECTIONS, timeToAnswer } from "../questionnaire/questionnaire";
import { publicOrigin } from "../public-url.server";
import { JoinWorkshopSchema, WORKSHOP_MESSAGES } from "../workshop/workshop-forms";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    (data as { closed?: boolean } | undefined)?.closed ? "This workshop has closed" : "Join the workshop",
};

/**
 * The workshop link. A malformed, unknown or replaced link is "Page not found", the same for
 * each, so the page says nothing about which links exist. Joins are limited per address, as
 * sign-ups are (server/limits.ts).
 */
async function requireTarget(token: string | undefined) {
  if (!isWellFormedToken(token)) throw notFound();
  const target = await findWorkshopByJoinTokenHash(db, hashAccessToken(token));
  if (!target) throw notFound();
  return target;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const target = await requireTarget(params.token);
  const sections = SECTIONS.filter((section) => target.participantSections.includes(section.id));
  return {
    clientName: target.clientName,
    workspaceName: target.workspaceName,
    closed: target.closedAt !== null,
    sectionTitles: sections.map((section) => section.title),
    time: timeToAnswer(sections.map((section) => section.id)),
    namesShown: target.namesShown,
  };
}

type Values = { name: string; role: string };
type ActionResult =
  | { joined: false; closed: boolean; errors: FieldErrors; formErrors: string[]; values: Values }
  | { joined: true; name: string; link: string; startHref: string; pageTitle: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const target = await requireTarget(params.token);
  const empty = { name: "", role: "" };
  const posted = await readForm(request, 16 * 1024);
  if (!posted.ok) {
    return data<ActionResult>(
      { joined: false, closed: false, errors: {}, formErrors: [posted.message], values: empty },
      { status: posted.status },
    );
  }
  const values: Values = { name: posted.fields.get("name")?.[0] ?? "", role: posted.fields.get("role")?.[0] ?? "" };
  if (target.closedAt !== null) {
    return data<ActionResult>({ joined: false, closed: true, errors: {}, formErrors: [], values }, { status: 409 });
  }
  const parsed = JoinWorkshopSchema.safeParse(values);
  if (!parsed.success) {
    return data<ActionResult>(
      { joined: false, closed: false, errors: fieldErrorsFrom(parsed.error), formErrors: [], values },
      { status: 400 },
    );
  }
  const token = newAccessToken();
  const joined = await joinWorkshop(db, {
    assessmentId: target.assessmentId,
    name: parsed.data.name,
    roleLabel: parsed.data.role,
    accessTokenHash: hashAccessToken(token),
    joinedVia: "workshop-link",
  });
  if (!joined.ok) {
    if (joined.reason === "name-taken") {
      return data<ActionResult>(
        { joined: false, closed: false, errors: { name: WORKSHOP_MESSAGES.nameTaken }, formErrors: [], values },
        { status: 400 },
      );
    }
    if (joined.reason === "closed") {
      return data<ActionResult>({ joined: false, closed: true, errors: {}, formErrors: [], values }, { status: 409 });
    }
    throw notFound();
  }
  return data<ActionResult>({
    joined: true,
    name: parsed.data.name,
    link: `${publicOrigin(request)}${assessmentPath(token)}`,
    startHref: assessmentPath(token),
    // The page's title says what the page now shows (components/document-title.tsx).
    pageTitle: "Your own link",
  });
}

export default function JoinPage() {
  const { clientName, workspaceName, closed, sectionTitles, time, namesShown } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.joined)
    return (
      <YourOwnLink
        name={actionData.name}
        link={actionData.link}
        startHref={actionData.startHref}
        clientName={clientName}
      />
    );
  const isClosed = closed || actionData?.closed === true;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const errorLinks = [
    ...(errors.name ? [{ href: "#name", text: errors.name }] : []),
    ...(errors.role ? [{ href: "#role", text: errors.role }] : []),
  ];
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errorLinks} messages={actionData?.formErrors} />
            <span className="govuk-caption-l app-wrap">
              {clientName} workshop, run by {workspaceName}
            </span>
            {isClosed ? (
              <>
                <h1 className="govuk-heading-l">This workshop has closed</h1>
                <p className="govuk-body">
                  The facilitator has closed the workshop, so nobody can join it now. If you think you should still be
                  able to join, speak to the facilitator.
                </p>
              </>
            ) : (
              <>
                <h1 className="govuk-heading-l">Join the workshop</h1>
                <p className="govuk-body">
                  You will answer questions about how ready {clientName} is to engage with people online. Answer as you
                  see things: the facilitator will show the group where people give different answers.
                </p>
                {sectionTitles.length === 1 ? (
                  <p className="govuk-body">You will answer one part of the assessment: {sectionTitles[0]}.</p>
                ) : (
                  <>
                    <p className="govuk-body">You will answer {sectionTitles.length} parts of the assessment:</p>
                    <ul className="govuk-list govuk-list--bullet">
                      {sectionTitles.map((title) => (
                        <li key={title}>{title}</li>
                      ))}
                    </ul>
                  </>
                )}
                <p className="govuk-body">
                  It takes {time}, and you can stop and come back.{" "}
                  {namesShown
                    ? "The facilitator sees your name beside your answers."
                    : "The facilitator sees that you have taken part, but not which answers are yours."}
                </p>
                <Form method="post" noValidate>
                  <TextInput
                    id="name"
                    label="Your name"
                    hint={"As the group knows you, such as 'Aroha Ngata'."}
                    error={errors.name}
                    defaultValue={values?.name}
                    autoComplete="name"
                    spellCheck={false}
                  />
                  <TextInput
                    id="role"
                    label="Your role (optional)"
                    hint={"Such as 'Communications lead' or 'Councillor'."}
                    error={errors.role}
                    defaultValue={values?.role}
                    autoComplete="organization-title"
                  />
                  <button type="submit" className="govuk-button" data-module="govuk-button">
                    Join
                  </button>
                </Form>
              </>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}

/** The participant's own link, shown once, as the private-link page shows an owner's. */
function YourOwnLink({
  name,
  link,
  startHref,
  clientName,
}: {
  name: string;
  link: string;
  startHref: string;
  clientName: string;
}) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l app-wrap">
              {clientName} workshop: you have joined as {name}
            </span>
            <h1 className="govuk-heading-l">Your own link</h1>
            <p className="govuk-body">
              This link takes you to your own questions, with every answer you have saved. Use it to come back later, on
              this or any other device, until the workshop closes.
            </p>
            <CopyableLink link={link} label="Your own link:" />
            <WarningText>
              Copy this link now. It will not be shown again. Anyone who has it can see and change your answers, so keep
              it to yourself.
            </WarningText>
            <p className="govuk-body">To keep it, you could bookmark the next page, or email the link to yourself.</p>
            <Link to={startHref} className="govuk-button" data-module="govuk-button" role="button" draggable="false">
              Start answering
            </Link>
          </div>
        </div>
      </main>
    </div>
  );
}
