import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { removeParticipant } from "../../db/repositories/workshops";
import { WorkspacePage } from "../clients/workspace-page";
import { ConfirmAction, WarningText } from "../components/confirm-action";
import type { PageHandle } from "../components/document-title";
import { db } from "../db.server";
import { notFound, privatePageHeaders } from "../http";
import { participantsPath } from "../workshop/paths";
import { requireParticipant } from "../workshop/workshop.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => `Remove ${(data as { name?: string } | undefined)?.name ?? "this participant"} from the workshop`,
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop, scope, participant } = await requireParticipant(request, params);
  return {
    name: participant.name,
    clientName: workshop.clientName,
    answered: participant.answerCount,
    participantsHref: participantsPath(scope.workspaceId, workshop.assessmentId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop, writeScope, participant } = await requireParticipant(request, params);
  const removed = await removeParticipant(db, writeScope, {
    assessmentId: workshop.assessmentId,
    respondentId: participant.respondentId,
  });
  if (!removed) throw notFound();
  return redirect(
    `${participantsPath(writeScope.workspaceId, workshop.assessmentId)}?removed=${encodeURIComponent(participant.respondentId)}`,
    303,
  );
}

export default function RemoveParticipantPage() {
  const { name, clientName, answered, participantsHref } = useLoaderData<typeof loader>();
  return (
    <WorkspacePage backHref={participantsHref} backText="Back to the participants">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{clientName} workshop</span>
          <h1 className="govuk-heading-l app-wrap">Remove {name} from the workshop?</h1>
          <p className="govuk-body">
            {answered > 0
              ? `${name} has answered ${answered} ${answered === 1 ? "question" : "questions"}. Their answers will no longer count anywhere in the workshop.`
              : `${name} has not answered anything yet.`}
          </p>
          <p className="govuk-body">
            Their link will say they were removed, and nothing they enter will be saved. Someone else can then join with
            the same name.
          </p>
          <WarningText>You cannot undo this. To bring them back, invite them again: they start afresh.</WarningText>
          <ConfirmAction label={`Remove ${name}`} cancelHref={participantsHref} />
        </div>
      </div>
    </WorkspacePage>
  );
}
