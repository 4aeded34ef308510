import { Link, useLoaderData } from "@remix-run/react";
import type { PageHandle } from "../components/document-title";
import { publicPageHeaders } from "../service/public-page-headers";
import { serviceConfig } from "../service/service-config.server";
import { ServicePage } from "../service/service-page";
import { STATEMENT_DATES } from "../service/statement-dates";

export const headers = publicPageHeaders;
export const handle: PageHandle = { title: "Privacy notice" };

export function loader() {
  return { emptyAssessmentDays: serviceConfig.emptyAssessmentDays };
}

export default function PrivacyNoticePage() {
  const { emptyAssessmentDays } = useLoaderData<typeof loader>();
  const days = `${emptyAssessmentDays} ${emptyAssessmentDays === 1 ? "day" : "days"}`;
  return (
    <ServicePage>
      <h1 className="govuk-heading-l">Privacy notice</h1>
      <p className="govuk-body">
        This notice explains what this service keeps about you and your organisation, why, for how long, and what you
        can do about it.
      </p>

      <h2 className="govuk-heading-m">Who is responsible for your information</h2>
      <p className="govuk-body">
        The organisation that runs this service decides how the information in it is used. It is the data controller. To
        ask about your information,{" "}
        <Link className="govuk-link" to="/contact">
          contact us
        </Link>
        .
      </p>

      <h2 className="govuk-heading-m">What we keep</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>your answers about your organisation, including anything you type</li>
        <li>the name and role you give when you finish, if you give them, for the cover of the report</li>
        <li>when the assessment was started, last changed and finished</li>
        <li>
          a scrambled (hashed) copy of your private link, which lets us recognise the link but not recreate it, so the
          link itself is never stored
        </li>
        <li>the same scrambled copy of each link you make to let others read your report</li>
        <li>
          your report as a PDF once you finish, so that it downloads at once; it is made again when you change an answer
          or a link, and the old copy deleted
        </li>
      </ul>
      <p className="govuk-body">We use this only to show you your assessment and to write your report.</p>
      <p className="govuk-body">If you create an account (for consultants and teams), we also keep:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>your name and email address, your workspace&apos;s name and who belongs to it with what role</li>
        <li>a scrambled (hashed) copy of your password, so the password itself is never stored</li>
        <li>
          for each device you are signed in on: the kind of browser (such as &quot;Firefox on Windows&quot;), when you
          signed in and when you last used it
        </li>
        <li>a record of when you signed up, signed in and signed out, to keep your account secure</li>
      </ul>

      <h2 className="govuk-heading-m">What we do not collect</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>you do not need an account, and without one we do not ask for your email address</li>
        <li>we do not use cookies, except one that keeps you signed in if you have an account</li>
        <li>we do not use analytics or tracking, and we do not show adverts</li>
        <li>we do not sell your information or share it with anyone else</li>
      </ul>

      <h2 className="govuk-heading-m">What stays in your browser</h2>
      <p className="govuk-body">
        When JavaScript is on, what you type on a page is kept in your browser&apos;s local storage until you select
        Continue. That way, reloading or closing the page loses nothing. It stays on your device and is not sent to us
        until you select Continue.
      </p>
      <p className="govuk-body">
        It is removed when you select Continue or choose to discard it, and after 30 days in any case. On a shared
        computer, select Continue or discard what you typed before you leave, or clear this site&apos;s data in your
        browser&apos;s settings.
      </p>

      <h2 className="govuk-heading-m">Who can see your answers</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>anyone who has your private link, which is why you should keep it safe</li>
        <li>anyone you give a link to read your report, until you cancel that link</li>
        <li>the people who run the service, when they need to, to keep it working</li>
      </ul>

      <h2 className="govuk-heading-m">Records of visits</h2>
      <p className="govuk-body">
        To keep the service working and secure, our server records each request for a page: when it was made, which
        page, and whether it worked. Private links are never written in these records. To stop misuse, the service also
        counts requests from each internet (IP) address for a short time.
      </p>

      <h2 className="govuk-heading-m">How long we keep it</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          an assessment with no answers saved is deleted after <span data-testid="empty-assessment-days">{days}</span>
        </li>
        <li>an assessment with answers is kept until you delete it, using your private link</li>
        <li>what you type in your browser is kept there until you save or discard it, and for 30 days at most</li>
        <li>you stay signed in on a device for 30 days after you last use it, or until you sign out</li>
        <li>an account is kept until you ask us to delete it</li>
      </ul>

      <h2 className="govuk-heading-m">Your rights</h2>
      <p className="govuk-body">
        You can ask to see, correct or delete the information we hold about you. You can change or delete your answers
        yourself at any time with your private link. We do not know who you are, so we can only find an assessment
        through its link. Do not send the link to us: tell us what you need, and we will explain how to do it.
      </p>
      <p className="govuk-body">
        If you are not happy with how we handle your information,{" "}
        <Link className="govuk-link" to="/contact">
          contact us
        </Link>{" "}
        first. If you are still not happy, you can{" "}
        <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
          complain to the Information Commissioner&apos;s Office (ICO)
        </a>
        .
      </p>

      <h2 className="govuk-heading-m">Changes to this notice</h2>
      <p className="govuk-body">This notice was last updated on {STATEMENT_DATES.privacyUpdated}.</p>
    </ServicePage>
  );
}
