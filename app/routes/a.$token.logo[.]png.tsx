import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoForAssessment } from "../../db/repositories/branding";
import { requireNotParticipant } from "../workshop/participant-access.server";
import { logoResponse } from "../branding/logo-response.server";
import { db } from "../db.server";

/** The logo of the workspace whose client this assessment is, for its report page; 404 for anyone without the link or with no logo. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const respondent = await requireNotParticipant(params.token);
  return logoResponse(request, await logoForAssessment(db, respondent.assessmentId));
}
