import { EXPORT_DOWNLOADS, type ExportKind } from "../../exports/download-name";

/**
 * The editable and data downloads of a report, as a GOV.UK list of links, each with its file type
 * and usual size. Plain links that work without JavaScript; the server sends each file as an
 * attachment, so the page stays where it is.
 */
export function ReportDownloads({ hrefs }: { hrefs: Partial<Record<ExportKind, string>> }) {
  return (
    <ul className="govuk-list app-downloads">
      {EXPORT_DOWNLOADS.filter((download) => hrefs[download.kind]).map((download) => (
        <li key={download.kind} className="app-downloads__item">
          <a className="govuk-link" href={hrefs[download.kind]}>
            {download.label}
          </a>
          <span className="govuk-body-s app-downloads__hint">{download.hint}</span>
        </li>
      ))}
    </ul>
  );
}
