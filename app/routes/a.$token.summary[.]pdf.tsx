import type { LoaderFunctionArgs } from "@remix-run/node";
import { ownerPdfLoader } from "../pdf/pdf-download.server";

/**
 * The board summary as a PDF download (A4, or US Letter with `?size=letter`), for the
 * assessment's owner: the report page's first download. See `pdf-download.server.ts`.
 */
export function loader(args: LoaderFunctionArgs) {
  return ownerPdfLoader(args, "summary");
}
