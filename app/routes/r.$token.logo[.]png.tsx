import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoForAssessment } from "../../db/repositories/branding";
import { logoResponse } from "../branding/logo-response.server";
import { db } from "../db.server";
import { requireReportLink } from "../links/report-links.server";

/** The logo on a client's report read through a read-only link; 404 for a wrong or revoked link, or no logo. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { owner } = await requireReportLink(params.token);
  return logoResponse(request, await logoForAssessment(db, owner.assessmentId));
}
