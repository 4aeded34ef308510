import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findWorkspaceAssessment } from "../../db/repositories/clients";
import { startWorkshop } from "../../db/repositories/workshops";
import type { FieldErrors } from "../accounts/account-forms";
import { clientPath } from "../clients/client-paths";
import { WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { SECTIONS } from "../questionnaire/questionnaire";
import { longDate } from "../report/report-wording";
import { participantsPath } from "../workshop/paths";
import { requireWorkshopRunner } from "../workshop/workshop.server";
import { readWorkshopSettings } from "../workshop/workshop-settings.server";
import { defaultParticipantSections } from "../workshop/workshop-forms";
import { workshopSettingsErrorLinks, WorkshopSettingsFields } from "../workshop/workshop-settings-fields";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Run this assessment as a workshop" };

type Values = { sections: string[]; names: string };
type ActionResult = { errors: FieldErrors; formErrors: string[]; values: Values };

/** The member who may run workshops, the assessment (not finished) and its client; or "Page not found". */
async function requireStartable(request: Request, params: LoaderFunctionArgs["params"]) {
  const access = await requireWorkshopRunner(request, params);
  // Already a workshop: its participants page is where the facilitator wants to be.
  if (access.workshop) throw redirect(participantsPath(access.scope.workspaceId, access.workshop.assessmentId), 303);
  const assessment = await findWorkspaceAssessment(db, access.scope, access.assessment.assessmentId);
  if (!assessment) throw notFound();
  // A finished assessment is not answered again: the next one can be run as a workshop.
  if (assessment.progress.kind === "finished") throw notFound();
  return { ...access, summary: assessment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { summary, scope } = await requireStartable(request, params);
  return {
    clientName: summary.clientName,
    startedOn: longDate(summary.createdAt),
    clientHref: clientPath(scope.workspaceId, summary.clientId),
    sections: SECTIONS.map((section) => ({ id: section.id, title: section.title, hint: section.hint })),
    defaults: { sections: defaultParticipantSections(SECTIONS), names: "" } satisfies Values,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { summary, writeScope } = await requireStartable(request, params);
  const read = await readWorkshopSettings(request);
  if (!read.ok) return data<ActionResult>(read.body, { status: read.status });
  const started = await startWorkshop(db, writeScope, summary.id, read.settings);
  if (!started.ok && started.reason === "not-found") throw notFound();
  return redirect(`${participantsPath(writeScope.workspaceId, summary.id)}?started`, 303);
}

export default function StartWorkshopPage() {
  const { clientName, startedOn, clientHref, sections, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? defaults;
  const errors = actionData?.errors ?? {};
  const errorLinks = workshopSettingsErrorLinks(errors, sections);
  return (
    <WorkspacePage
      backHref={clientHref}
      backText={`Back to ${clientName}`}
      errors={errorLinks}
      messages={actionData?.formErrors}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{clientName}</span>
          <h1 className="govuk-heading-l">Run this assessment as a workshop</h1>
          <p className="govuk-body">
            For the assessment started on {startedOn}. Several people from {clientName} answer the questions, each on
            their own phone or laptop. You then see where they agree and where they differ, and the group settles on one
            answer for each question.
          </p>
          <p className="govuk-body">
            Next you can invite people by name, or turn on a workshop link that anyone in the room can use to join.
          </p>
          <Form method="post" noValidate>
            <WorkshopSettingsFields sections={sections} values={values} errors={errors} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Start the workshop
              </button>
              <Link className="govuk-link" to={clientHref}>
                Cancel
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </WorkspacePage>
  );
}
