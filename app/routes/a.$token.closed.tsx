import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findParticipantState } from "../../db/repositories/workshops";
import { requireRespondent } from "../assessment-access.server";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    (data as { removed?: boolean } | undefined)?.removed
      ? "You were removed from this workshop"
      : "This workshop has closed",
};

/**
 * Where a participant's link goes, from any page and any post, once the facilitator has closed
 * the workshop or removed them. Only a participant's link has this page; anyone else gets "Page
 * not found", and a participant whose workshop is open again goes back to their questions.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const respondent = await requireRespondent(params.token);
  if (respondent.role !== "participant") throw notFound();
  const state = await findParticipantState(db, respondent.respondentId);
  if (!state) throw notFound();
  if (state.removedAt === null && state.closedAt === null) throw redirect(assessmentPath(params.token as string));
  return { clientName: state.clientName, removed: state.removedAt !== null };
}

export default function WorkshopClosedPage() {
  const { clientName, removed } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l app-wrap">{clientName} workshop</span>
            {removed ? (
              <>
                <h1 className="govuk-heading-l">You were removed from this workshop</h1>
                <p className="govuk-body">
                  The facilitator removed you from the workshop. Your answers no longer count, and nothing you enter
                  with this link is saved.
                </p>
                <p className="govuk-body">If you think this is a mistake, speak to the facilitator.</p>
              </>
            ) : (
              <>
                <h1 className="govuk-heading-l">This workshop has closed</h1>
                <p className="govuk-body">
                  The facilitator has closed the workshop, so answers can no longer be changed. Your answers are kept as
                  you left them, and the group will work from them.
                </p>
                <p className="govuk-body">
                  If you were part way through a page, what you entered on it was not saved. If you need to change an
                  answer, speak to the facilitator.
                </p>
              </>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
