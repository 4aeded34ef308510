/**
 * The recovery codes, shown once: the list, why to keep them, and a download as a text file
 * (a data: address, so it works without JavaScript and the codes are never sent again).
 */
export function RecoveryCodes({ codes, text }: { codes: readonly string[]; text: string }) {
  return (
    <>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          You will not see these codes again. Keep them somewhere safe now.
        </strong>
      </div>
      <p className="govuk-body">
        If you lose your phone or cannot use the app, sign in with one of these codes instead of the 6-digit code. Each
        code works once.
      </p>
      <p className="govuk-body">
        Keep them apart from your password: in a password manager, or printed and locked away.
      </p>
      <ul className="govuk-list app-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <a
          className="govuk-link"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="recovery-codes.txt"
        >
          Download the recovery codes as a text file
        </a>
      </p>
    </>
  );
}
