import { Link, useLoaderData } from "@remix-run/react";
import type { PageHandle } from "../components/document-title";
import { ContactDetails } from "../service/contact-details";
import { publicPageHeaders } from "../service/public-page-headers";
import { serviceConfig } from "../service/service-config.server";
import { ServicePage } from "../service/service-page";
import { WarningText } from "../components/confirm-action";

export const headers = publicPageHeaders;
export const handle: PageHandle = { title: "Contact and feedback" };

export function loader() {
  return { email: serviceConfig.supportEmail, text: serviceConfig.supportContactText };
}

export default function ContactPage() {
  const { email, text } = useLoaderData<typeof loader>();
  return (
    <ServicePage>
      <h1 className="govuk-heading-l">Contact and feedback</h1>
      <p className="govuk-body">Contact the team that runs this service if you:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>need help using it</li>
        <li>cannot use part of it, for example because of a disability</li>
        <li>want to report a problem</li>
        <li>want to tell us what you think of it</li>
      </ul>

      <h2 className="govuk-heading-m">How to contact us</h2>
      <ContactDetails email={email} text={text} />

      <h2 className="govuk-heading-m">What to tell us</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>which page you were on</li>
        <li>what you were trying to do, and what happened</li>
      </ul>
      <WarningText>
        Do not send us your private link. Anyone who has it can see and change your answers. We never need it to help
        you.
      </WarningText>

      <h2 className="govuk-heading-m" id="feedback">
        Give feedback
      </h2>
      <p className="govuk-body">
        This is a new service, and your feedback helps us improve it. Tell us what worked, what did not, and anything in
        the questions or the report that was hard to understand. Use the contact details above.
      </p>

      <h2 className="govuk-heading-m">If you have lost your private link</h2>
      <p className="govuk-body">
        We cannot find your assessment for you, or send you its link again. We do not ask for your name or email
        address, so we cannot tell which assessment is yours. You can{" "}
        <Link className="govuk-link" to="/">
          start a new assessment
        </Link>
        .
      </p>

      <h2 className="govuk-heading-m">More about this service</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/accessibility">
            Accessibility statement
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/privacy">
            Privacy notice
          </Link>
        </li>
      </ul>
    </ServicePage>
  );
}
