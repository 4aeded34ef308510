import { CopyableLink } from "../components/copyable-link";
import { WarningText } from "../components/confirm-action";

/**
 * The executive's private link, shown once: only its hash is kept, so this page is the one
 * chance to copy it. Selectable text without JavaScript, with a copy button once it runs.
 */
export function NewPrivateLink({ link, clientName }: { link: string; clientName: string }) {
  return (
    <>
      <CopyableLink link={link} label={`Copy this private link and send it to ${clientName}'s executive:`} />
      <WarningText>
        We show this link once. We do not keep it, so we cannot show it again. If it is lost, make a new one from the
        client's page: the old link then stops working.
      </WarningText>
      <p className="govuk-body">
        Anyone with the link can answer the assessment and read its report, without an account. Send it only to the
        person who should answer for the organisation, such as the chief executive or head of communications.
      </p>
    </>
  );
}
