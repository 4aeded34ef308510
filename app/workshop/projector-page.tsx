import { Link, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "../components/use-hydrated";
import type { Progress, QuestionView } from "./facilitator";
import { BandTag, SpreadChart } from "./spread-chart";
import { useLiveUpdates } from "./use-live-updates";

export type ProjectorPageData = {
  question: QuestionView | null;
  /** Its place in the ranking by disagreement, or null when it is not ranked. */
  position: number | null;
  of: number;
  namesShown: boolean;
  /** Names of participants, which the question's answers refer to by place; empty when hidden. */
  people: string[];
  version: string;
  progress: Progress;
  hrefs: { back: string; events: string; previous: string | null; next: string | null };
};

/**
 * One question at a time, for a wall: the question in large type, its spread with the figures
 * beside the bars, its band, and plain links to the previous and next most divergent questions.
 * Keys (with JavaScript): Right or J for the next, Left or K for the previous, Escape back to
 * the facilitator's view, F for full screen.
 */
export function ProjectorPage({ data }: { data: ProjectorPageData }) {
  const { question, hrefs } = data;
  const navigate = useNavigate();
  const hydrated = useHydrated();
  const announcement = useLiveUpdates(hrefs.events, data.version, data.progress);
  const [fullScreen, setFullScreen] = useState(false);
  // NOTE: read by the key handler when a key is pressed, so a key pressed just after a move uses
  // the new question's neighbours, not the ones of the question before.
  const targets = useRef(hrefs);
  targets.current = hrefs;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]")) return;
      const key = event.key.toLowerCase();
      const hrefs = targets.current;
      const to =
        key === "arrowright" || key === "j"
          ? hrefs.next
          : key === "arrowleft" || key === "k"
            ? hrefs.previous
            : key === "escape" && !document.fullscreenElement
              ? hrefs.back
              : null;
      if (to) {
        event.preventDefault();
        navigate(to);
      } else if (key === "f" && document.fullscreenEnabled) {
        event.preventDefault();
        void toggleFullScreen();
      }
    };
    const onFullScreen = () => setFullScreen(Boolean(document.fullscreenElement));
    document.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullScreen);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullScreen);
    };
  }, [navigate]);

  return (
    <main className="app-projector" id="main-content" tabIndex={-1}>
      <div className="app-projector__top">
        <p className="app-projector__position">
          {data.position !== null
            ? `Question ${data.position} of ${data.of}, by disagreement`
            : question
              ? "Not ranked yet"
              : ""}
        </p>
        {question?.band ? (
          <p className="app-projector__band">
            <BandTag band={question.band} />
          </p>
        ) : null}
      </div>
      {question ? (
        <>
          <p className="app-projector__section">{question.sectionTitle}</p>
          <h1 className="app-projector__question app-wrap" id="projector-question">
            {question.label}
          </h1>
          <p className="app-projector__answered">
            {question.answered === 1 ? "1 answer" : `${question.answered} answers`}
            {data.namesShown ? "" : ", names hidden"}
          </p>
          <SpreadChart
            display={question.display}
            suffix={question.suffix}
            large
            labelledBy="projector-question"
            people={data.people}
          />
        </>
      ) : (
        <h1 className="app-projector__question">
          Nothing to show yet: questions appear here once two people have answered them.
        </h1>
      )}
      <p className="govuk-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <nav className="app-projector__nav" aria-label="Questions">
        {hrefs.previous ? (
          <Link className="app-projector__link" to={hrefs.previous}>
            <span aria-hidden="true">← </span>Previous
          </Link>
        ) : null}
        {hrefs.next ? (
          <Link className="app-projector__link" to={hrefs.next}>
            Next<span aria-hidden="true"> →</span>
          </Link>
        ) : null}
        <Link className="app-projector__link app-projector__link--quiet" to={hrefs.back}>
          Back to the workshop
        </Link>
        {hydrated && document.fullscreenEnabled ? (
          <button type="button" className="app-projector__button" onClick={() => void toggleFullScreen()}>
            {fullScreen ? "Leave full screen" : "Full screen"}
          </button>
        ) : null}
      </nav>
      {hydrated ? (
        <p className="app-projector__keys">Keys: → or J next, ← or K previous, F full screen, Esc back.</p>
      ) : null}
    </main>
  );
}

async function toggleFullScreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // The browser refused (not allowed here): the page works as it is.
  }
}
