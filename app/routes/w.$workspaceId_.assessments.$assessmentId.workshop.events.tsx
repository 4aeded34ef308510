import type { LoaderFunctionArgs } from "@remix-run/node";
import { workshopVersion } from "../../db/repositories/workshops";
import { db } from "../db.server";
import { EVENT_STREAM_HEADERS, versionEventStream } from "../workshop/event-stream.server";
import { requireWorkshop } from "../workshop/workshop.server";

/**
 * The facilitator view's live updates: server-sent events, one each time the workshop's
 * fingerprint changes (see versionEventStream). Checked like the page itself; each poll is
 * scoped to the caller, so a member removed from the workspace stops hearing at once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, workshop } = await requireWorkshop(request, params);
  const stream = versionEventStream({
    signal: request.signal,
    version: () => workshopVersion(db, scope, workshop.assessmentId),
  });
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
