import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { requireRespondent } from "../assessment-access.server";
import type { PageHandle } from "../components/document-title";
import { useHydrated } from "../components/use-hydrated";
import { privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";
import { publicOrigin } from "../public-url.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Save your private link" };

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireRespondent(params.token);
  const token = params.token as string;
  return {
    link: `${publicOrigin(request)}${assessmentPath(token)}`,
    taskListPath: assessmentPath(token),
    justStarted: new URL(request.url).searchParams.has("started"),
  };
}

export default function PrivateLinkPage() {
  const { link, taskListPath, justStarted } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {justStarted ? <span className="govuk-caption-l">Your assessment has started</span> : null}
            <h1 className="govuk-heading-l">Save your private link</h1>
            <p className="govuk-body">
              This link takes you back to your assessment, with every answer you have saved. Use it to carry on later,
              on this or any other device.
            </p>
            <p className="govuk-body">Your private link:</p>
            <code className="app-private-link">{link}</code>
            {hydrated ? (
              <>
                <button type="button" className="govuk-button govuk-button--secondary app-copy-button" onClick={copy}>
                  Copy link
                </button>
                <p className="govuk-body govuk-!-font-weight-bold" role="status">
                  {copied ? "Link copied. Paste it somewhere safe." : ""}
                </p>
              </>
            ) : null}
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Keep this link safe. Anyone who has it can see and change your answers. We cannot send it to you again,
                because we do not ask for your email address.
              </strong>
            </div>
            <p className="govuk-body">To keep it, you could:</p>
            <ul className="govuk-list govuk-list--bullet">
              <li>bookmark this page</li>
              <li>copy the link into an email to yourself or a colleague who is helping</li>
              <li>save it in your organisation&apos;s document system</li>
            </ul>
            <Link to={taskListPath} className="govuk-button" data-module="govuk-button" role="button" draggable="false">
              Continue to your assessment
            </Link>
          </div>
        </div>
      </main>
    </div>
  );
}
