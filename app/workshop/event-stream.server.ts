import { createHash } from "node:crypto";

declare global {
  // Set by the production server (server/index.ts): true once it has begun to shut down, so
  // long-lived answers such as the live view's event stream end and let the server stop.
  var __engagementShuttingDown: (() => boolean) | undefined;
}

export type EventStreamOptions = {
  /** The current fingerprint, or undefined when the caller may no longer see it (the stream ends). */
  version: () => Promise<string | undefined>;
  /** Ends the stream: the client went away. */
  signal: AbortSignal;
  pollMs?: number;
  heartbeatMs?: number;
  /** The stream ends after this long; the browser's EventSource then reconnects (and is checked again). */
  maxMs?: number;
  /** True while the server is stopping: the stream ends within one poll. */
  shuttingDown?: () => boolean;
};

/** A short, opaque form of a fingerprint: what the page and the events compare. */
export function versionTag(version: string): string {
  return createHash("sha256").update(version).digest("base64url").slice(0, 16);
}

/**
 * Server-sent events for a live page: the current version at once, then a `change` event each
 * time the fingerprint changes (polled from the database, so it works with several server
 * processes), and a comment line as a heartbeat so proxies keep the connection open. Ends
 * cleanly when the client goes, when the server stops, after `maxMs`, or when access is lost.
 */
export function versionEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const pollMs = options.pollMs ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxMs = options.maxMs ?? 30 * 60_000;
  const shuttingDown = options.shuttingDown ?? (() => globalThis.__engagementShuttingDown?.() === true);
  const encoder = new TextEncoder();
  let cancelled = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    cancelled = true;
    wake?.();
  };
  options.signal.addEventListener("abort", stop, { once: true });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!cancelled) controller.enqueue(encoder.encode(text));
      };
      const started = Date.now();
      let lastBeat = started;
      let last: string | undefined;
      // NOTE: not awaited: start() returns at once, so the first events reach the reader as they come.
      void (async () => {
        try {
          // The browser waits this long before reconnecting after the stream ends.
          send("retry: 2000\n\n");
          while (!cancelled && !shuttingDown() && Date.now() - started < maxMs) {
            const version = await options.version();
            if (version === undefined) break;
            const tag = versionTag(version);
            if (tag !== last) {
              send(`event: ${last === undefined ? "version" : "change"}\ndata: ${tag}\n\n`);
              last = tag;
              lastBeat = Date.now();
            } else if (Date.now() - lastBeat >= heartbeatMs) {
              send(": still here\n\n");
              lastBeat = Date.now();
            }
            await sleep(pollMs);
          }
        } catch {
          // The database went away (the server is stopping): end the stream; the browser reconnects.
        } finally {
          options.signal.removeEventListener("abort", stop);
          if (!cancelled) controller.close();
          cancelled = true;
        }
      })();
    },
    cancel() {
      stop();
    },
  });
}

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: no proxy (nor the server's compression) may hold the events back to compress them.
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
  "X-Robots-Tag": "noindex, nofollow",
};
