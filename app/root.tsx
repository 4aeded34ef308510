import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import fontBold from "@fontsource/public-sans/700.css?url";
import fontRegular from "@fontsource/public-sans/400.css?url";
import { headerAccount } from "./accounts/header-account.server";
import { DocumentTitle, ErrorTitleProvider } from "./components/document-title";
import { AppFooter } from "./components/app-footer";
import { AppHeader, type HeaderAccount } from "./components/app-header";
import { ErrorPage } from "./components/error-page";
import { listenForLinkButtons } from "./components/link-buttons";
import { useNonce } from "./nonce";
import stylesheet from "./styles/app.scss?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: fontRegular },
  { rel: "stylesheet", href: fontBold },
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Who is signed in, for the header (app/accounts/header-account.server.ts). */
export function loader({ request }: LoaderFunctionArgs) {
  return headerAccount(request);
}

/** The root's cache headers (private when signed in) and a refreshed session cookie, for every page. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = () => [
  { name: "description", content: "Find out if your organisation is ready for online engagement, and get a plan." },
];

// GOV.UK Frontend's styles reveal JavaScript-only behaviour under this class. It is set before
// the page paints, so follow-up questions never flash open and closed.
listenForLinkButtons();

const ENABLE_JS_STYLES = "document.body.className += ' js-enabled govuk-frontend-supported';";

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const matches = useMatches();
  // Undefined on the error page when the root loader itself failed: the header then shows Sign in.
  // NOTE: read from the matches, not useRouteLoaderData, which would add to every page's script.
  const account = (matches[0]?.data as { account?: HeaderAccount } | undefined)?.account;
  useShownPathMarker();
  // A route whose handle says `hydrate: false` is sent as plain HTML, without the app's scripts:
  // the pages the server shows in place of a refused request, whose address is not their own.
  const hydrate = !matches.some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  // Projector mode fills the wall with one question: no header, navigation or footer.
  const bare = matches.some((match) => (match.handle as { bare?: boolean } | undefined)?.bare === true);
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
          <a href="#main-content" className="govuk-skip-link">
            Skip to main content
          </a>
          {bare ? null : <AppHeader account={account} />}
          <div className="app-page">{children}</div>
          {bare ? null : <AppFooter />}
          {hydrate ? (
            <>
              <ScrollRestoration nonce={nonce} />
              <Scripts nonce={nonce} />
            </>
          ) : null}
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

/**
 * Marks which address the page on screen belongs to, once React has shown it. With JavaScript
 * the address changes a moment before React shows the next page, so scripted checks wait for
 * this mark to match the address before they read the page.
 */
function useShownPathMarker() {
  const { pathname, search } = useLocation();
  useEffect(() => {
    document.documentElement.dataset.shownPath = pathname + search;
  }, [pathname, search]);
}

export default function App() {
  useFocusOnNavigation();
  useHydratedMarker();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // The server logs its own errors (entry.server.tsx); this is for errors in the browser.
  if (status === 500 && typeof document !== "undefined") console.error(error);
  return <ErrorPage status={status} />;
}
