import { DISAGREEMENT_BAND_LABELS, type DisagreementBand } from "../../scoring/workshop-spread";
import { BAND_COLOURS } from "./spread-chart";

/** "Strong disagreement" as a GOV.UK tag; nothing when it cannot be measured or is hidden. */
export function BandTag({ band }: { band: DisagreementBand | null }) {
  if (!band) return null;
  return (
    <strong className={`govuk-tag govuk-tag--${BAND_COLOURS[band]} app-band-tag`}>
      {DISAGREEMENT_BAND_LABELS[band]}
    </strong>
  );
}

/** Who settled an answer and when, as one line. */
export function settledByLine(settlement: { settledByName: string | null; settledAtText: string }): string {
  return `Settled by ${settlement.settledByName ?? "a former member"} on ${settlement.settledAtText}`;
}
