import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOwner } from "../assessment-access.server";
import { CopyableLink } from "../components/copyable-link";
import type { PageHandle } from "../components/document-title";
import { privatePageHeaders } from "../http";
import { isWellFormedLinkId, newlyCreatedReportLink, reportLinkUrl } from "../links/report-links.server";
import { assessmentPath, shareReportPath } from "../paths";
import { WarningText } from "../components/confirm-action";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Read-only link created" };

/**
 * Shows a link just created, with its address, for a few minutes (so a reload does not lose it).
 * After that, or for a revoked link, this address leads back to the list of links, which never
 * shows addresses.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const owner = await requireOwner(params.token);
  const token = params.token as string;
  const created = isWellFormedLinkId(params.linkId)
    ? await newlyCreatedReportLink(owner, token, params.linkId)
    : undefined;
  if (!created) throw redirect(shareReportPath(token));
  return {
    label: created.link.label,
    link: reportLinkUrl(request, created.token),
    shareHref: shareReportPath(token),
    taskListHref: assessmentPath(token),
  };
}

export default function ReportLinkCreatedPage() {
  const { label, link, shareHref, taskListHref } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <div className="govuk-panel govuk-panel--confirmation">
              <h1 className="govuk-panel__title">Read-only link created</h1>
              {label ? <div className="govuk-panel__body app-wrap">{label}</div> : null}
            </div>
            <CopyableLink link={link} label="Your read-only link:" />
            <WarningText>Copy the link now. We show it only on this page, for 10 minutes.</WarningText>
            <p className="govuk-body">
              Anyone who has this link can read your report and download its PDF until you revoke the link. They cannot
              see the questions or change any answers.
            </p>
            <p className="govuk-body">The PDF of your report now gives this link as its accessible web version.</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={shareHref}>
                See all your read-only links
              </Link>
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to={taskListHref}>
                Return to your assessment
              </Link>
            </p>
          </div>
        </div>
      </main>
    </div>
  );
}
