import type { ReactNode } from "react";
import type { Refusal } from "../load-context";
import { refusalTitle } from "./refusal-title";

/*
 * The pages for requests the production server refuses before the app sees them. They are
 * only ever rendered on the server (app/routes/request-refused.tsx is sent without scripts).
 * NOTE: the layout repeats error-page.tsx's on purpose: importing it from this route would
 * split it into a chunk of its own, which every page would then load, over the size budget.
 */

/** A same-site path to link back to: one leading slash, so it can never name another site. */
function safePath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const clean = `/${path.split(/[?#]/, 1)[0]?.replace(/^[/\\]+/, "") ?? ""}`;
  return clean === "/" ? undefined : clean;
}

function StartLink() {
  return (
    <a className="govuk-link" href="/">
      go to the start page
    </a>
  );
}

function BackTo({ path, children }: { path: string | undefined; children: ReactNode }) {
  const href = safePath(path);
  if (!href) {
    return (
      <p className="govuk-body">
        You can <StartLink />.
      </p>
    );
  }
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={href}>
        {children}
      </a>
      , or <StartLink />.
    </p>
  );
}

/** "30 seconds", "about 4 minutes", "about 2 hours": when to try again, rounded up. */
export function waitInWords(seconds: number): string {
  if (seconds <= 60) return `${Math.max(1, Math.ceil(seconds / 10) * 10)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `about ${hours} hours`;
}

/** What was limited, in the reader's terms. */
function limitedAction(limit: Refusal["limit"]): string {
  switch (limit) {
    case "create":
      return "Too many new assessments have been started from your internet connection in the last hour.";
    case "post":
      return "This assessment has received too many changes in the last minute.";
    case "pdf":
      return "This report has been downloaded too many times in the last 10 minutes.";
    case "sign-up":
      return "Too many accounts have been created from your internet connection in the last hour.";
    default:
      return "Too many pages have been opened from your internet connection in the last minute.";
  }
}

function TooManyRequests({ refusal, path }: { refusal: Refusal | undefined; path: string | undefined }) {
  const wait = waitInWords(refusal?.retryAfterSeconds ?? 60);
  const isPost = refusal?.limit === "post" || refusal?.limit === "create";
  return (
    <>
      <p className="govuk-body">{`${limitedAction(refusal?.limit)} The service limits this to keep it working for everyone.`}</p>
      <p className="govuk-body govuk-!-font-weight-bold">{`Try again in ${wait}.`}</p>
      {refusal?.limit === "sign-up" ? (
        <p className="govuk-body">No account was created. Come back to the sign-up page after that time.</p>
      ) : isPost ? (
        <p className="govuk-body">
          {`Your saved answers are safe. ${refusal?.limit === "post" ? "What you just sent was not saved. " : ""}`}
          Use your browser&apos;s back button to return to the page, check your answers are still there and select the
          button again after that time.
        </p>
      ) : (
        <p className="govuk-body">Nothing has been lost. Your saved answers are safe.</p>
      )}
      <BackTo path={refusal?.limit === "create" ? undefined : path}>Open the page again</BackTo>
    </>
  );
}

/** The report page a PDF's address belongs to: `/a/<key>/report` or `/r/<key>`. */
function reportPageOf(pdfPath: string | undefined): string | undefined {
  const match = /^\/([ar])\/([^/]+)\/report\.pdf$/i.exec(pdfPath ?? "");
  if (!match) return undefined;
  return match[1]?.toLowerCase() === "a" ? `/a/${match[2]}/report` : `/r/${match[2]}`;
}

function PdfBusy({ refusal, path }: { refusal: Refusal | undefined; path: string | undefined }) {
  const report = reportPageOf(path);
  return (
    <>
      <p className="govuk-body">The service is busy making other PDFs, so it could not make yours just now.</p>
      <p className="govuk-body govuk-!-font-weight-bold">{`Try again in ${waitInWords(refusal?.retryAfterSeconds ?? 60)}.`}</p>
      <p className="govuk-body">Nothing has been lost. Your saved answers are safe.</p>
      {report ? (
        <p className="govuk-body">
          You can{" "}
          <a className="govuk-link" href={report}>
            read the report on screen
          </a>{" "}
          now. It has everything the PDF has.
        </p>
      ) : null}
      <BackTo path={path}>Download the PDF again</BackTo>
    </>
  );
}

function RefusalBody({ status, path, refusal }: { status: number; path: string | undefined; refusal?: Refusal }) {
  switch (status) {
    case 429:
      return <TooManyRequests refusal={refusal} path={path} />;
    case 403:
      return (
        <>
          <p className="govuk-body">
            We only accept forms sent from this service&apos;s own pages. This one came from another website, so we did
            not act on it. Nothing was saved or changed.
          </p>
          <p className="govuk-body">
            If you were filling in your assessment, open the page again from your private link and try once more.
          </p>
          <BackTo path={path}>Open the page again</BackTo>
        </>
      );
    case 400:
      return (
        <>
          <p className="govuk-body">Nothing was saved or changed. Try again.</p>
          <BackTo path={path}>Open the page again</BackTo>
        </>
      );
    case 503:
      return <PdfBusy refusal={refusal} path={path} />;
    case 405:
      return (
        <>
          <p className="govuk-body">
            Your browser or program asked for this page in a way the service does not support. Nothing was saved or
            changed.
          </p>
          <BackTo path={path}>Open the page</BackTo>
        </>
      );
    default:
      return (
        <>
          <p className="govuk-body">
            What you sent was larger than the service accepts, so nothing was saved. Even the longest answers to every
            question fit well inside the limit.
          </p>
          <p className="govuk-body">Go back to the page, shorten your longest answers and try again.</p>
          <BackTo path={path}>Go back to the page</BackTo>
        </>
      );
  }
}

/**
 * The page for a refused request: a form from another site, a method the app does not take, a
 * body too large, too many requests (with what was limited and when to try again), or a PDF
 * the server was too busy to make (503).
 */
export function RefusalPage({
  status,
  path,
  refusal,
}: {
  status: Refusal["status"];
  path?: string;
  refusal?: Refusal;
}) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{refusalTitle(status)}</h1>
            <RefusalBody status={status} path={path} refusal={refusal} />
          </div>
        </div>
      </main>
    </div>
  );
}
