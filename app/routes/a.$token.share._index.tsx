import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findReportLink, listReportLinks } from "../../db/repositories/links";
import { requireOwner } from "../assessment-access.server";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { ErrorSummary } from "../components/error-summary";
import { formatDate } from "../components/report/report-parts";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { readReportLinkForm } from "../links/report-link-form.server";
import { isReportReady } from "../links/report-links-page.server";
import { createReportLinkFor, isWellFormedLinkId } from "../links/report-links.server";
import { assessmentPath, revokeReportLinkPath, shareReportPath } from "../paths";
import { renderPdfsAhead } from "../pdf/pdf-files.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Share your report" };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const owner = await requireOwner(params.token);
  const token = params.token as string;
  const [links, ready] = await Promise.all([listReportLinks(db, owner.assessmentId), isReportReady(owner)]);
  // After revoking, the page names the link it revoked; only this assessment's links are found.
  const revokedId = new URL(request.url).searchParams.get("revoked") ?? undefined;
  const revoked = isWellFormedLinkId(revokedId)
    ? await findReportLink(db, { assessmentId: owner.assessmentId, linkId: revokedId })
    : undefined;
  return {
    organisationName: owner.organisationName,
    taskListHref: assessmentPath(token),
    ready,
    revoked: revoked?.revokedAt ? { label: revoked.label } : null,
    links: links.map((link) => ({
      id: link.id,
      label: link.label,
      createdAt: link.createdAt,
      lastUsedAt: link.lastUsedAt,
      revokeHref: revokeReportLinkPath(token, link.id),
    })),
  };
}

type ActionResult = { errors: { label?: string }; formErrors: string[]; values: { label: string } };

export async function action({ params, request }: ActionFunctionArgs) {
  const owner = await requireOwner(params.token);
  const token = params.token as string;
  if (!(await isReportReady(owner))) {
    return data<ActionResult>(
      {
        errors: {},
        formErrors: ["You can share your report once every section is complete"],
        values: { label: "" },
      },
      { status: 400 },
    );
  }
  const form = await readReportLinkForm(request);
  if (!form.ok) {
    return data<ActionResult>(
      form.status === 400
        ? { errors: { label: form.error }, formErrors: [], values: { label: form.value } }
        : { errors: {}, formErrors: [form.error], values: { label: "" } },
      { status: form.status },
    );
  }
  const linkId = await createReportLinkFor(owner, token, form.label);
  // The owner's PDF now names this link, and the link has a PDF of its own.
  if (owner.submittedAt) renderPdfsAhead(owner.assessmentId, token);
  return redirect(`${shareReportPath(token)}/${linkId}`);
}

export default function ShareReportPage() {
  const { organisationName, taskListHref, ready, revoked, links } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const labelError = actionData?.errors.label;
  return (
    <div className="govuk-width-container">
      <BackLink to={taskListHref}>Back to your assessment</BackLink>
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary
              errors={labelError ? [{ href: "#label", text: labelError }] : []}
              messages={actionData?.formErrors}
            />
            {revoked ? (
              <SuccessBanner id="revoked-banner-title" detail="It no longer opens your report.">
                {revoked.label ? `You revoked the link "${revoked.label}"` : "You revoked the link"}
              </SuccessBanner>
            ) : null}
            {organisationName ? <span className="govuk-caption-l app-wrap">{organisationName}</span> : null}
            <h1 className="govuk-heading-l">Share your report</h1>
            <p className="govuk-body">
              Give people a read-only link to your report. With it they can read the report and download its PDF. They
              cannot see the questions or change any answers, and they never see your private link.
            </p>
            <p className="govuk-body">
              Make a separate link for each group you share with, such as your board or a partner. You can revoke a link
              at any time, and it stops working at once.
            </p>
            <p className="govuk-body">
              The PDF of your report gives your newest read-only link as the address of its accessible web version. With
              no read-only links, the PDF gives no address and tells readers to ask you for one.
            </p>

            <h2 className="govuk-heading-m">Your read-only links</h2>
            {links.length === 0 ? (
              <p className="govuk-body">You have no read-only links.</p>
            ) : (
              <dl className="govuk-summary-list">
                {links.map((link) => (
                  <div className="govuk-summary-list__row" key={link.id}>
                    <dt className="govuk-summary-list__key app-wrap">{link.label ?? "Link with no name"}</dt>
                    <dd className="govuk-summary-list__value">
                      Created {formatDate(link.createdAt)}
                      <br />
                      {link.lastUsedAt ? `Last used ${formatDate(link.lastUsedAt)}` : "Not used yet"}
                    </dd>
                    <dd className="govuk-summary-list__actions">
                      <Link className="govuk-link" to={link.revokeHref}>
                        Revoke<span className="govuk-visually-hidden"> {link.label ?? "link with no name"}</span>
                      </Link>
                    </dd>
                  </div>
                ))}
              </dl>
            )}

            <h2 className="govuk-heading-m">Create a read-only link</h2>
            {ready ? (
              <Form method="post" noValidate>
                <div className={`govuk-form-group${labelError ? " govuk-form-group--error" : ""}`}>
                  <label className="govuk-label" htmlFor="label">
                    Name for the link (optional)
                  </label>
                  <div className="govuk-hint" id="label-hint">
                    So you can tell your links apart, for example &quot;Board papers, March&quot;. Only you see it.
                  </div>
                  {labelError ? (
                    <p className="govuk-error-message" id="label-error">
                      <span className="govuk-visually-hidden">Error:</span> {labelError}
                    </p>
                  ) : null}
                  <input
                    className={`govuk-input${labelError ? " govuk-input--error" : ""}`}
                    id="label"
                    name="label"
                    type="text"
                    autoComplete="off"
                    spellCheck
                    defaultValue={actionData?.values.label ?? ""}
                    aria-describedby={labelError ? "label-hint label-error" : "label-hint"}
                  />
                </div>
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Create read-only link
                </button>
              </Form>
            ) : (
              <p className="govuk-body">
                You can create a read-only link once every section of your assessment is complete.{" "}
                <Link className="govuk-link" to={taskListHref}>
                  Return to your assessment
                </Link>
                .
              </p>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
