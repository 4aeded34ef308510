import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { updateWorkshopSettings } from "../../db/repositories/workshops";
import type { FieldErrors } from "../accounts/account-forms";
import { WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { SECTIONS } from "../questionnaire/questionnaire";
import { participantsPath } from "../workshop/paths";
import { requireWorkshop } from "../workshop/workshop.server";
import { readWorkshopSettings } from "../workshop/workshop-settings.server";
import {
  workshopSettingsErrorLinks,
  WorkshopSettingsFields,
  type WorkshopSettingsValues,
} from "../workshop/workshop-settings-fields";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Change the workshop's settings" };

type ActionResult = { errors: FieldErrors; formErrors: string[]; values: WorkshopSettingsValues };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop, scope } = await requireWorkshop(request, params);
  return {
    clientName: workshop.clientName,
    backHref: participantsPath(scope.workspaceId, workshop.assessmentId),
    sections: SECTIONS.map((section) => ({ id: section.id, title: section.title, hint: section.hint })),
    current: {
      sections: workshop.participantSections,
      names: workshop.namesShown ? "shown" : "hidden",
    } satisfies WorkshopSettingsValues,
  };
}

/**
 * Saves the sections participants answer and whether names show. Participants' answers are kept
 * whatever changes: a section taken away stops counting in the view and in settling, and counts
 * again if it is given back.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop, writeScope } = await requireWorkshop(request, params);
  const read = await readWorkshopSettings(request);
  if (!read.ok) return data<ActionResult>(read.body, { status: read.status });
  const saved = await updateWorkshopSettings(db, writeScope, workshop.assessmentId, read.settings);
  if (!saved) throw notFound();
  return redirect(`${participantsPath(writeScope.workspaceId, workshop.assessmentId)}?changed`, 303);
}

export default function WorkshopSettingsPage() {
  const { clientName, backHref, sections, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? current;
  const errors = actionData?.errors ?? {};
  const errorLinks = workshopSettingsErrorLinks(errors, sections);
  return (
    <WorkspacePage
      backHref={backHref}
      backText="Back to the participants"
      errors={errorLinks}
      messages={actionData?.formErrors}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{clientName} workshop</span>
          <h1 className="govuk-heading-l">Change the workshop&apos;s settings</h1>
          <p className="govuk-body">
            Answers already given are kept. If you take a section away, its answers stop counting in your view and in
            settling; they count again if you give it back.
          </p>
          <Form method="post" noValidate>
            <WorkshopSettingsFields sections={sections} values={values} errors={errors} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Save the settings
              </button>
              <Link className="govuk-link" to={backHref}>
                Cancel
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </WorkspacePage>
  );
}
