import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOwner } from "../assessment-access.server";
import { BackLink } from "../components/back-link";
import type { PageHandle } from "../components/document-title";
import { notFound, privatePageHeaders } from "../http";
import { replaceEditLinkFor } from "../links/report-links.server";
import { privateLinkPath } from "../paths";
import { renderPdfsAhead } from "../pdf/pdf-files.server";
import { ConfirmAction, WarningText } from "../components/confirm-action";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Replace your private link" };

export async function loader({ params }: LoaderFunctionArgs) {
  const owner = await requireOwner(params.token);
  return { organisationName: owner.organisationName, backHref: privateLinkPath(params.token as string) };
}

/**
 * Replaces the private link. The form carries nothing: posting to this address is the
 * confirmation, and the body is never read. The old link opens nothing once this returns.
 */
export async function action({ params }: ActionFunctionArgs) {
  const owner = await requireOwner(params.token);
  const newToken = await replaceEditLinkFor(owner, params.token as string);
  // Replaced a moment ago by another tab: this link is already dead, like any unknown link.
  if (!newToken) throw notFound();
  // Render-ahead waiting with the old link could no longer open the read-only links: start again
  // with the new one.
  renderPdfsAhead(owner.assessmentId, newToken);
  return redirect(`${privateLinkPath(newToken)}?replaced`);
}

export default function ReplaceLinkPage() {
  const { organisationName, backHref } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <BackLink to={backHref} />
      <main className="govuk-main-wrapper app-main app-main--with-back-link" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {organisationName ? <span className="govuk-caption-l app-wrap">{organisationName}</span> : null}
            <h1 className="govuk-heading-l">Replace your private link</h1>
            <p className="govuk-body">
              You will get a new private link to your assessment. Your answers, your report and any read-only links you
              have shared stay as they are.
            </p>
            <WarningText>
              Your current link will stop working at once, for everyone who has it. This includes bookmarks and links
              you have emailed. Save the new link when you see it: we cannot send it to you.
            </WarningText>
            <ConfirmAction label="Replace my private link" cancelHref={backHref} />
          </div>
        </div>
      </main>
    </div>
  );
}
