import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type Params = Record<string, string>;

/** A GET as Remix would hand it to a loader. */
export function loaderArgs(path: string, params: Params): LoaderFunctionArgs {
  return { request: new Request(`http://localhost${path}`), params, context: {} };
}

/** A POST of URL-encoded fields (repeat a name to send it twice) as Remix would hand it to an action. */
export function actionArgs(
  path: string,
  params: Params,
  fields: [string, string][] | string,
  contentType = "application/x-www-form-urlencoded",
): ActionFunctionArgs {
  const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "content-type": contentType },
  });
  return { request, params, context: {} };
}

/** What a loader or action returned: a redirect, a thrown response, or data with a status. */
export type Outcome =
  | { kind: "redirect"; status: number; location: string }
  | { kind: "response"; status: number }
  | { kind: "data"; status: number; data: unknown };

export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (thrown instanceof Response) {
      const location = thrown.headers.get("location");
      return location
        ? { kind: "redirect", status: thrown.status, location }
        : { kind: "response", status: thrown.status };
    }
    throw thrown;
  }
  if (result instanceof Response) {
    const location = result.headers.get("location");
    return location
      ? { kind: "redirect", status: result.status, location }
      : { kind: "response", status: result.status };
  }
  // Single fetch's data() wraps the payload with its status.
  if (typeof result === "object" && result !== null && "type" in result && result.type === "DataWithResponseInit") {
    const wrapped = result as unknown as { data: unknown; init: ResponseInit | null };
    return { kind: "data", status: wrapped.init?.status ?? 200, data: wrapped.data };
  }
  return { kind: "data", status: 200, data: result };
}
