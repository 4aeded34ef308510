import type { LoaderFunctionArgs } from "@remix-run/node";
import { workspaceExportLoader } from "../clients/workspace-report.server";

/** The answers-json download for a member of the client's workspace. */
export function loader(args: LoaderFunctionArgs) {
  return workspaceExportLoader(args, "answers-json");
}
