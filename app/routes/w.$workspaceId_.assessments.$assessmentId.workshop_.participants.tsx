import { TextInput } from "../components/text-input";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  inviteParticipant,
  listParticipants,
  replaceParticipantLink,
  setWorkshopClosed,
  setWorkshopJoinLink,
} from "../../db/repositories/workshops";
import { fieldErrorsFrom, type FieldErrors } from "../accounts/account-forms";
import { hashAccessToken, newAccessToken } from "../assessment-access.server";
import { clientPath } from "../clients/client-paths";
import { WorkspacePage } from "../clients/workspace-page";
import { WarningText } from "../components/confirm-action";
import { CopyableLink } from "../components/copyable-link";
import type { PageHandle } from "../components/document-title";
import { SuccessBanner } from "../components/success-banner";
import { db } from "../db.server";
import { readForm } from "../form-data.server";
import { notFound, privatePageHeaders } from "../http";
import { assessmentPath } from "../paths";
import { publicOrigin } from "../public-url.server";
import { describeJoinedVia, describeParticipantProgress } from "../workshop/participant-status";
import {
  joinPath,
  participantsPath,
  newParticipantLinkPath,
  removeParticipantPath,
  workshopPath,
} from "../workshop/paths";
import { SECTIONS } from "../questionnaire/questionnaire";
import { requireWorkshop } from "../workshop/workshop.server";
import { InviteParticipantSchema, WORKSHOP_MESSAGES } from "../workshop/workshop-forms";

export const headers = privatePageHeaders;
export const handle: PageHandle = { title: "Workshop participants" };

/** "A", "A and B", "A, B and C". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop, scope } = await requireWorkshop(request, params);
  const participants = await listParticipants(db, scope, workshop.assessmentId);
  const search = new URL(request.url).searchParams;
  const removedId = search.get("removed");
  return {
    clientName: workshop.clientName,
    clientHref: clientPath(scope.workspaceId, workshop.organisationId),
    overviewHref: workshopPath(scope.workspaceId, workshop.assessmentId),
    // Forms post here, without the query of a banner shown once (such as ?removed=).
    selfHref: participantsPath(scope.workspaceId, workshop.assessmentId),
    settings: `Participants answer ${listInWords(
      SECTIONS.filter((section) => workshop.participantSections.includes(section.id)).map(
        (section) => `"${section.title}"`,
      ),
    )}. ${workshop.namesShown ? "Your view shows who gave which answer." : "Names are hidden in your view: a question's answers appear once at least 3 people have answered it."}`,
    started: search.has("started"),
    changed: search.has("changed"),
    settingsHref: workshopPath(scope.workspaceId, workshop.assessmentId, "settings"),
    removedName: removedId
      ? (participants.find((p) => p.respondentId === removedId && p.removedAt)?.name ?? null)
      : null,
    closed: workshop.closedAt !== null,
    joinLinkOn: workshop.joinLinkOn,
    namesShown: workshop.namesShown,
    current: participants.filter((p) => p.removedAt === null).length,
    participants: participants.map((participant) => ({
      id: participant.respondentId,
      name: participant.name,
      roleLabel: participant.roleLabel,
      joinedVia: describeJoinedVia(participant),
      progress: describeParticipantProgress(participant),
      removed: participant.removedAt !== null,
      removeHref: removeParticipantPath(scope.workspaceId, workshop.assessmentId, participant.respondentId),
      newLinkHref: newParticipantLinkPath(scope.workspaceId, workshop.assessmentId, participant.respondentId),
    })),
  };
}

type InviteValues = { name: string; role: string };
/** A link made by this post, shown once: only its hash is kept. */
type MadeLink = { kind: "participant"; name: string; link: string } | { kind: "workshop"; link: string };
type ActionResult = {
  errors: FieldErrors;
  formErrors: string[];
  values?: InviteValues;
  made?: MadeLink;
  done?: string;
};

