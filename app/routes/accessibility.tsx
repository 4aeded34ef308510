import { Link } from "@remix-run/react";
import { SERVICE_NAME, type PageHandle } from "../components/document-title";
import { publicPageHeaders } from "../service/public-page-headers";
import { ServicePage } from "../service/service-page";
import { STATEMENT_DATES } from "../service/statement-dates";

export const headers = publicPageHeaders;
export const handle: PageHandle = { title: "Accessibility statement" };

// The structure and wording follow the GOV.UK model accessibility statement for public bodies.
export default function AccessibilityStatementPage() {
  return (
    <ServicePage>
      <h1 className="govuk-heading-l">Accessibility statement for the {SERVICE_NAME.toLowerCase()}</h1>
      <p className="govuk-body">This statement applies to the {SERVICE_NAME.toLowerCase()} service.</p>
      <p className="govuk-body">
        We want as many people as possible to be able to use this service. For example, you should be able to:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use every page with only a keyboard</li>
        <li>use every page with JavaScript turned off</li>
        <li>use most of it with a screen reader or speech recognition software</li>
      </ul>
      <p className="govuk-body">We have also made the text as simple as we can.</p>
      <p className="govuk-body">
        <a className="govuk-link" href="https://mcmw.abilitynet.org.uk/">
          AbilityNet has advice on making your device easier to use
        </a>{" "}
        if you have a disability.
      </p>

      <h2 className="govuk-heading-m">How accessible this service is</h2>
      <p className="govuk-body">We know some parts of this service are not fully accessible:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          the PDFs of the report (the board summary and the full report) have tags for screen readers, but no outside
          checker or screen reader user has tested them yet
        </li>
        <li>in the PDFs, a name or answer written in another language is read out as if it were English</li>
      </ul>
      <p className="govuk-body">
        The report page has everything the PDFs have, including the chart&apos;s scores in a table, and works with
        screen readers. It is the accessible version of the report.
      </p>

      <h2 className="govuk-heading-m">What to do if you cannot use this service</h2>
      <p className="govuk-body">
        If you need the questions or the report in a different format, like large print, easy read or audio,{" "}
        <Link className="govuk-link" to="/contact">
          contact us
        </Link>
        . We will consider your request and reply to you.
      </p>
      <p className="govuk-body">
        You can also print the report page, or save it as a PDF from your browser, at any size you choose.
      </p>

      <h2 className="govuk-heading-m">Reporting accessibility problems with this service</h2>
      <p className="govuk-body">
        We are always looking to improve the accessibility of this service. If you find a problem that is not listed on
        this page, or you think we are not meeting accessibility requirements,{" "}
        <Link className="govuk-link" to="/contact">
          contact us
        </Link>
        .
      </p>

      <h2 className="govuk-heading-m">Enforcement procedure</h2>
      <p className="govuk-body">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;).
      </p>
      <p className="govuk-body">
        If you are not happy with how we respond to your complaint,{" "}
        <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
          contact the Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>
      <p className="govuk-body">
        If you are in Northern Ireland and are not happy with how we respond to your complaint, contact the{" "}
        <a className="govuk-link" href="https://www.equalityni.org/Home">
          Equality Commission for Northern Ireland
        </a>
        .
      </p>

      <h2 className="govuk-heading-m">Technical information about this service&apos;s accessibility</h2>
      <p className="govuk-body">
        We are committed to making this service accessible, in line with the Public Sector Bodies (Websites and Mobile
        Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 className="govuk-heading-s">Compliance status</h3>
      <p className="govuk-body">
        This service is partially compliant with the{" "}
        <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/">
          Web Content Accessibility Guidelines version 2.2
        </a>{" "}
        AA standard, because of the problems listed below.
      </p>

      <h2 className="govuk-heading-m">Content that is not accessible</h2>
      <h3 className="govuk-heading-s">Not meeting the accessibility regulations</h3>
      <p className="govuk-body">
        The PDF of the report is tagged: screen readers can find its headings, lists, tables and links, and read it in
        order. The chart has a text description that gives every score. But the PDF has not yet been checked against the
        PDF/UA standard by an outside checker, or used with a screen reader, so there may be problems we do not know
        about.
      </p>
      <p className="govuk-body">
        A name or answer written in a language other than English is not marked with its language in the PDF, so a
        screen reader may read it out wrongly. This fails WCAG 2.2 success criterion 3.1.2 (language of parts).
      </p>
      <p className="govuk-body">
        The report page is the accessible version: it has the same content, with the chart&apos;s scores in a table, and
        the PDF tells readers where to find it. We plan to have the PDF checked against PDF/UA and tested with screen
        readers.
      </p>

      <h2 className="govuk-heading-m">What we are doing to improve accessibility</h2>
      <p className="govuk-body">
        Every change to the service is tested before it is released. The tests check each kind of page, including pages
        showing error messages, with the axe accessibility checker, with JavaScript on and off. They also check them on
        a screen 320 pixels wide, and answering questions, fixing mistakes and adding to lists using only a keyboard.
      </p>
      <p className="govuk-body">
        The pages use the GOV.UK Design System&apos;s patterns, which have been tested with screen readers. We have not
        yet tested this service ourselves with each screen reader. We plan to test it with JAWS, NVDA and VoiceOver.
      </p>

      <h2 className="govuk-heading-m">Preparation of this accessibility statement</h2>
      <p className="govuk-body">
        This statement was prepared on {STATEMENT_DATES.accessibilityPrepared}. It was last reviewed on{" "}
        {STATEMENT_DATES.accessibilityReviewed}.
      </p>
      <p className="govuk-body">
        This service was last tested on {STATEMENT_DATES.serviceTested} against the WCAG 2.2 AA standard. The test was
        carried out by the team that builds the service, with the automated tests described above.
      </p>
    </ServicePage>
  );
}
