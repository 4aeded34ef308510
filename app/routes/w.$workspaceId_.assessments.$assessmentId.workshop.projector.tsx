import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { PageHandle } from "../components/document-title";
import { notFound, privatePageHeaders } from "../http";
import { projectorStep } from "../workshop/facilitator";
import { loadFacilitatorView } from "../workshop/facilitator.server";
import { ProjectorPage, type ProjectorPageData } from "../workshop/projector-page";
import { projectorPath, workshopEventsPath, workshopPath } from "../workshop/paths";
import { requireWorkshop } from "../workshop/workshop.server";

export const headers = privatePageHeaders;
export const handle: PageHandle & { bare: true } = {
  title: (data) => {
    const label = (data as ProjectorPageData | undefined)?.question?.label;
    return label ? `Projector: ${label}` : "Projector";
  },
  bare: true,
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkshop(request, params);
  const { workspace, workshop } = access;
  const { view, version } = await loadFacilitatorView(access);
  const asked = new URL(request.url).searchParams.get("question");
  const step = projectorStep(view, asked);
  // An address naming a question this workshop does not ask.
  if (asked !== null && !step.question) throw notFound();
  const workspaceId = workspace.workspaceId;
  const assessmentId = workshop.assessmentId;
  return {
    question: step.question,
    position: step.position,
    of: step.of,
    namesShown: view.namesShown,
    people: view.people,
    version,
    progress: view.progress,
    hrefs: {
      back: workshopPath(workspaceId, assessmentId),
      events: workshopEventsPath(workspaceId, assessmentId),
      previous: step.previousId ? projectorPath(workspaceId, assessmentId, step.previousId) : null,
      next: step.nextId ? projectorPath(workspaceId, assessmentId, step.nextId) : null,
    },
  } satisfies ProjectorPageData;
}

export default function WorkshopProjectorRoute() {
  const data = useLoaderData<typeof loader>();
  return <ProjectorPage data={data} />;
}
