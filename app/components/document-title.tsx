import { isRouteErrorResponse, useMatches } from "@remix-run/react";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
// NOTE: Remix's meta() cannot see action data, so it cannot prefix "Error: " to the title of a
// page re-rendered with validation errors, as the GOV.UK pattern asks. The router state can.
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { errorPageTitle } from "./error-page-title";

export const SERVICE_NAME = "Engagement readiness assessment";

/** Route modules export `handle` with the page title, computed from their loader data. */
export type PageHandle = { title: string | ((data: unknown) => string) };

type ErrorTitleState = { clientErrors: boolean; setClientErrors: (value: boolean) => void };

const ErrorTitleContext = createContext<ErrorTitleState>({ clientErrors: false, setClientErrors: () => {} });

export function ErrorTitleProvider({ children }: { children: ReactNode }) {
  const [clientErrors, setClientErrors] = useState(false);
  const value = useMemo(() => ({ clientErrors, setClientErrors }), [clientErrors]);
  return <ErrorTitleContext.Provider value={value}>{children}</ErrorTitleContext.Provider>;
}

/** Lets a form tell the document title that the browser found errors before posting. */
export function useClientErrorTitle(hasErrors: boolean) {
  const { setClientErrors } = useContext(ErrorTitleContext);
  useEffect(() => {
    setClientErrors(hasErrors);
    return () => setClientErrors(false);
  }, [hasErrors, setClientErrors]);
}

function hasErrors(actionData: unknown): boolean {
  if (typeof actionData !== "object" || actionData === null) return false;
  const { errors, formErrors } = actionData as { errors?: unknown; formErrors?: unknown };
  return (
    (typeof errors === "object" && errors !== null && Object.keys(errors).length > 0) ||
    (Array.isArray(formErrors) && formErrors.length > 0)
  );
}

/**
 * A post can answer with a different page of its own, such as a confirmation before answers are
 * deleted; its action names that page with `pageTitle`.
 */
function actionPageTitle(actionData: unknown): string | undefined {
  const title = (actionData as { pageTitle?: unknown } | null | undefined)?.pageTitle;
  return typeof title === "string" ? title : undefined;
}

function isPageHandle(handle: unknown): handle is PageHandle {
  return typeof handle === "object" && handle !== null && "title" in handle;
}

export function DocumentTitle() {
  const matches = useMatches();
  const routerState = useContext(UNSAFE_DataRouterStateContext);
  const { clientErrors } = useContext(ErrorTitleContext);

  let title: string | undefined;
  const routeError = routerState?.errors ? Object.values(routerState.errors)[0] : undefined;
  if (routeError !== undefined) {
    title = errorPageTitle(isRouteErrorResponse(routeError) ? routeError.status : 500);
  } else {
    for (const match of [...matches].reverse()) {
      if (!isPageHandle(match.handle)) continue;
      const { title: pageTitle } = match.handle;
      title =
        actionPageTitle(routerState?.actionData?.[match.id]) ??
        (typeof pageTitle === "function" ? pageTitle(match.data) : pageTitle);
      break;
    }
  }
  const serverErrors = Object.values(routerState?.actionData ?? {}).some(hasErrors);
  const prefix = serverErrors || clientErrors ? "Error: " : "";
  return <title>{title ? `${prefix}${title} – ${SERVICE_NAME}` : SERVICE_NAME}</title>;
}
