import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { RespondentContext } from "../../db/repositories/assessments";
import { findReportLink, revokeReportLink } from "../../db/repositories/links";
import { requireOwner } from "../assessment-access.server";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { formatDate } from "../components/report/report-parts";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { isWellFormedLinkId } from "../links/report-links.server";
import { shareReportPath } from "../paths";
import { renderPdfsAhead } from "../pdf/pdf-files.server";
import { ConfirmAction } from "../components/confirm-action";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Revoke this read-only link" };

/** One of this assessment's working links, or a 404 for any other id (another's, revoked, made up). */
async function requireLink(owner: RespondentContext, linkId: string | undefined) {
  if (!isWellFormedLinkId(linkId)) throw notFound();
  const link = await findReportLink(db, { assessmentId: owner.assessmentId, linkId });
  if (!link || link.revokedAt) throw notFound();
  return link;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const owner = await requireOwner(params.token);
  const link = await requireLink(owner, params.linkId);
  return {
    label: link.label,
    createdAt: link.createdAt,
    lastUsedAt: link.lastUsedAt,
    shareHref: shareReportPath(params.token as string),
  };
}

/** Revokes the link. Posting to this address is the confirmation; the body is never read. */
export async function action({ params }: ActionFunctionArgs) {
  const owner = await requireOwner(params.token);
  const link = await requireLink(owner, params.linkId);
  // Revoked a moment ago in another tab: the link is gone either way.
  await revokeReportLink(db, { assessmentId: owner.assessmentId, linkId: link.id });
  // The owner's PDF may have named this link; its own PDF must go.
  renderPdfsAhead(owner.assessmentId, params.token as string);
  return redirect(`${shareReportPath(params.token as string)}?revoked=${link.id}`);
}

export default function RevokeReportLinkPage() {
  const { label, createdAt, lastUsedAt, shareHref } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <BackLink to={shareHref} />
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l app-wrap">
              {label ? `Revoke the read-only link "${label}"` : "Revoke this read-only link"}
            </h1>
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Created</dt>
                <dd className="govuk-summary-list__value">{formatDate(createdAt)}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Last used</dt>
                <dd className="govuk-summary-list__value">{lastUsedAt ? formatDate(lastUsedAt) : "Not used yet"}</dd>
              </div>
            </dl>
            <p className="govuk-body">
              Anyone who opens the link will see &quot;Page not found&quot; instead of your report. PDFs that already
              give this link as their accessible version keep the address, but it will no longer open the report.
            </p>
            <p className="govuk-body">You cannot undo this. To share the report again, create a new link.</p>
            <ConfirmAction label="Revoke link" cancelHref={shareHref} />
          </div>
        </div>
      </main>
    </div>
  );
}
