import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { WorkspacePage } from "../clients/workspace-page";
import { ConfirmAction, WarningText } from "../components/confirm-action";
import type { PageHandle } from "../components/document-title";
import { privatePageHeaders } from "../http";
import { participantsPath } from "../workshop/paths";
import { requireParticipant } from "../workshop/workshop.server";

export const headers = privatePageHeaders;
export const handle: PageHandle = {
  title: (data) => `Make a new link for ${(data as { name?: string } | undefined)?.name ?? "this participant"}`,
};

/**
 * Asks before replacing a participant's link, because their current link stops working at once.
 * The confirmation posts to the participants page, which makes the link and shows it once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop, scope, participant } = await requireParticipant(request, params);
  return {
    name: participant.name,
    respondentId: participant.respondentId,
    clientName: workshop.clientName,
    answered: participant.answerCount,
    participantsHref: participantsPath(scope.workspaceId, workshop.assessmentId),
  };
}

export default function NewParticipantLinkPage() {
  const { name, respondentId, clientName, answered, participantsHref } = useLoaderData<typeof loader>();
  return (
    <WorkspacePage backHref={participantsHref} backText="Back to the participants">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-wrap">{clientName} workshop</span>
          <h1 className="govuk-heading-l app-wrap">Make a new link for {name}?</h1>
          <p className="govuk-body">
            Do this when {name} has lost their link, or it was sent to the wrong person. Their current link stops
            working straight away.
          </p>
          <p className="govuk-body">
            {answered > 0
              ? `The ${answered} ${answered === 1 ? "answer" : "answers"} they have given are kept, and the new link opens them.`
              : "They have not answered anything yet. The new link opens their questions."}
          </p>
          <WarningText>You will see the new link once. Send it to {name} only.</WarningText>
          <ConfirmAction
            label="Make a new link"
            cancelHref={participantsHref}
            action={participantsHref}
            fields={{ intent: "new-participant-link", participant: respondentId }}
          />
        </div>
      </div>
    </WorkspacePage>
  );
}