function reply(result: Partial<ActionResult>, status = 200) {
  return data<ActionResult>({ errors: {}, formErrors: [], ...result }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop, writeScope, scope } = await requireWorkshop(request, params);
  const assessmentId = workshop.assessmentId;
  const posted = await readForm(request, 16 * 1024);
  if (!posted.ok) return reply({ formErrors: [posted.message] }, posted.status);
  const field = (name: string) => posted.fields.get(name)?.[0] ?? "";
  const origin = publicOrigin(request);
  switch (field("intent")) {
    case "invite": {
      const values = { name: field("name"), role: field("role") };
      const parsed = InviteParticipantSchema.safeParse(values);
      if (!parsed.success) return reply({ errors: fieldErrorsFrom(parsed.error), values }, 400);
      const token = newAccessToken();
      const invited = await inviteParticipant(db, writeScope, {
        assessmentId,
        name: parsed.data.name,
        roleLabel: parsed.data.role,
        accessTokenHash: hashAccessToken(token),
      });
      if (invited.ok) {
        return reply({
          made: { kind: "participant", name: parsed.data.name, link: `${origin}${assessmentPath(token)}` },
        });
      }
      if (invited.reason === "name-taken")
        return reply({ errors: { name: WORKSHOP_MESSAGES.inviteNameTaken }, values }, 400);
      if (invited.reason === "closed") {
        return reply({ formErrors: ["The workshop is closed. Reopen it before you invite anyone."], values }, 400);
      }
      throw notFound();
    }
    case "link-on": {
      // Turning it on again, or replacing it: a new token either way, and the old one stops working.
      const token = newAccessToken();
      if (!(await setWorkshopJoinLink(db, writeScope, assessmentId, hashAccessToken(token)))) throw notFound();
      return reply({ made: { kind: "workshop", link: `${origin}${joinPath(token)}` } });
    }
    case "link-off": {
      if (!(await setWorkshopJoinLink(db, writeScope, assessmentId, null))) throw notFound();
      return reply({ done: "The workshop link is off. Nobody else can join with it." });
    }
    case "new-participant-link": {
      const respondentId = field("participant");
      const participant = (await listParticipants(db, scope, assessmentId)).find(
        (candidate) => candidate.respondentId === respondentId && candidate.removedAt === null,
      );
      if (!participant) {
        return reply(
          { formErrors: ["That participant is no longer in the workshop. The list below is up to date."] },
          400,
        );
      }
      const token = newAccessToken();
      const replaced = await replaceParticipantLink(db, writeScope, {
        assessmentId,
        respondentId,
        accessTokenHash: hashAccessToken(token),
      });
      if (!replaced) throw notFound();
      return reply({
        made: { kind: "participant", name: participant.name, link: `${origin}${assessmentPath(token)}` },
      });
    }
    case "close":
    case "reopen": {
      const closing = field("intent") === "close";
      if (!(await setWorkshopClosed(db, writeScope, assessmentId, closing))) throw notFound();
      return reply({
        done: closing
          ? "The workshop is closed. Participants can no longer change their answers."
          : "The workshop is open again. Participants can change their answers.",
      });
    }
    default:
      return reply({ formErrors: ["That button could not be used. Try again."] }, 400);
  }
}

