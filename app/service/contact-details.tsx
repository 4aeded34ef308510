/** What the operator has configured: an email address, their own words, both or neither. */
export type ContactDetailsProps = { email?: string; text?: string };

/**
 * How to reach the people who run this copy of the service. Only what the operator configured
 * is shown: the email line appears only with SUPPORT_EMAIL, and without either setting the page
 * says plainly that no contact details are published, rather than showing an address that
 * reaches no one.
 */
export function ContactDetails({ email, text }: ContactDetailsProps) {
  if (!email && !text) {
    return (
      <p className="govuk-body" data-testid="no-contact-details">
        The organisation running this copy of the service has not published contact details here. If someone invited you
        to use it, such as your organisation or a consultant, ask them.
      </p>
    );
  }
  return (
    <>
      {email ? (
        <p className="govuk-body">
          Email:{" "}
          <a className="govuk-link app-wrap" href={`mailto:${email}`}>
            {email}
          </a>
        </p>
      ) : null}
      {text ? <p className="govuk-body app-wrap">{text}</p> : null}
    </>
  );
}
