import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Tests of the production server (build/server/server.js) as a separate process: they need a
// build, so `npm test` runs them after `npm run build`.
export default defineConfig({
  root,
  test: {
    include: ["test/server/**/*.test.ts"],
    // Each file starts its own server, with its PDF workers: one at a time on two cores.
    fileParallelism: false,
    // Generous: PDFs and whole runs of requests on a busy two-core machine take a while.
    testTimeout: 180_000,
    hookTimeout: 90_000,
  },
});
