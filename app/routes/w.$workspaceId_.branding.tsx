import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { findBrandingForMember } from "../../db/repositories/branding";
import { AccountPage } from "../accounts/account-page";
import { requireWorkspace } from "../accounts/workspace.server";
import { MIN_CONTRAST_WITH_WHITE, normaliseHexColour } from "../branding/accent-colour";
import { handleBrandingPost } from "../branding/branding-action.server";
import { BRANDING_FIELDS, SAVED_MESSAGES, type SavedKind } from "../branding/branding-form";
import { logoSrc } from "../branding/page-branding";
import type { PageHandle } from "../components/document-title";
import type { ErrorLink } from "../components/error-summary";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { brandingPath, workspaceLogoPath } from "../branding/branding-paths";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Branding" };

/** The workspace's owners only: anyone else gets the ordinary "Page not found". */
async function requireOwner(request: Request, workspaceId: string | undefined) {
  const { user, workspace } = await requireWorkspace(request, workspaceId);
  if (workspace.role !== "owner") throw notFound();
  return { userId: user.userId, workspaceId: workspace.workspaceId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireOwner(request, params.workspaceId);
  const branding = await findBrandingForMember(db, scope);
  if (!branding) throw notFound();
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    workspaceId: scope.workspaceId,
    name: branding.name,
    accentColour: branding.accentColour,
    logo: branding.logo
      ? {
          src: logoSrc(workspaceLogoPath(scope.workspaceId), branding.logo.sha256),
          width: branding.logo.width,
          height: branding.logo.height,
        }
      : null,
    saved: saved && saved in SAVED_MESSAGES ? SAVED_MESSAGES[saved as SavedKind] : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireOwner(request, params.workspaceId);
  const result = await handleBrandingPost(request, scope);
  if (result.ok) {
    return redirect(`${brandingPath(scope.workspaceId)}?saved=${result.saved}`, {
      headers: { "Cache-Control": "no-store" },
    });
  }
  if (result.status === 404) throw notFound();
  return Response.json(
    { errors: result.errors, formErrors: result.formErrors, values: result.values },
    { status: result.status, headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = {
  errors: Record<string, string>;
  formErrors: string[];
  values: { name?: string; accentColour?: string };
};

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="govuk-error-message" id={`${id}-error`}>
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

export default function BrandingPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const errors = actionData?.errors ?? {};
  const typedColour = actionData?.values.accentColour ?? data.accentColour ?? "";
  const errorLinks: ErrorLink[] = [BRANDING_FIELDS.name, BRANDING_FIELDS.logo, BRANDING_FIELDS.accentColour].flatMap(
    (field) => (errors[field] ? [{ href: `#${field}`, text: errors[field] as string }] : []),
  );
  const describedBy = (field: string, hint: boolean) =>
    [hint ? `${field}-hint` : "", errors[field] ? `${field}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <AccountPage errors={errorLinks} messages={actionData?.formErrors}>
      {data.saved && !actionData ? <SuccessBanner id="branding-saved">{data.saved}</SuccessBanner> : null}
      <span className="govuk-caption-l app-wrap">{data.name}</span>
      <h1 className="govuk-heading-l">Branding</h1>
      <p className="govuk-body">
        Your clients&apos; reports show your workspace name, logo and accent colour: on the report page, on the cover
        and at the top of every page of the PDF, and on the first page of the Word document. Reports of assessments that
        are not your clients&apos; keep the service&apos;s own look.
      </p>

      <h2 className="govuk-heading-m">Name</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="name" />
        <div className={`govuk-form-group${errors.name ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="name">
            Workspace name
          </label>
          <div className="govuk-hint" id="name-hint">
            Reports say &quot;Prepared by&quot; this name. Usually your consultancy&apos;s name.
          </div>
          <FieldError id="name" message={errors.name} />
          <input
            className={`govuk-input govuk-input--width-30${errors.name ? " govuk-input--error" : ""}`}
            id="name"
            name="name"
            type="text"
            autoComplete="organization"
            spellCheck={false}
            defaultValue={actionData?.values.name ?? data.name}
            aria-describedby={describedBy("name", true)}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Save name
        </button>
      </Form>

      <h2 className="govuk-heading-m">Logo</h2>
      {data.logo ? (
        <>
          <p className="govuk-body">Your logo as reports show it:</p>
          <p className="govuk-body">
            <img
              className="app-branding__logo"
              src={data.logo.src}
              alt={`${data.name} logo`}
              width={data.logo.width}
              height={data.logo.height}
            />
          </p>
        </>
      ) : (
        <p className="govuk-body">You have no logo yet.</p>
      )}
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="logo" />
        <div className={`govuk-form-group${errors.logo ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="logo">
            {data.logo ? "Upload a new logo" : "Upload a logo"}
          </label>
          <div className="govuk-hint" id="logo-hint">
            A PNG or JPEG image, 1 MB or smaller. A wide logo on a white or clear background works best. We make a copy
            at most 600 by 240 pixels and use only that.
          </div>
          <FieldError id="logo" message={errors.logo} />
          <input
            className={`govuk-file-upload${errors.logo ? " govuk-file-upload--error" : ""}`}
            id="logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby={describedBy("logo", true)}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Upload logo
        </button>
      </Form>
      {data.logo ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remove-logo" />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Remove logo
          </button>
        </Form>
      ) : null}

      <h2 className="govuk-heading-m">Accent colour</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="colour" />
        <div className={`govuk-form-group${errors.accentColour ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="accentColour">
            Accent colour (optional)
          </label>
          <div className="govuk-hint" id="accentColour-hint">
            A colour code: # followed by 6 numbers or letters, like #1d70b8. Reports use it for a band at the top. It
            must be dark enough for white text on it to be read: a contrast of at least {MIN_CONTRAST_WITH_WHITE} to 1
            with white. Leave it empty to use the service&apos;s own colours.
          </div>
          <FieldError id="accentColour" message={errors.accentColour} />
          <ColourInput
            key={typedColour}
            initial={typedColour}
            invalid={Boolean(errors.accentColour)}
            describedBy={describedBy("accentColour", true)}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Save colour
        </button>
      </Form>

      <p className="govuk-body">
        <Link className="govuk-link" to={`/w/${data.workspaceId}`}>
          Back to the workspace
        </Link>
      </p>
    </AccountPage>
  );
}

/** The colour code, with a swatch of it beside it (updated as it is typed, with JavaScript). */
function ColourInput({ initial, invalid, describedBy }: { initial: string; invalid: boolean; describedBy?: string }) {
  const [colour, setColour] = useState(initial);
  const swatch = normaliseHexColour(colour);
  return (
    <>
      <input
        className={`govuk-input govuk-input--width-10${invalid ? " govuk-input--error" : ""}`}
        id="accentColour"
        name="accentColour"
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        value={colour}
        onChange={(event) => setColour(event.target.value)}
        aria-describedby={describedBy}
      />
      {swatch ? (
        <svg className="app-branding-swatch" width="40" height="40" role="img" aria-label={`Preview of ${swatch}`}>
          <rect width="40" height="40" fill={swatch} />
        </svg>
      ) : null}
    </>
  );
}
