import { unitAfter } from "../../scoring/workshop-spread";
import type { Band, SpreadDisplay } from "./facilitator";

/** The GOV.UK tag colour of each disagreement band. */
export const BAND_COLOURS: Record<Band["band"], string> = { strong: "red", some: "yellow", agree: "green" };

/** The disagreement band as a GOV.UK tag: "Strong disagreement". */
export function BandTag({ band, short = false }: { band: Band; short?: boolean }) {
  return (
    <strong className={`govuk-tag govuk-tag--${BAND_COLOURS[band.band]} app-band-tag`}>
      {short ? band.short : band.label}
    </strong>
  );
}

function formatNumber(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

function names(people: readonly string[], places: readonly number[]): string[] {
  return places.map((place) => people[place] ?? "");
}

function peopleCount(count: number): string {
  return count === 1 ? "1 person" : `${count} people`;
}

/**
 * A question's spread: bars with their figures beside them (a list, so screen readers read each
 * option with its count), a number's middle and range with the far-off answers marked, or the
 * written answers. `large` is projector mode.
 */
export function SpreadChart({
  display,
  suffix,
  large = false,
  labelledBy,
  people,
}: {
  display: SpreadDisplay;
  /** The names answers refer to by place (empty when names are hidden). */
  people: readonly string[];
  suffix?: string;
  large?: boolean;
  labelledBy?: string;
}) {
  const unit = suffix ? ` ${suffix}` : "";
  const size = large ? " app-spread--large" : "";
  switch (display.kind) {
    case "hidden":
      return (
        <p className={`govuk-body app-spread__waiting${size}`}>
          Shown when {display.needed} people have answered; {display.answered} so far.
        </p>
      );
    case "none":
      return <p className={`govuk-body app-spread__waiting${size}`}>No answers yet.</p>;
    case "bars":
      return (
        <ul className={`app-spread app-bars${size}`} aria-labelledby={labelledBy}>
          {display.bars.map((bar) => (
            <li key={bar.label} className={`app-bars__row${bar.dontKnow ? " app-bars__row--dont-know" : ""}`}>
              <span className="app-bars__label">{bar.label}</span>
              {/* NOTE: SVG, whose width attribute is not an inline style: the CSP allows no inline styles. */}
              <svg className="app-bars__track" aria-hidden="true" focusable="false">
                <rect className="app-bars__bar" x="0" y="0" width={`${bar.percent}%`} height="100%" />
              </svg>
              <span className="app-bars__figure">
                {bar.count}
                <span className="govuk-visually-hidden"> {bar.count === 1 ? "person" : "people"},</span>{" "}
                <span className="app-bars__percent">({bar.percent}%)</span>
              </span>
              {bar.who.length > 0 ? <span className="app-bars__names">{names(people, bar.who).join(", ")}</span> : null}
            </li>
          ))}
        </ul>
      );
    case "numbers": {
      const span = display.max - display.min;
      // 3% to 97%, so the dots at either end are drawn whole.
      const at = (value: number) => (span === 0 ? 50 : 3 + ((value - display.min) / span) * 94);
      const outliers = display.points.filter((point) => point.outlier).length;
      return (
        <div className={`app-spread app-numbers${size}`}>
          <dl className="app-numbers__facts">
            <div>
              <dt>Middle answer</dt>
              <dd>
                {formatNumber(display.median)}
                {unitAfter(display.median, suffix)}
              </dd>
            </div>
            <div>
              <dt>Range</dt>
              <dd>
                {display.min === display.max
                  ? `${formatNumber(display.min)}${unitAfter(display.min, suffix)}`
                  : `${formatNumber(display.min)} to ${formatNumber(display.max)}${unit}`}
              </dd>
            </div>
            {display.dontKnow > 0 ? (
              <div>
                <dt>Did not know</dt>
                <dd>{peopleCount(display.dontKnow)}</dd>
              </div>
            ) : null}
          </dl>
          <svg className="app-numbers__strip" aria-hidden="true" focusable="false">
            <line className="app-numbers__axis" x1="0" x2="100%" y1="50%" y2="50%" />
            {display.points.map((point, index) => (
              <circle
                key={index}
                className={`app-numbers__dot${point.outlier ? " app-numbers__dot--outlier" : ""}`}
                cx={`${at(point.value)}%`}
                cy="50%"
                r="8"
              />
            ))}
          </svg>
          <ul className="app-numbers__values" aria-labelledby={labelledBy}>
            {display.points.map((point, index) => (
              <li key={index} className={point.outlier ? "app-numbers__value--outlier" : undefined}>
                {point.who !== null ? `${people[point.who] ?? ""}: ` : ""}
                {formatNumber(point.value)}
                {unitAfter(point.value, suffix)}
                {point.outlier ? <strong className="app-outlier"> far from the others</strong> : null}
              </li>
            ))}
            {names(people, display.dontKnowWho).map((name) => (
              <li key={`dk-${name}`}>{name}: I don&apos;t know</li>
            ))}
          </ul>
          {outliers > 0 ? (
            <p className="govuk-body-s app-numbers__note">
              An answer far from the others is marked: it lies well outside the middle half of the answers.
            </p>
          ) : null}
        </div>
      );
    }
    case "numbers-unknown":
      return (
        <p className={`govuk-body app-spread${size}`}>
          {display.dontKnow === 1 ? "1 person did not know." : `All ${display.dontKnow} did not know.`}
          {display.dontKnowWho.length > 0 ? ` (${names(people, display.dontKnowWho).join(", ")})` : null}
        </p>
      );
    case "texts":
      return (
        <ul className={`app-spread app-texts${size}`} aria-labelledby={labelledBy}>
          {display.answers.map((answer, index) => (
            <li key={index} className="app-texts__answer">
              <span className="app-wrap">{answer.text}</span>
              {answer.who !== null ? <span className="app-texts__name">{people[answer.who]}</span> : null}
            </li>
          ))}
        </ul>
      );
  }
}
