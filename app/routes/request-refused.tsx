import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RefusalPage } from "../components/refusal-page";
import { refusalTitle } from "../components/refusal-title";
import type { Refusal } from "../load-context";
import { notFound } from "../http";

/*
 * The page the production server shows when it refuses a request before the app sees it: a
 * form sent from another site (403), a method the app does not take (405), a body over the
 * size limit (413), or a request over a rate limit (429). The server asks for this page in place of the refused request, so the
 * answer has the app's layout and the right status; the browser's address stays the one it
 * asked for, which is why the page is sent without the app's scripts (they would try to load
 * the page at that address). Asked for directly, it is "Page not found".
 */

type RefusalData = Refusal;

export const handle = {
  hydrate: false,
  title: (loaderData: unknown) => refusalTitle((loaderData as RefusalData | undefined)?.status ?? 404),
};

export function loader({ context }: LoaderFunctionArgs) {
  const refusal = context.refusal;
  if (!refusal) throw notFound();
  return data<RefusalData>(refusal, { status: refusal.status });
}

export default function RequestRefused() {
  const refusal = useLoaderData<typeof loader>();
  return <RefusalPage status={refusal.status} path={refusal.path} refusal={refusal} />;
}
