import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDownload } from "../exports/export-route.server";

/** The answers as a spreadsheet (CSV), at any stage of the assessment. */
export function loader({ params }: LoaderFunctionArgs) {
  return exportDownload(params.token, "answers-csv");
}
