import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDownload } from "../exports/export-route.server";

/** The report as an editable Word document. */
export function loader({ params }: LoaderFunctionArgs) {
  return exportDownload(params.token, "report-docx");
}
