import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatTime } from "../accounts/format-time";
import { clientPath } from "../clients/client-paths";
import { WorkspacePage } from "../clients/workspace-page";
import type { PageHandle } from "../components/document-title";
import { privatePageHeaders } from "../http";
import { FacilitatorPage, type FacilitatorPageData } from "../workshop/facilitator-page";
import { withOneSection } from "../workshop/facilitator";
import { loadFacilitatorView } from "../workshop/facilitator.server";
import { projectorPath, workshopEventsPath, workshopPath } from "../workshop/paths";
import { requireWorkshop } from "../workshop/workshop.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => {
    const name = (data as { clientName?: string } | undefined)?.clientName;
    return name ? `Workshop: ${name}` : "Workshop";
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkshop(request, params);
  const { workspace, workshop } = access;
  const { view: whole, version } = await loadFacilitatorView(access);
  const view = withOneSection(whole, new URL(request.url).searchParams.get("section"));
  const now = new Date();
  const workspaceId = workspace.workspaceId;
  const assessmentId = workshop.assessmentId;
  return {
    clientName: workshop.clientName,
    view,
    version,
    updatedAt: now.toISOString(),
    updatedAtText: formatTime(now.toISOString()),
    closed: workshop.closedAt !== null,
    workspaceId,
    assessmentId,
    backHref: clientPath(workspaceId, workshop.organisationId),
    hrefs: {
      self: workshopPath(workspaceId, assessmentId),
      events: workshopEventsPath(workspaceId, assessmentId),
      projector: projectorPath(workspaceId, assessmentId),
      settleAll: workshopPath(workspaceId, assessmentId, "settle"),
      participants: workshopPath(workspaceId, assessmentId, "participants"),
    },
  } satisfies FacilitatorPageData & { backHref: string };
}

export default function WorkshopFacilitatorRoute() {
  const data = useLoaderData<typeof loader>();
  return (
    <WorkspacePage backHref={data.backHref} backText={`Back to ${data.clientName}`}>
      <FacilitatorPage data={data} />
    </WorkspacePage>
  );
}