export default function ParticipantsPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const errorLinks = [
    ...(errors.name ? [{ href: "#name", text: errors.name }] : []),
    ...(errors.role ? [{ href: "#role", text: errors.role }] : []),
  ];
  const made = actionData?.made;
  return (
    <WorkspacePage
      backHref={page.clientHref}
      backText={`Back to ${page.clientName}`}
      errors={errorLinks}
      messages={actionData?.formErrors}
    >
      {page.started ? (
        <SuccessBanner id="workshop-started" detail="Invite people by name, or turn on the workshop link.">
          This assessment is now a workshop.
        </SuccessBanner>
      ) : null}
      {page.changed ? (
        <SuccessBanner id="workshop-changed">The workshop&apos;s settings are saved.</SuccessBanner>
      ) : null}
      {page.removedName ? (
        <SuccessBanner
          id="participant-removed"
          detail="Their answers no longer count. Their link now says they were removed."
        >
          {page.removedName} was removed from the workshop.
        </SuccessBanner>
      ) : null}
      {actionData?.done ? <SuccessBanner id="workshop-done">{actionData.done}</SuccessBanner> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <span className="govuk-caption-l app-wrap">{page.clientName} workshop</span>
          <h1 className="govuk-heading-l">Workshop participants</h1>
          {made ? (
            <div className="govuk-inset-text app-new-link" role="status">
              <h2 className="govuk-heading-m app-wrap">
                {made.kind === "participant" ? `${made.name}'s own link` : "The workshop link"}
              </h2>
              <CopyableLink
                link={made.link}
                label={
                  made.kind === "participant"
                    ? `Send this link to ${made.name} only. It opens their own questions, and lets them come back to change their answers.`
                    : "Share this link with the people in the room. Anyone who has it can join by giving their name."
                }
              />
              <WarningText>Copy this link now. It will not be shown again.</WarningText>
            </div>
          ) : null}
          {page.closed ? (
            <div className="govuk-inset-text">
              <p className="govuk-body govuk-!-font-weight-bold">This workshop is closed.</p>
              <p className="govuk-body">
                Participants can no longer change their answers, and nobody can join. Their answers are kept.
              </p>
            </div>
          ) : null}
          <p className="govuk-body app-wrap">
            {page.settings}{" "}
            <Link className="govuk-link" to={page.settingsHref}>
              Change the settings
            </Link>
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={page.overviewHref}>
              See everyone&apos;s answers and where they differ
            </Link>
          </p>

          <h2 className="govuk-heading-m">People in the workshop</h2>
          {page.participants.length === 0 ? (
            <p className="govuk-body">Nobody has joined yet.</p>
          ) : (
            <table className="govuk-table app-stacked-table">
              <caption className="govuk-table__caption govuk-visually-hidden">
                Participants, in the order they joined; removed participants last
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Joined
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Progress
                  </th>
                  <th scope="col" className="govuk-table__header">
                    What you can do
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {page.participants.map((participant) => (
                  <tr className="govuk-table__row" key={participant.id}>
                    <th scope="row" className="govuk-table__header app-wrap">
                      {participant.name}
                      {participant.roleLabel ? (
                        <div className="govuk-hint govuk-!-margin-bottom-0 app-wrap">{participant.roleLabel}</div>
                      ) : null}
                    </th>
                    <td className="govuk-table__cell" data-label="Joined">
                      {participant.joinedVia}
                    </td>
                    <td className="govuk-table__cell" data-label="Progress">
                      <strong className={`govuk-tag govuk-tag--${participant.progress.colour}`}>
                        {participant.progress.text}
                      </strong>
                    </td>
                    <td className="govuk-table__cell" data-label="What you can do">
                      {participant.removed ? (
                        <span className="govuk-hint govuk-!-margin-bottom-0">Nothing: removed</span>
                      ) : (
                        <ul className="govuk-list govuk-!-margin-bottom-0">
                          <li>
                            <Link className="govuk-link" to={participant.newLinkHref}>
                              Make a new link<span className="govuk-visually-hidden"> for {participant.name}</span>
                            </Link>
                          </li>
                          <li>
                            <Link className="govuk-link" to={participant.removeHref}>
                              Remove<span className="govuk-visually-hidden"> {participant.name}</span>
                            </Link>
                          </li>
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {page.closed ? null : (
            <>
              <h2 className="govuk-heading-m">Invite someone by name</h2>
              <p className="govuk-body">
                They get a link of their own, which you send them. Nobody else can answer with it.
              </p>
              <Form method="post" action={page.selfHref} noValidate>
                <input type="hidden" name="intent" value="invite" />
                <TextInput
                  key={`name-${made ? made.link : ""}`}
                  id="name"
                  label="Name"
                  hint={
                    "As the group knows them, such as 'Aroha Ngata'. Each person in the workshop needs a different name."
                  }
                  error={errors.name}
                  defaultValue={values?.name}
                  autoComplete="off"
                  spellCheck={false}
                />
                <TextInput
                  key={`role-${made ? made.link : ""}`}
                  id="role"
                  label="Role (optional)"
                  hint={"Such as 'Communications lead' or 'Councillor'."}
                  error={errors.role}
                  defaultValue={values?.role}
                  autoComplete="off"
                />
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Invite
                </button>
              </Form>

              <h2 className="govuk-heading-m">The workshop link</h2>
              {page.joinLinkOn ? (
                <>
                  <p className="govuk-body">
                    The workshop link is on. Anyone who has it can join by giving their name, and then gets a link of
                    their own. For safety we do not keep the link itself, so we cannot show it again. If it is lost, or
                    reaches people who should not join, make a new one: the old one then stops working.
                  </p>
                  <div className="govuk-button-group">
                    <Form method="post" action={page.selfHref}>
                      <input type="hidden" name="intent" value="link-on" />
                      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                        Make a new workshop link
                      </button>
                    </Form>
                    <Form method="post" action={page.selfHref}>
                      <input type="hidden" name="intent" value="link-off" />
                      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                        Turn off the workshop link
                      </button>
                    </Form>
                  </div>
                </>
              ) : (
                <>
                  <p className="govuk-body">
                    The workshop link is off. Turn it on to put one link on the screen in the room: each person opens
                    it, gives their name, and gets a link of their own.
                  </p>
                  <Form method="post" action={page.selfHref}>
                    <input type="hidden" name="intent" value="link-on" />
                    <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                      Turn on the workshop link
                    </button>
                  </Form>
                </>
              )}
            </>
          )}

          <h2 className="govuk-heading-m">{page.closed ? "Reopen the workshop" : "Close the workshop"}</h2>
          {page.closed ? (
            <>
              <p className="govuk-body">Participants can then change their answers again, and people can join.</p>
              <Form method="post" action={page.selfHref}>
                <input type="hidden" name="intent" value="reopen" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Reopen the workshop
                </button>
              </Form>
            </>
          ) : (
            <>
              <p className="govuk-body">
                When everyone has answered, close the workshop. Participants can then no longer change their answers,
                and nobody can join. Their answers are kept, and you can reopen it.
              </p>
              <Form method="post" action={page.selfHref}>
                <input type="hidden" name="intent" value="close" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Close the workshop
                </button>
              </Form>
            </>
          )}
        </div>
      </div>
    </WorkspacePage>
  );
}
