import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { Progress } from "./facilitator";
import { describeChanges } from "./facilitator-text";

/**
 * Keeps a page up to date while it is open: listens to the server's events (`eventsHref`) and
 * reloads the page's data when the version it was rendered at (`version`) is no longer current.
 * Returns the sentence to announce politely after an update ("Updated: Sam finished").
 * Without EventSource (or JavaScript) nothing happens: the page has a Refresh link.
 */
export function useLiveUpdates(eventsHref: string, version: string, progress: Progress): string {
  const revalidator = useRevalidator();
  const latest = useRef({ version, revalidator });
  latest.current = { version, revalidator };
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(eventsHref);
    const onVersion = (event: MessageEvent<string>) => {
      if (event.data !== latest.current.version) latest.current.revalidator.revalidate();
    };
    source.addEventListener("version", onVersion);
    source.addEventListener("change", onVersion);
    return () => source.close();
  }, [eventsHref]);

  const shown = useRef(progress);
  useEffect(() => {
    if (shown.current === progress) return;
    setMessage(describeChanges(shown.current, progress));
    shown.current = progress;
  }, [progress]);

  return message;
}
