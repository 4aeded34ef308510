import type { LoaderFunctionArgs } from "@remix-run/node";
import { ownerPdfLoader } from "../pdf/pdf-download.server";

/**
 * The full report as a PDF download (A4, or US Letter with `?size=letter`), for the assessment's
 * owner: the second download, after the board summary. See `pdf-download.server.ts` for which
 * address it names and what happens to bad links and failed renders.
 */
export function loader(args: LoaderFunctionArgs) {
  return ownerPdfLoader(args, "full");
}
