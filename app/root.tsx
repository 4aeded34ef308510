import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import fontBold from "@fontsource/public-sans/700.css?url";
import fontRegular from "@fontsource/public-sans/400.css?url";
import { DocumentTitle, ErrorTitleProvider } from "./components/document-title";
import { AppFooter } from "./components/app-footer";
import { AppHeader } from "./components/app-header";
import { listenForLinkButtons } from "./components/link-buttons";
import { useNonce } from "./nonce";
import stylesheet from "./styles/app.scss?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: fontRegular },
  { rel: "stylesheet", href: fontBold },
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { name: "description", content: "Find out if your organisation is ready for online engagement, and get a plan." },
];

// GOV.UK Frontend's styles reveal JavaScript-only behaviour under this class. It is set before
// the page paints, so follow-up questions never flash open and closed.
listenForLinkButtons();

const ENABLE_JS_STYLES = "document.body.className += ' js-enabled govuk-frontend-supported';";

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <ErrorTitleProvider>
      <html lang="en-GB" className="govuk-template">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content="#0b4f5c" />
          <DocumentTitle />
          <Meta />
          <Links />
        </head>
        {/* NOTE: the inline script adds classes to body before hydration; React must not mind. */}
        <body className="govuk-template__body" suppressHydrationWarning>
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ENABLE_JS_STYLES }} />
          {/* NOTE: every <main> has tabindex="-1", so following this link focuses it, with or without
              JavaScript: browsers focus a link's target when it can take focus. */}
          <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
            Skip to main content
          </a>
          <AppHeader />
          <div className="app-page">{children}</div>
          <AppFooter />
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
        </body>
      </html>
    </ErrorTitleProvider>
  );
}

/**
 * After a client-side navigation, move focus as a full page load would: to the error summary
 * when there are errors, otherwise to the main heading, so screen readers announce the new page.
 */
function useFocusOnNavigation() {
  const location = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (location.hash) return;
    const target =
      document.querySelector<HTMLElement>("[data-error-summary]") ?? document.querySelector<HTMLElement>("main h1");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }, [location.key, location.hash]);
}

/**
 * Marks the page once React has taken it over, so scripted checks (the end-to-end tests) can
 * wait for it instead of guessing: a key pressed before that is handled by the plain HTML form.
 */
function useHydratedMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
}

export default function App() {
  useFocusOnNavigation();
  useHydratedMarker();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {notFound ? (
              <>
                <h1 className="govuk-heading-l">Page not found</h1>
                <p className="govuk-body">If you typed the web address, check it is correct.</p>
                <p className="govuk-body">
                  If you pasted your private link, check you copied all of it. Private links are long, and email
                  programs sometimes split them over two lines.
                </p>
                <p className="govuk-body">
                  If you have lost your link, we cannot find your assessment for you, because we do not ask for your
                  name or email address. You can{" "}
                  <a className="govuk-link" href="/">
                    start a new assessment
                  </a>
                  .
                </p>
              </>
            ) : (
              <>
                <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
                <p className="govuk-body">Try again later.</p>
                <p className="govuk-body">
                  Your saved answers are safe. Anything you entered on this page may not have been saved, so check it
                  when you come back.
                </p>
              </>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
