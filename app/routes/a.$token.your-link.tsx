import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { lastEditLinkReplacement } from "../../db/repositories/links";
import { requireNotParticipant } from "../workshop/participant-access.server";
import { CopyableLink } from "../components/copyable-link";
import type { PageHandle } from "../components/document-title";
import { formatDate } from "../components/report/report-parts";
import { db } from "../db.server";
import { privatePageHeaders } from "../http";
import { assessmentPath, replaceLinkPath, shareReportPath } from "../paths";
import { publicOrigin } from "../public-url.server";
import { WarningText } from "../components/confirm-action";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) =>
    (data as { justReplaced?: boolean } | undefined)?.justReplaced
      ? "Your private link has been replaced"
      : "Save your private link",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const respondent = await requireNotParticipant(params.token);
  const token = params.token as string;
  const search = new URL(request.url).searchParams;
  const isOwner = respondent.role === "owner";
  return {
    link: `${publicOrigin(request)}${assessmentPath(token)}`,
    taskListPath: assessmentPath(token),
    justStarted: search.has("started"),
    justReplaced: search.has("replaced"),
    owner: isOwner
      ? {
          replaceHref: replaceLinkPath(token),
          shareHref: shareReportPath(token),
          lastReplacedOn: await lastEditLinkReplacement(db, respondent.assessmentId),
        }
      : null,
  };
}

export default function PrivateLinkPage() {
  const { link, taskListPath, justStarted, justReplaced, owner } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {justReplaced ? (
              <>
                <div className="govuk-panel govuk-panel--confirmation">
                  <h1 className="govuk-panel__title">Your private link has been replaced</h1>
                  <div className="govuk-panel__body">Your old link no longer works</div>
                </div>
                <h2 className="govuk-heading-m">Save your new private link</h2>
              </>
            ) : (
              <>
                {justStarted ? <span className="govuk-caption-l">Your assessment has started</span> : null}
                <h1 className="govuk-heading-l">Save your private link</h1>
              </>
            )}
            <p className="govuk-body">
              This link takes you back to your assessment, with every answer you have saved. Use it to carry on later,
              on this or any other device.
            </p>
            <CopyableLink link={link} label={justReplaced ? "Your new private link:" : "Your private link:"} />
            <WarningText>
              Keep this link safe. Anyone who has it can see and change your answers. We cannot send it to you again,
              because we do not ask for your email address.
            </WarningText>
            <p className="govuk-body">To keep it, you could:</p>
            <ul className="govuk-list govuk-list--bullet">
              <li>bookmark this page</li>
              <li>copy the link into an email to yourself or a colleague who is helping</li>
              <li>save it in your organisation&apos;s document system</li>
            </ul>
            <Link to={taskListPath} className="govuk-button" data-module="govuk-button" role="button" draggable="false">
              Continue to your assessment
            </Link>
            {owner ? (
              <>
                <h2 className="govuk-heading-m">Sharing your report</h2>
                <p className="govuk-body">
                  Do not give this link to people who only need to read your report. Give them a{" "}
                  <Link className="govuk-link" to={owner.shareHref}>
                    read-only link to your report
                  </Link>{" "}
                  instead.
                </p>
                <h2 className="govuk-heading-m">If someone has this link who should not</h2>
                <p className="govuk-body">
                  You can replace it with a new link. The old link then stops working at once, for everyone.
                  {owner.lastReplacedOn ? (
                    <> You last replaced your link on {formatDate(owner.lastReplacedOn)}.</>
                  ) : null}
                </p>
                <p className="govuk-body">
                  <Link className="govuk-link" to={owner.replaceHref}>
                    Replace your private link
                  </Link>
                </p>
              </>
            ) : null}
          </div>
        </div>
      </main>
    </div>
  );
}
