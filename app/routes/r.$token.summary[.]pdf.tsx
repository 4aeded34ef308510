import type { LoaderFunctionArgs } from "@remix-run/node";
import { readOnlyPdfLoader } from "../pdf/pdf-download.server";

/**
 * The board summary's PDF through a read-only link (A4, or US Letter with `?size=letter`). It
 * names this link as its accessible version. See `pdf-download.server.ts`.
 */
export function loader(args: LoaderFunctionArgs) {
  return readOnlyPdfLoader(args, "summary");
}
