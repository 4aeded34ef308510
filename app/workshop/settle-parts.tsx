import { DISAGREEMENT_BAND_LABELS, type DisagreementBand } from "../../scoring/workshop-spread";

const BAND_COLOURS: Record<DisagreementBand, string> = { strong: "red", some: "yellow", agree: "green" };

/** "Strong disagreement" as a GOV.UK tag; nothing when it cannot be measured or is hidden. */
export function BandTag({ band }: { band: DisagreementBand | null }) {
  if (!band) return null;
  return <strong className={`govuk-tag govuk-tag--${BAND_COLOURS[band]}`}>{DISAGREEMENT_BAND_LABELS[band]}</strong>;
}

/** Who settled an answer and when, as one line. */
export function settledByLine(settlement: { settledByName: string | null; settledAtText: string }): string {
  return `Settled by ${settlement.settledByName ?? "a former member"} on ${settlement.settledAtText}`;
}
