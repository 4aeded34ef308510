import { useState } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A link to keep, shown in full (people paste it into email or a document system), with a
 * "Copy link" button once JavaScript is running. Without JavaScript people select and copy it.
 */
export function CopyableLink({ link, label }: { link: string; label: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <>
      <p className="govuk-body">{label}</p>
      <code className="app-private-link">{link}</code>
      {hydrated ? (
        <>
          <button type="button" className="govuk-button govuk-button--secondary app-copy-button" onClick={copy}>
            Copy link
          </button>
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            {copied ? "Link copied. Paste it somewhere safe." : ""}
          </p>
        </>
      ) : null}
    </>
  );
}
