import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDownload } from "../exports/export-route.server";

/** The report as data (JSON), in the documented format of docs/report-data.md. */
export function loader({ params }: LoaderFunctionArgs) {
  return exportDownload(params.token, "report-json");
}
