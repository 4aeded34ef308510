import type { LoaderFunctionArgs } from "@remix-run/node";
import { workspacePdfLoader } from "../clients/workspace-report.server";

/** The full report's PDF for a member of the client's workspace (A4, or US Letter with `?size=letter`). */
export function loader(args: LoaderFunctionArgs) {
  return workspacePdfLoader(args, "full");
}
