import type { LoaderFunctionArgs } from "@remix-run/node";
import { readOnlyExportDownload } from "../exports/export-route.server";

/** The report as data (JSON), through a read-only link. */
export function loader({ params }: LoaderFunctionArgs) {
  return readOnlyExportDownload(params.token, "report-json");
}
