import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { createClient } from "../../db/repositories/clients";
import { AccountField, useAccountForm, type AccountFieldDef } from "../accounts/account-form";
import { readAccountForm } from "../accounts/account-form.server";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { requireWorkspacePermission } from "../accounts/workspace.server";
import { clientPath, clientsPath } from "../clients/client-paths";
import { NewClientSchema } from "../clients/client-forms";
import { WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Add a client" };

const FIELDS = [
  {
    name: "clientName",
    label: "Client's name",
    hint: "The organisation you are assessing, such as 'Harbour City Council'. You can use a short name your team knows it by.",
    autoComplete: "organization",
    spellCheck: true,
  },
] as const satisfies readonly AccountFieldDef[];
type ActionResult = { errors: FieldErrors; formErrors: string[]; values: { clientName: string } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, scope } = await requireWorkspacePermission(request, params.workspaceId, "create-clients");
  return { workspaceName: workspace.name, clientsHref: clientsPath(scope.workspaceId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { writeScope } = await requireWorkspacePermission(request, params.workspaceId, "create-clients");
  const form = await readAccountForm(request, ["clientName"]);
  if (!form.ok) {
    return data<ActionResult>(
      { errors: {}, formErrors: [form.message], values: { clientName: "" } },
      { status: form.status },
    );
  }
  const values = form.values;
  const parsed = NewClientSchema.safeParse(values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrorsFrom(parsed.error), formErrors: [], values }, { status: 400 });
  }
  const created = await createClient(db, writeScope, { name: parsed.data.clientName });
  if (!created.ok && created.reason === "not-found") throw notFound();
  if (!created.ok) {
    return data<ActionResult>({ errors: { clientName: created.message }, formErrors: [], values }, { status: 400 });
  }
  return redirect(`${clientPath(writeScope.workspaceId, created.clientId)}?added`, 303);
}

export default function NewClientPage() {
  const { workspaceName, clientsHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useAccountForm({ schema: NewClientSchema, fields: FIELDS, actionData });
  return (
    <WorkspacePage
      backHref={clientsHref}
      backText="Back to clients"
      errors={form.errorLinks}
      messages={actionData?.formErrors}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{workspaceName}</span>
          <h1 className="govuk-heading-l">Add a client</h1>
          <p className="govuk-body">
            Next you can start the client's first assessment, and either answer it here or send the client's executive a
            private link.
          </p>
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <AccountField field={FIELDS[0]} form={form} defaultValue={actionData?.values.clientName} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Add client
            </button>
          </Form>
        </div>
      </div>
    </WorkspacePage>
  );
}
