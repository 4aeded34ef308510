import type { Server } from "node:http";
import type { Logger } from "../app/logger.server";
import type { ServerState } from "./app";

export type ShutdownOptions = {
  server: Server;
  state: ServerState;
  logger: Logger;
  /** How long requests in progress may take to finish before their connections are cut. */
  timeoutMs: number;
  /** Stops the PDF workers and closes the database, once no request can need them. */
  closeResources: () => Promise<void>;
};

/**
 * Graceful shutdown on SIGTERM (what process managers send) and SIGINT (Ctrl+C): readiness
 * answers 503 at once, the server stops accepting connections, requests in progress finish
 * (within `timeoutMs`), then the PDF workers stop, the database closes and the log is flushed.
 * Exits 0 when everything finished in time, 1 when requests had to be cut off. A second signal
 * stops at once.
 */
export function handleShutdownSignals(options: ShutdownOptions): void {
  const { server, state, logger, timeoutMs, closeResources } = options;
  let stopping = false;

  async function stop(signal: NodeJS.Signals): Promise<void> {
    if (stopping) {
      logger.warn({ signal }, "second signal: stopping now");
      logger.flush();
      process.exit(1);
    }
    stopping = true;
    state.shuttingDown = true;
    logger.info({ signal, timeoutMs }, "shutting down: finishing requests in progress");

    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    // Keep-alive connections with nothing in progress would hold the server open: close each
    // as soon as it goes quiet (answers sent while stopping also say "Connection: close").
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const finished = await Promise.race([closed, timedOut]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (!finished) {
      logger.warn({ timeoutMs }, "requests still in progress after the time limit: closing their connections");
      server.closeAllConnections();
    }

    try {
      await closeResources();
    } catch (error) {
      logger.error({ err: error }, "could not close the PDF workers or the database cleanly");
    }
    logger.info({ clean: finished }, "stopped");
    logger.flush();
    process.exit(finished ? 0 : 1);
  }

  process.on("SIGTERM", (signal) => void stop(signal));
  process.on("SIGINT", (signal) => void stop(signal));
}
